"""Plans before destructive changes, snapshots and the audit log, on SQLite and PostgreSQL."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.errors import Conflict
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import DataType, State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops import maintenance
from sealflow.ops.audit import audit_log, who
from sealflow.ops.backup import backup
from sealflow.ops.execution import execute_transformation
from sealflow.ops.guarded import PutRequest, maintenance_planned, plan_put, put_planned
from sealflow.ops.instance import Instance
from sealflow.ops.restore import restore
from sealflow.store.objects import ObjectManifest
from support import RELEASED_AT, add_component


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path))
    yield opened
    opened.close()


def flow_of(tr: TransformationRevision, name: str = "Flow") -> TransformationRevision:
    builder = WorkflowBuilder()
    placed = builder.add(tr, "adder")
    builder.input("x", placed.input("a"))
    builder.input("y", placed.input("b"))
    builder.output("z", placed.output("sum"))
    return builder.build(name, released=RELEASED_AT)


def outer_of(flow: TransformationRevision) -> TransformationRevision:
    builder = WorkflowBuilder()
    placed = builder.add(flow, "inner")
    builder.input("x", placed.input("x"))
    builder.input("y", placed.input("y"))
    builder.output("z", placed.output("z"))
    return builder.build("Outer", released=RELEASED_AT)


@pytest.fixture
def stored(
    instance: Instance,
) -> tuple[TransformationRevision, TransformationRevision, TransformationRevision]:
    add = add_component()
    flow = flow_of(add)
    outer = outer_of(flow)
    for tr in (add, flow, outer):
        instance.transformations.insert(tr)
    return add, flow, outer


def subtracting(add: TransformationRevision) -> TransformationRevision:
    return add.model_copy(update={"content": add.code().replace("a + b", "a - b")})


def retyped(add: TransformationRevision) -> TransformationRevision:
    interface = add.io_interface.model_copy(deep=True)
    interface.outputs[0].data_type = DataType.FLOAT
    return add.model_copy(update={"io_interface": interface})


def snapshots(instance: Instance) -> list[Path]:
    return sorted((instance.settings.home / "snapshots").glob("*.zip"))


def test_plan_of_a_code_change_lists_diff_users_objects_and_runs(instance: Instance, stored):
    add, flow, _outer = stored
    execute_transformation(instance, flow, wiring_from_values({"x": "1", "y": "2"}))
    old_hash = code_hash(add.code())
    payload = b"model"
    instance.objects.store.write(
        ObjectManifest.describe("pump-7", "v3", payload, "pickle", code_hashes=[old_hash]), payload
    )
    request = PutRequest(subtracting(add), allow_overwrite_released=True)

    plan = plan_put(instance, request)

    (change,) = plan.changes
    assert (change.name, change.change, change.old_code_hash) == ("Add", "changed", old_hash)
    assert change.new_code_hash == code_hash(subtracting(add).code())
    assert "+    return {'sum': a - b}" in change.code_diff
    assert change.interface_changes == []
    assert [ref.name for ref in change.used_by] == ["Flow", "Outer"]
    assert (change.will_break, change.objects, change.executions) == ([], ["pump-7@v3"], 1)
    assert not plan.breaking
    assert instance.transformations.get(add.id) == add
    assert snapshots(instance) == []


def test_an_applied_overwrite_snapshots_then_audits(instance: Instance, stored):
    add, _, _ = stored
    new = subtracting(add)

    applied = put_planned(instance, PutRequest(new, allow_overwrite_released=True), actor="ada")

    assert instance.transformations.get(add.id).code() == new.code()
    assert applied.snapshot is not None
    assert snapshots(instance) == [applied.snapshot]
    with zipfile.ZipFile(applied.snapshot) as archive:
        assert add.code() in {
            archive.read(name).decode() for name in archive.namelist() if name.startswith("code/")
        }
    (entry,) = audit_log(instance)
    assert (entry.actor, entry.action, entry.snapshot) == ("ada", "put", str(applied.snapshot))
    assert [target.name for target in entry.targets] == ["Add"]
    assert (entry.old_code_hashes, entry.new_code_hashes) == (
        [code_hash(add.code())],
        [code_hash(new.code())],
    )


def test_a_breaking_overwrite_is_refused_unless_forced(instance: Instance, stored):
    add, _flow, _outer = stored
    request = PutRequest(retyped(add), allow_overwrite_released=True)

    plan = plan_put(instance, request)
    (change,) = plan.changes
    assert plan.breaking
    assert [str(c) for c in change.interface_changes] == ["output 'sum' retyped (INT -> FLOAT)"]
    assert [(ref.name, ref.reason) for ref in change.will_break] == [
        ("Flow", "operator 'adder': output 'sum' is now FLOAT (was INT)"),
        ("Outer", "runs Flow 1.0.0, which breaks"),
    ]

    with pytest.raises(Conflict) as refused:
        put_planned(instance, request, actor="ada")
    assert "workflows that would break: Flow 1.0.0, Outer 1.0.0" in refused.value.message
    assert "force=true" in refused.value.message
    assert "--force" in refused.value.message
    assert instance.transformations.get(add.id) == add
    assert (snapshots(instance), audit_log(instance)) == ([], [])

    applied = put_planned(instance, request, actor="ada", force=True)
    assert instance.transformations.get(add.id).io_interface.outputs[0].data_type is DataType.FLOAT
    assert applied.audit is not None
    assert len(audit_log(instance)) == 1


def test_draft_edits_write_no_snapshot_and_no_audit_entry(instance: Instance):
    draft = add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    put_planned(instance, PutRequest(draft, update_component_code=False), actor="ada")
    put_planned(instance, PutRequest(subtracting(draft), update_component_code=False), actor="ada")

    assert instance.transformations.get(draft.id).code() == subtracting(draft).code()
    assert (snapshots(instance), audit_log(instance)) == ([], [])


def test_purge_is_snapshotted_and_audited_and_the_snapshot_restores(
    instance: Instance, stored, tmp_path: Path
):
    _add, _flow, _outer = stored

    applied = maintenance_planned(instance, maintenance.purge, actor="ops")

    assert instance.transformations.list() == []
    assert sorted(change.name for change in applied.plan.changes) == ["Add", "Flow", "Outer"]
    (entry,) = audit_log(instance)
    assert entry.action == "purge"
    assert entry.snapshot == str(applied.snapshot)

    result = restore(instance, Path(entry.snapshot), actor="ops")
    assert {tr.name for tr in instance.transformations.list()} == {"Add", "Flow", "Outer"}
    assert [e.action for e in audit_log(instance)] == ["restore", "purge"]
    assert result.audit is not None
    assert result.audit.actor == "ops"


def test_restore_replacing_a_released_revision_plans_snapshots_and_audits(
    instance: Instance, stored, tmp_path: Path
):
    add, _, _ = stored
    archive = backup(instance, tmp_path / "before.zip").path
    put_planned(instance, PutRequest(subtracting(add), allow_overwrite_released=True), actor="ada")

    dry = restore(instance, archive, dry_run=True)
    assert dry.impact is not None
    assert [(c.name, c.old_code_hash) for c in dry.impact.changes] == [
        ("Add", code_hash(subtracting(add).code()))
    ]

    result = restore(instance, archive, allow_overwrite=True, actor="bob")

    assert instance.transformations.get(add.id).code() == add.code()
    assert result.snapshot is not None
    assert result.snapshot.parent == tmp_path / "snapshots"
    assert [(e.actor, e.action) for e in audit_log(instance)] == [("bob", "restore"), ("ada", "put")]


def test_backups_carry_the_audit_log_and_restores_bring_it_back(
    db_url: str, tmp_path: Path, stored, instance
):
    add, _, _ = stored
    put_planned(instance, PutRequest(subtracting(add), allow_overwrite_released=True), actor="ada")
    archive = backup(instance, tmp_path / "all.zip").path

    other = Instance.open(Settings(home=tmp_path / "other"))
    try:
        restore(other, archive, actor="bob")
        assert [(e.actor, e.action) for e in audit_log(other)] == [("bob", "restore"), ("ada", "put")]
        assert audit_log(other)[1] == audit_log(instance)[0]
    finally:
        other.close()


def test_who_prefers_the_claim_then_the_setting_then_the_os_user_or_api():
    settings = Settings(actor="carol")
    assert who(settings, " dave ", "api") == "dave"
    assert who(settings, None, "cli") == "carol"
    assert who(settings, None, "api") == "api"
    assert who(Settings(), None, "cli") not in {"", "api"}
