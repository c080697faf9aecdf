"""Backup and restore: one archive carries revisions, code, records and the object list between databases."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.errors import Conflict, InvalidInput
from sealflow.model.datatypes import State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.backup import MANIFEST, backup
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.restore import read_archive, restore
from sealflow.ops.transformations import import_transformations
from sealflow.store.executions import ExecutionRepository
from sealflow.store.snapshots import SnapshotRepository
from store.factories import ADD_CODE, component, workflow

MUL_CODE = ADD_CODE.replace('"sum"', '"product"').replace("a + b", "a * b")
# Windows line endings and a trailing space: the code store keeps the exact text.
DRAFT_CODE = ADD_CODE.replace("\n", "\r\n").replace("a + b", "a + b + 1 ")


@contextmanager
def opened(db_url: str, home: Path, objects: Path) -> Iterator[Instance]:
    """An instance on ``db_url`` whose persisted objects live in ``objects``."""
    instance = Instance.open(
        Settings(db_url=db_url, home=home, objects_url=objects.as_uri(), install_library=False)
    )
    try:
        yield instance
    finally:
        instance.close()


def populate(instance: Instance) -> dict[str, TransformationRevision]:
    """Components, a workflow over them, a draft and a disabled revision, a run and a stored object."""
    add = component("Add")
    mul = component(
        "Multiply",
        code=MUL_CODE,
        io_interface={
            "inputs": [{"name": "a", "data_type": "INT"}, {"name": "b", "data_type": "INT"}],
            "outputs": [{"name": "product", "data_type": "INT"}],
        },
    )
    draft = component("Add one", state=State.DRAFT, code=DRAFT_CODE)
    old = component("Add", tag="0.9.0", state=State.DISABLED, group=add.revision_group_id)
    pipeline = workflow("Pipeline", [add, mul])
    revisions = {"add": add, "mul": mul, "draft": draft, "old": old, "pipeline": pipeline}
    import_transformations(instance, revisions.values())
    execute_transformation(instance, add, wiring_from_values({"a": "1", "b": "2"}))
    instance.objects.save("pump-model", "v1", {"weights": [1, 2, 3]})
    return revisions


def content(path: Path) -> dict[str, Any]:
    """The logical content of an archive: item counts and every member's checksum (not created_at)."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    return {
        "counts": {name: section["count"] for name, section in manifest["sections"].items()},
        "members": {member["path"]: member["sha256"] for member in manifest["members"]},
    }


def state_of(instance: Instance) -> dict[str, Any]:
    """Everything a restore may change, read through the repositories."""
    records = ExecutionRepository(instance.database).list(limit=1000)
    return {
        "revisions": instance.transformations.list(),
        "code": {key: instance.code.get(key) for key in instance.code.hashes()},
        "records": records,
        "snapshots": SnapshotRepository(instance.database).revisions(),
        "fingerprints": SnapshotRepository(instance.database).fingerprints(),
    }


@pytest.fixture
def objects(tmp_path: Path) -> Path:
    return tmp_path / "objects"


