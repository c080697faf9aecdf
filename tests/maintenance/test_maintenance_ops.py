"""Maintenance use cases on both backends: exactly which revisions each one changes."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.model import lifecycle
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops import maintenance
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from support import RELEASED_AT, add_component, component


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path, install_library=False))
    yield opened
    opened.close()


def wrap(name: str, *uses: TransformationRevision, state: State = State.RELEASED) -> TransformationRevision:
    """A workflow running each of ``uses`` once, every input and output exposed."""
    builder = WorkflowBuilder()
    for index, tr in enumerate(uses):
        placed = builder.add(tr, name=f"{tr.name} {index}")
        for io in tr.io_interface.inputs:
            builder.input(f"{io.name}_{index}", placed.input(str(io.name)))
        for io in tr.io_interface.outputs:
            builder.output(f"{io.name}_{index}", placed.output(str(io.name)))
    built = builder.build(name, released=RELEASED_AT)
    if state is State.DISABLED:
        return lifecycle.disable(built, RELEASED_AT)
    if state is State.DRAFT:
        return built.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    return built


def revision(
    name: str, tag: str, group: UUID, *, days: int = 0, id: str | None = None, state: State = State.RELEASED
):
    base = component(name, {"a": "INT"}, {"b": "INT"}, f"return {{'b': a + {days}}}", state=state, tag=tag)
    update: dict[str, object] = {"revision_group_id": group, "id": UUID(id) if id else uuid4()}
    if state is State.RELEASED:
        update["released_timestamp"] = RELEASED_AT + timedelta(days=days)
    return base.model_copy(update=update)


def store(instance: Instance, *revisions: TransformationRevision) -> None:
    for tr in revisions:
        instance.transformations.insert(tr)


def names(report: maintenance.MaintenanceReport, action: str) -> list[str]:
    return [f"{change.name}@{change.version_tag}" for change in report.changed(action)]


def test_deprecate_keeps_the_newest_released_revision_of_each_group_and_breaks_ties_by_id(instance: Instance):
    group, other = uuid4(), uuid4()
    old = revision("Scale", "1", group, days=0)
    tie_low = revision("Scale", "2", group, days=5, id="00000000-0000-4000-8000-000000000001")
    tie_high = revision("Scale", "3", group, days=5, id="ffffffff-0000-4000-8000-000000000001")
    draft = revision("Scale", "4", group, state=State.DRAFT)
    single = revision("Shift", "1", other)
    user = wrap("User", old)
    store(instance, old, tie_low, tie_high, draft, single, user)

    report = maintenance.deprecate_all_but_latest_per_group(instance)

    assert sorted(names(report, "deprecated")) == ["Scale@1", "Scale@2"]
    states = {tr.version_tag + tr.name: tr.state for tr in instance.transformations.list()}
    assert states == {
        "1Scale": State.DISABLED,
        "2Scale": State.DISABLED,
        "3Scale": State.RELEASED,
        "4Scale": State.DRAFT,
        "1Shift": State.RELEASED,
        "1.0.0User": State.RELEASED,
    }
    assert instance.transformations.get(user.id) == user
    assert instance.transformations.get(old.id).code() == old.code()


def test_delete_drafts_deletes_exactly_the_drafts_outermost_first(instance: Instance):
    add = add_component()
    draft_component = revision("Sketch", "0.1", uuid4(), state=State.DRAFT)
    draft_workflow = wrap("Plan", add, state=State.DRAFT)
    released = wrap("Done", add)
    store(instance, add, draft_component, draft_workflow, released)

    report = maintenance.delete_drafts(instance)

    assert sorted(names(report, "deleted")) == ["Plan@1.0.0", "Sketch@0.1"]
    assert not report.changed("kept")
    assert sorted(tr.name for tr in instance.transformations.list()) == ["Add", "Done"]


def test_delete_drafts_keeps_a_draft_that_a_stored_workflow_uses(instance: Instance):
    sketch = revision("Sketch", "0.1", uuid4())
    user = wrap("User", sketch)
    sketch = sketch.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    store(instance, sketch, user)

    report = maintenance.delete_drafts(instance)

    assert names(report, "kept") == ["Sketch@0.1"]
    assert "User" in (report.changed("kept")[0].reason or "")
    assert instance.transformations.find(sketch.id) is not None


def test_delete_unused_deprecated_follows_nesting_and_ignores_used_ones(instance: Instance):
    add = add_component()
    inner = wrap("Inner", add)
    outer = wrap("Outer", inner)
    spare = revision("Spare", "1", uuid4())
    shelved = wrap("Shelved", spare, state=State.DISABLED)
    spare = lifecycle.disable(spare, RELEASED_AT)
    old = lifecycle.disable(revision("Old", "1", uuid4()), RELEASED_AT)
    active = wrap("Active", old)
    retired = wrap("Retired", add, state=State.DISABLED)
    keeper = wrap("Keeper", retired)
    store(instance, add, inner, outer, spare, shelved, old, active, retired, keeper)

    report = maintenance.delete_unused_deprecated(instance)

    assert names(report, "deleted") == ["Shelved@1.0.0", "Spare@1"]
    assert sorted(tr.name for tr in instance.transformations.list()) == [
        "Active",
        "Add",
        "Inner",
        "Keeper",
        "Old",
        "Outer",
        "Retired",
    ]


def test_purge_deletes_every_revision_and_keeps_code_that_runs_refer_to(instance: Instance):
    add = add_component()
    unrun = revision("Unrun", "1", uuid4())
    store(instance, add, unrun, wrap("Sum", add))
    execute_transformation(instance, add, wiring_from_values({"a": "1", "b": "2"}))
    add_hash, unrun_hash = code_hash(add.code()), code_hash(unrun.code())

    report = maintenance.purge(instance)

    assert sorted(names(report, "deleted")) == ["Add@1.0.0", "Sum@1.0.0", "Unrun@1"]
    order = [change.name for change in report.revisions]
    assert order.index("Sum") < order.index("Add")
    assert report.purged_code_hashes == [unrun_hash]
    assert instance.transformations.list() == []
    assert instance.code.has(add_hash)


def test_purges_running_at_once_both_end_and_leave_nothing(instance: Instance, tmp_path: Path):
    add = add_component()
    store(instance, add, *(revision(f"Unrun {n}", "1", uuid4()) for n in range(20)), wrap("Sum", add))
    other = Instance.open(
        Settings(
            db_url=str(instance.database.url.render_as_string(hide_password=False)),
            home=tmp_path / "other",
            install_library=False,
        )
    )
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            reports = list(pool.map(maintenance.purge, [instance, other]))
    finally:
        other.close()

    deleted = sorted(name for report in reports for name in names(report, "deleted"))
    assert len(deleted) == 22
    assert len(set(deleted)) == 22
    assert instance.transformations.list() == []


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(maintenance.deprecate_all_but_latest_per_group, id="deprecate"),
        pytest.param(maintenance.delete_drafts, id="delete-drafts"),
        pytest.param(maintenance.delete_unused_deprecated, id="delete-unused-deprecated"),
        pytest.param(maintenance.purge, id="purge"),
    ],
)
def test_a_dry_run_reports_what_a_real_run_does_and_changes_nothing(instance: Instance, action):
    group = uuid4()
    store(
        instance,
        revision("Scale", "1", group),
        revision("Scale", "2", group, days=1),
        revision("Sketch", "1", uuid4(), state=State.DRAFT),
        lifecycle.disable(revision("Gone", "1", uuid4()), RELEASED_AT),
    )
    before = instance.transformations.list()
    codes_before = instance.code.hashes()

    planned = action(instance, dry_run=True)

    assert planned.dry_run
    assert planned.revisions
    assert instance.transformations.list() == before
    assert instance.code.hashes() == codes_before
    done = action(instance)
    assert done.revisions == planned.revisions
    assert done.purged_code_hashes == planned.purged_code_hashes


def test_deploy_base_library_reports_every_imported_revision(instance: Instance):
    report = maintenance.deploy_base_library(instance)

    assert report.revisions
    assert {change.action for change in report.revisions} == {"created"}
    assert len(instance.transformations.list()) == len(report.revisions)
