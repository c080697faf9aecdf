"""Create-or-update of one revision by the lifecycle rules, as the REST service and bulk import use it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sealflow.code import codegen
from sealflow.config import Settings
from sealflow.errors import InvalidTransformation, LifecycleViolation
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.instance import Instance
from sealflow.ops.upsert import planned_update, put_transformation, regenerated
from support import RELEASED_AT, add_component

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def generated(state: State = State.DRAFT) -> TransformationRevision:
    """An Add component whose code has hetida designer's generated section."""
    tr = add_component().model_copy(
        update={"state": state, "released_timestamp": None if state is State.DRAFT else RELEASED_AT}
    )
    code = codegen.generate_code(tr)
    code = code[: code.index(codegen.END_MARKER) + len(codegen.END_MARKER)] + "\n    return {'sum': a + b}\n"
    return tr.model_copy(update={"content": code})


def changed(tr: TransformationRevision, **update: Any) -> TransformationRevision:
    return tr.model_copy(update=update)


@pytest.mark.parametrize(
    ("stored_state", "update", "action", "state"),
    [
        pytest.param(State.DRAFT, {"name": "Plus"}, "updated", State.DRAFT, id="draft-edit"),
        pytest.param(
            State.DRAFT,
            {"state": State.RELEASED, "released_timestamp": RELEASED_AT},
            "released",
            State.RELEASED,
            id="release",
        ),
        pytest.param(
            State.DRAFT,
            {"state": State.DISABLED, "disabled_timestamp": RELEASED_AT},
            "disabled",
            State.DISABLED,
            id="draft-disable",
        ),
        pytest.param(
            State.RELEASED,
            {"state": State.DISABLED, "disabled_timestamp": RELEASED_AT},
            "disabled",
            State.DISABLED,
            id="disable",
        ),
        pytest.param(
            State.RELEASED, {"documentation": "# Add"}, "updated", State.RELEASED, id="documentation"
        ),
    ],
)
def test_planned_update(stored_state: State, update: dict[str, Any], action: str, state: State):
    stored = generated(stored_state)

    new, name = planned_update(stored, changed(stored, **update), at=NOW)

    assert (name, new.state) == (action, state)
    if state is not State.DRAFT:
        assert new.code() == stored.code()
    if action == "released":
        assert new.released_timestamp == NOW
    if action == "disabled":
        assert new.disabled_timestamp == NOW
        assert new.released_timestamp == (stored.released_timestamp or NOW)


def test_planned_update_regenerates_draft_code_only_while_a_draft():
    stored = generated()

    edited, _ = planned_update(stored, changed(stored, name="Plus"), at=NOW)
    kept, _ = planned_update(stored, changed(stored, name="Plus"), at=NOW, update_component_code=False)

    assert '"name": "Plus"' in edited.code()
    assert kept.code() == stored.code()


@pytest.mark.parametrize(
    ("stored_state", "update", "message"),
    [
        pytest.param(State.RELEASED, {"name": "Plus"}, "is RELEASED and frozen", id="released-edit"),
        pytest.param(
            State.RELEASED,
            {"name": "Plus", "state": State.DISABLED, "disabled_timestamp": RELEASED_AT},
            r"cannot change \(name\)",
            id="disable-with-edit",
        ),
        pytest.param(State.DISABLED, {"description": "x"}, "is DISABLED and frozen", id="disabled-edit"),
    ],
)
def test_planned_update_refuses_changes_to_frozen_revisions(
    stored_state: State, update: dict[str, Any], message: str
):
    stored = generated(stored_state)
    if stored_state is State.DISABLED:
        stored = changed(stored, disabled_timestamp=RELEASED_AT)

    with pytest.raises(LifecycleViolation, match=message):
        planned_update(stored, changed(stored, **update), at=NOW)
    new, action = planned_update(stored, changed(stored, **update), at=NOW, allow_overwrite_released=True)
    assert action in {"updated", "disabled"}
    assert new.code() == stored.code()


def test_regenerated_leaves_frozen_revisions_and_workflows_alone():
    released = generated(State.RELEASED)
    draft = generated()

    assert regenerated(released) is released
    assert regenerated(draft) is draft
    assert regenerated(changed(draft, name="Plus")).code() != draft.code()


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path))
    yield opened
    opened.close()


def test_put_transformation_creates_updates_and_releases(instance: Instance):
    draft = generated()

    created = put_transformation(instance, draft)
    unchanged = put_transformation(instance, draft)
    released = put_transformation(
        instance, changed(draft, state=State.RELEASED, released_timestamp=RELEASED_AT)
    )

    assert (created.action, unchanged.action, released.action) == ("created", "unchanged", "released")
    stored = instance.transformations.get(draft.id)
    assert stored.state is State.RELEASED
    assert stored.code() == draft.code()
    assert stored.released_timestamp != RELEASED_AT


def test_put_transformation_rolls_back_a_refused_change(instance: Instance):
    tr = generated(State.RELEASED)
    put_transformation(instance, tr)

    with pytest.raises(LifecycleViolation):
        put_transformation(instance, changed(tr, name="Plus"))

    assert instance.transformations.get(tr.id) == tr


def test_put_transformation_refuses_code_it_cannot_regenerate(instance: Instance):
    draft = add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None})

    with pytest.raises(InvalidTransformation, match="no generated section"):
        put_transformation(instance, draft)
    assert put_transformation(instance, draft, update_component_code=False).action == "created"