@pytest.fixture
def source_backup(
    sqlite_url: str, tmp_path: Path, objects: Path
) -> tuple[Path, dict[str, TransformationRevision]]:
    """A backup of a populated SQLite instance."""
    with opened(sqlite_url, tmp_path / "source", objects) as instance:
        revisions = populate(instance)
        backup(instance, tmp_path / "backup.zip")
    return tmp_path / "backup.zip", revisions


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pytest.param("sqlite", "postgres", id="sqlite-to-postgres"),
        pytest.param("postgres", "sqlite", id="postgres-to-sqlite"),
    ],
)
def test_a_backup_restored_into_the_other_backend_backs_up_the_same(
    source: str, target: str, sqlite_url: str, postgres_schema_url: str, tmp_path: Path, objects: Path
) -> None:
    urls = {"sqlite": sqlite_url, "postgres": postgres_schema_url}
    with opened(urls[source], tmp_path / "a", objects) as first:
        populate(first)
        written = backup(first, tmp_path / "first.zip")
        before = state_of(first)
    assert written.manifest["source"] == {"backend": "sqlite" if source == "sqlite" else "postgresql"}
    assert written.counts == {
        "transformations": 5,
        "code": 3,
        "executions": 1,
        "objects": 1,
        "snapshots": 1,
        "fingerprints": 1,
        "audit": 0,
    }

    with opened(urls[target], tmp_path / "b", objects) as second:
        result = restore(second, tmp_path / "first.zip")
        assert result.applied
        assert result.snapshot is None
        assert result.plan.objects_missing == []
        assert result.audit is not None
        assert result.audit.action == "restore"
        backup(second, tmp_path / "second.zip")
        assert state_of(second) == before

    first_content, second_content = content(tmp_path / "first.zip"), content(tmp_path / "second.zip")
    assert second_content["counts"] == first_content["counts"] | {"audit": 1}
    del first_content["members"]["audit.jsonl"], second_content["members"]["audit.jsonl"]
    assert second_content["members"] == first_content["members"]


def test_the_archive_describes_itself_without_the_database_url(
    source_backup: tuple[Path, dict[str, TransformationRevision]],
) -> None:
    path, _ = source_backup
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST))
        draft_text = archive.read(f"code/{code_hash(DRAFT_CODE)}.py")
    assert {
        "manifest.json",
        "transformations.jsonl",
        "executions.jsonl",
        "objects.jsonl",
        "audit.jsonl",
    } <= names
    assert draft_text == DRAFT_CODE.encode("utf-8")
    assert (manifest["format"], manifest["format_version"]) == ("sealflow-backup", 1)
    assert manifest["sections"]["audit"] == {
        "member": "audit.jsonl",
        "format": "sealflow-audit/1",
        "count": 0,
    }
    assert "sqlite:" not in json.dumps(manifest)
    assert not [name for name in names if name.endswith(".tmp")]
    assert not list(path.parent.glob(".backup.zip.*"))


def test_restoring_twice_changes_nothing_the_second_time(
    source_backup: tuple[Path, dict[str, TransformationRevision]],
    postgres_schema_url: str,
    tmp_path: Path,
    objects: Path,
) -> None:
    path, _ = source_backup
    with opened(postgres_schema_url, tmp_path / "target", objects) as instance:
        assert restore(instance, path).applied
        after_first = state_of(instance)
        again = restore(instance, path)
        assert not again.applied
        assert again.plan.code.new == again.plan.transformations.new == again.plan.executions.new == []
        assert len(again.plan.transformations.identical) == 5
        assert state_of(instance) == after_first


def test_execution_records_survive_with_the_code_they_ran(
    source_backup: tuple[Path, dict[str, TransformationRevision]],
    sqlite_url: str,
    tmp_path: Path,
    objects: Path,
) -> None:
    path, revisions = source_backup
    (record,) = read_archive(path).executions
    assert record.code_hashes == [code_hash(ADD_CODE)]
    with opened(f"sqlite:///{tmp_path}/target.db", tmp_path / "target", objects) as instance:
        restore(instance, path)
        restored = ExecutionRepository(instance.database).get(record.id)
        assert restored == record
        assert instance.code.get(restored.code_hashes[0]) == revisions["add"].code()


def test_a_revision_overwritten_after_the_backup_is_a_conflict(
    source_backup: tuple[Path, dict[str, TransformationRevision]],
    sqlite_url: str,
    tmp_path: Path,
    objects: Path,
) -> None:
    path, revisions = source_backup
    changed_code = ADD_CODE.replace("a + b", "b + a")
    changed = revisions["add"].model_copy(update={"content": changed_code})
    with opened(sqlite_url, tmp_path / "source", objects) as instance:
        import_transformations(instance, [changed], allow_overwrite_released=True)
        before = state_of(instance)

        dry = restore(instance, path, dry_run=True)
        assert dry.plan.transformations.conflicting == [str(changed.id)]
        with pytest.raises(Conflict) as refused:
            restore(instance, path)
        assert f"{changed.label}: stored here with different code" in str(refused.value)
        assert state_of(instance) == before

        overwritten = restore(instance, path, allow_overwrite=True)
        assert overwritten.applied
        assert overwritten.snapshot is not None
        snapshot = {tr.id: tr for tr in read_archive(overwritten.snapshot).transformations}
        assert snapshot[changed.id].code() == changed_code
        assert instance.transformations.get(changed.id).code() == ADD_CODE
        assert instance.code.get(code_hash(changed_code)) == changed_code


