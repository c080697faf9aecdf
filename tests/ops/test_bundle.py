"""Bundle manifests: exports say where they came from, imports report how the target differs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sealflow.config import Settings
from sealflow.errors import InvalidInput
from sealflow.model.hashing import code_hash
from sealflow.ops.bundle import MANIFEST_NAME
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.export import ExportOptions
from sealflow.ops.export_folder import export_folder
from sealflow.ops.guarded import compare_import, import_planned, plan_import
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters
from sealflow.repro.fingerprint import current_fingerprint
from support import add_component


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path / "target"))
    yield opened
    opened.close()


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(home=tmp_path / "source"))
    yield opened
    opened.close()


def manifest(directory: Path) -> dict:
    return json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))


def test_an_export_carries_the_fingerprint_and_every_code_hash(source: Instance, tmp_path: Path):
    add = add_component()
    source.transformations.insert(add)

    export_folder(source, tmp_path / "plain", Filters(), ExportOptions())
    export_folder(source, tmp_path / "expanded", Filters(), ExportOptions(expand_component_code=True))

    plain, expanded = manifest(tmp_path / "plain"), manifest(tmp_path / "expanded")
    assert plain["format"] == "sealflow-bundle/1"
    assert plain["fingerprint"]["id"] == current_fingerprint().id
    (entry,) = plain["revisions"]
    assert (entry["id"], entry["code_hash"]) == (str(add.id), code_hash(add.code()))
    assert "code_transformed" not in entry
    (entry,) = expanded["revisions"]
    assert entry["code_transformed"] == ["expand_component_code"]
    assert entry["original_code_hash"] == code_hash(add.code())
    assert entry["code_hash"] != entry["original_code_hash"]


def test_an_import_reports_environment_code_and_edits_before_changing_anything(
    source: Instance, instance: Instance, tmp_path: Path
):
    add = add_component()
    source.transformations.insert(add)
    folder = tmp_path / "bundle"
    export_folder(source, folder, Filters(), ExportOptions())
    other = add.model_copy(update={"content": add.code().replace("a + b", "b + a")})
    instance.transformations.insert(other)
    data = manifest(folder)
    data["fingerprint"]["python_version"] = "3.0.1"
    (folder / MANIFEST_NAME).write_text(json.dumps(data), encoding="utf-8")
    (file,) = folder.rglob("add_*.json")
    edited = json.loads(file.read_text(encoding="utf-8"))
    edited["content"] = add.code() + "\n# edited\n"
    file.write_text(json.dumps(edited), encoding="utf-8")

    report = compare_import(instance, [folder])

    assert report is not None
    assert any(line.startswith("python: CPython 3.0.1 -> ") for line in report["environment"])
    assert report["code"] == [
        {
            "id": str(add.id),
            "name": "Add",
            "version_tag": "1.0.0",
            "bundle_code_hash": code_hash(add.code()),
            "target_code_hash": code_hash(other.code()),
        }
    ]
    assert [item["file_code_hash"] for item in report["edited"]] == [code_hash(add.code() + "\n# edited\n")]
    assert plan_import(instance, [folder], UpdateOptions(allow_overwrite_released=True)).bundle == report
    assert instance.transformations.get(add.id) == other


def test_a_folder_without_manifest_imports_as_before(source: Instance, instance: Instance, tmp_path: Path):
    source.transformations.insert(add_component())
    folder = tmp_path / "hetida"
    export_folder(source, folder, Filters(), ExportOptions())
    (folder / MANIFEST_NAME).unlink()

    applied = import_planned(instance, [folder], UpdateOptions(), actor="ada")

    assert compare_import(instance, [folder]) is None
    assert applied.result.counts()["created"] == 1
    assert applied.snapshot is None


def test_a_damaged_manifest_is_named(instance: Instance, tmp_path: Path):
    (tmp_path / MANIFEST_NAME).write_text("{", encoding="utf-8")

    with pytest.raises(InvalidInput, match=f"cannot read the bundle manifest {tmp_path / MANIFEST_NAME}"):
        compare_import(instance, [tmp_path])
