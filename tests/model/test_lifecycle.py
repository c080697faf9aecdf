from datetime import UTC, datetime
from uuid import uuid4

import pytest

from sealflow.errors import LifecycleViolation
from sealflow.model import lifecycle
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from support import add_component, component

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def draft():
    return component("Scale", {"x": "FLOAT"}, {"y": "FLOAT"}, "return {'y': 2 * x}", state=State.DRAFT)


def test_release_freezes_and_never_touches_the_code():
    tr = draft()
    released = lifecycle.release(tr, NOW)
    assert released.state is State.RELEASED
    assert released.released_timestamp == NOW
    assert released.content == tr.content
    assert released.io_interface == tr.io_interface


def test_disable_keeps_code_and_release_date():
    released = lifecycle.release(draft(), NOW)
    disabled = lifecycle.disable(released, datetime(2026, 12, 1, tzinfo=UTC))
    assert disabled.state is State.DISABLED
    assert disabled.released_timestamp == NOW
    assert disabled.content == released.content


@pytest.mark.parametrize(
    ("make", "rule"),
    [
        pytest.param(
            lambda: lifecycle.release(draft(), NOW), "only a DRAFT can be released", id="release-twice"
        ),
        pytest.param(
            lambda: component("Empty", {}, {}, "return {}", state=State.DRAFT),
            "neither inputs nor outputs",
            id="component-without-io",
        ),
        pytest.param(
            lambda: WorkflowBuilder().build("Empty"), "no operators", id="workflow-without-operators"
        ),
    ],
)
def test_release_refusals_say_why(make, rule):
    with pytest.raises(LifecycleViolation, match=rule):
        lifecycle.release(make(), NOW)


def test_drafts_may_change_anything_but_type():
    tr = draft()
    lifecycle.check_update(tr, tr.model_copy(update={"content": "def main(*, x):\n    return {'y': x}\n"}))
    with pytest.raises(LifecycleViolation, match="never changes its type"):
        lifecycle.check_update(tr, tr.model_copy(update={"type": "WORKFLOW"}))


def test_released_code_is_frozen_unless_overwrite_is_explicit():
    released = lifecycle.release(draft(), NOW)
    changed = released.model_copy(update={"content": released.code() + "# changed\n"})
    with pytest.raises(LifecycleViolation, match=r"RELEASED and frozen; it cannot change \(content\)"):
        lifecycle.check_update(released, changed)
    lifecycle.check_update(released, changed, allow_overwrite_released=True)


@pytest.mark.parametrize("field", ["documentation", "test_wiring"])
def test_documentation_and_test_wiring_stay_editable(field):
    released = lifecycle.release(draft(), NOW)
    value = "# New docs" if field == "documentation" else {"input_wirings": [{"workflow_input_name": "x"}]}
    changed = released.model_validate({**released.model_dump(), field: value})
    lifecycle.check_update(released, changed)


def test_released_may_be_disabled_by_update():
    released = lifecycle.release(draft(), NOW)
    lifecycle.check_update(released, lifecycle.disable(released, NOW))


def test_new_revision_starts_a_draft_in_the_same_group():
    released = lifecycle.release(
        add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None}), NOW
    )
    new = lifecycle.new_revision(released, uuid4(), "1.1.0")
    assert (new.state, new.revision_group_id, new.version_tag) == (
        State.DRAFT,
        released.revision_group_id,
        "1.1.0",
    )
    assert new.released_timestamp is None
    with pytest.raises(LifecycleViolation, match="DRAFT already"):
        lifecycle.new_revision(new, uuid4(), "1.2.0")