def test_a_group_and_tag_taken_by_another_revision_is_a_conflict(
    source_backup: tuple[Path, dict[str, TransformationRevision]], tmp_path: Path, objects: Path
) -> None:
    path, revisions = source_backup
    rival = component("Add", group=revisions["add"].revision_group_id)
    with opened(f"sqlite:///{tmp_path}/target.db", tmp_path / "target", objects) as instance:
        import_transformations(instance, [rival])
        with pytest.raises(Conflict, match=f"taken here by revision {rival.id}"):
            restore(instance, path, allow_overwrite=True)
        assert [tr.id for tr in instance.transformations.list()] == [rival.id]


def test_objects_whose_payloads_are_elsewhere_are_named(
    source_backup: tuple[Path, dict[str, TransformationRevision]], tmp_path: Path
) -> None:
    path, _ = source_backup
    with opened(f"sqlite:///{tmp_path}/target.db", tmp_path / "target", tmp_path / "other") as instance:
        assert restore(instance, path, dry_run=True).plan.objects_missing == ["pump-model@v1"]


def _rewrite(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _replace(member: str, old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        assert old in members[member]
        members[member] = members[member].replace(old, new)

    return change


def _future_version(members: dict[str, bytes]) -> None:
    manifest = json.loads(members[MANIFEST])
    members[MANIFEST] = json.dumps({**manifest, "format_version": 2}).encode()


CODE_MEMBER = f"code/{code_hash(ADD_CODE)}.py"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(_replace(CODE_MEMBER, b"a + b", b"a - b"), CODE_MEMBER, id="code-changed"),
        pytest.param(
            _replace("transformations.jsonl", b"Multiply", b"Divide"),
            "transformations.jsonl",
            id="revision-changed",
        ),
        pytest.param(
            _replace("executions.jsonl", b'"ok"', b'"failure"'), "executions.jsonl", id="record-changed"
        ),
        pytest.param(
            lambda members: members.update({"extra.py": b"print()"}), "extra.py", id="unlisted-member"
        ),
        pytest.param(lambda members: members.pop(CODE_MEMBER), CODE_MEMBER, id="member-missing"),
        pytest.param(lambda members: members.pop(MANIFEST), "no manifest.json", id="no-manifest"),
        pytest.param(_future_version, "format version 2", id="future-format"),
    ],
)
def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(
    change: Callable[[dict[str, bytes]], None],
    message: str,
    source_backup: tuple[Path, dict[str, TransformationRevision]],
    tmp_path: Path,
    objects: Path,
) -> None:
    path, _ = source_backup
    _rewrite(path, change)
    with opened(f"sqlite:///{tmp_path}/target.db", tmp_path / "target", objects) as instance:
        with pytest.raises(InvalidInput, match=message.replace(".", r"\.")):
            restore(instance, path)
        assert state_of(instance) == {
            "revisions": [],
            "code": {},
            "records": [],
            "snapshots": {},
            "fingerprints": {},
        }


def test_a_file_that_is_no_zip_is_refused(tmp_path: Path, objects: Path) -> None:
    path = tmp_path / "notes.zip"
    path.write_text("not an archive")
    with (
        opened(f"sqlite:///{tmp_path}/target.db", tmp_path / "target", objects) as instance,
        pytest.raises(InvalidInput, match="not a Sealflow backup"),
    ):
        restore(instance, path)
