"""Export into a folder and import from files and folders, called on opened instances."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from exchange.folders import SCALE_ID, SCALE_PY, open_instance
from sealflow.code.pyfile import transformation_from_code
from sealflow.errors import Conflict, InvalidInput, InvalidTransformation, LifecycleViolation
from sealflow.model.datatypes import DataType, State, TransformationType
from sealflow.ops.bulk_import import ImportOptions, ImportStatus, import_items
from sealflow.ops.bundle import MANIFEST_NAME
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.export import ExportOptions, WiringFilter
from sealflow.ops.export_folder import export_folder, export_path, slug
from sealflow.ops.import_folder import import_files
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters
from sealflow.ops.transformations import import_json_files
from store.factories import workflow
from support import RELEASED_AT, add_component, component


def files(directory: Path) -> dict[str, bytes]:
    """Every file below ``directory`` by relative path, with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def export_all(instance: Instance, directory: Path, **options: bool) -> dict[str, bytes]:
    export_folder(instance, directory, Filters(), ExportOptions(**options))
    return files(directory)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1.0.0", "100", id="tag-dots"),
        pytest.param("Anomaly  Detection", "anomaly-detection", id="spaces"),
        pytest.param("Négate Ü", "negate-u", id="ascii-folded"),
        pytest.param("a -- b/c", "a-bc", id="dashes-and-slash"),
        pytest.param("snake_case", "snake_case", id="underscore-kept"),
    ],
)
def test_slug_follows_the_export_layout(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_round_trip_gives_byte_identical_files(source: Instance, instance: Instance, tmp_path: Path) -> None:
    first = export_all(source, tmp_path / "first")
    report = import_files(instance, [tmp_path / "first"], UpdateOptions())
    second = export_all(instance, tmp_path / "second")

    assert second == first
    assert report.counts()["created"] == len(first) - 1 == 7
    assert MANIFEST_NAME in first
    tr = next(tr for tr in instance.transformations.list() if tr.name == "Négate Ü")
    assert str(export_path(tr)) in first
    assert str(export_path(tr)).startswith("components/arithmetic/negate-u_20-beta_")
    text = first[str(export_path(tr))].decode()
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "null" not in text


def test_importing_the_same_export_twice_changes_nothing(
    source: Instance, instance: Instance, tmp_path: Path
) -> None:
    export_all(source, tmp_path / "out")
    import_files(instance, [tmp_path / "out"], UpdateOptions())
    before = instance.transformations.list()

    again = import_files(instance, [tmp_path / "out"], UpdateOptions(update_component_code=True))

    assert {item.outcome.action for item in again.items} == {"unchanged"}
    assert instance.transformations.list() == before


def test_components_as_code_round_trip(source: Instance, instance: Instance, tmp_path: Path) -> None:
    exported = export_all(source, tmp_path / "code", components_as_code=True)
    assert sorted({Path(name).suffix for name in exported if name.startswith("components/")}) == [".py"]
    assert sum(name.startswith("workflows/") for name in exported) == 2

    first = import_files(instance, [tmp_path / "code"], UpdateOptions())
    again = import_files(instance, [tmp_path / "code"], UpdateOptions())

    assert first.counts()["created"] == 7
    assert again.counts()["unchanged"] == 7
    add = next(tr for tr in instance.transformations.list() if tr.name == "Add")
    assert [w.workflow_input_name for w in add.test_wiring.input_wirings] == ["a", "b"]


def test_export_filters_and_dependencies(source: Instance, tmp_path: Path) -> None:
    only = Filters(type=TransformationType.WORKFLOW, names=("Outer",))
    with_deps = export_folder(source, tmp_path / "a", only, ExportOptions())
    without = export_folder(source, tmp_path / "b", only, ExportOptions(), include_dependencies=False)
    active = export_folder(source, tmp_path / "c", Filters(include_deprecated=False), ExportOptions())

    assert sorted(f.transformation.name for f in with_deps) == ["Add", "Inner", "Négate Ü", "Outer"]
    assert [f.transformation.name for f in without] == ["Outer"]
    assert "Old" not in {f.transformation.name for f in active}


def hand_written_folder(directory: Path) -> None:
    """An export folder as a person would write it: JSON files, a list file, a .py file, nested workflows."""
    scale = transformation_from_code(SCALE_PY)
    add = add_component("FLOAT")
    inner = workflow("Inner", [scale, add], category="Flows")
    outer = workflow("Outer", [inner, scale], category="Flows")
    types = [data_type.value for data_type in DataType]
    every = [component(f"Keep {t}", {"x": t}, {"y": t}, "return {'y': x}") for t in types]
    (directory / "components" / "arithmetic").mkdir(parents=True)
    (directory / "components" / "arithmetic" / "scale.py").write_text(SCALE_PY, encoding="utf-8")
    (directory / "components" / "add.json").write_text(json.dumps(add.to_json_dict()), encoding="utf-8")
    (directory / "components" / "every-type.json").write_text(
        json.dumps([tr.to_json_dict() for tr in every]), encoding="utf-8"
    )
    (directory / "workflows").mkdir()
    for tr in (outer, inner):
        (directory / "workflows" / f"{tr.name}.json").write_text(
            json.dumps(tr.to_json_dict()), encoding="utf-8"
        )


def test_hand_written_folder_imports_everything(instance: Instance, tmp_path: Path) -> None:
    hand_written_folder(tmp_path / "in")

    report = import_files(instance, [tmp_path / "in"], UpdateOptions(update_component_code=True))

    stored = {tr.name: tr for tr in instance.transformations.list()}
    assert set(stored) == {"Scale", "Add", "Inner", "Outer"} | {f"Keep {t.value}" for t in DataType}
    assert report.counts()["created"] == len(stored)
    names = [item.outcome.transformation.name for item in report.items]
    assert names.index("Scale") < names.index("Inner") < names.index("Outer")
    scale = stored["Scale"]
    assert scale.id == SCALE_ID
    assert scale.state is State.RELEASED
    assert scale.content == SCALE_PY
    assert scale.test_wiring.input_wirings[0].filters == {"value": "3"}
    assert [(i.name, i.value) for i in scale.io_interface.inputs] == [("x", None), ("factor", "2.0")]


def test_reading_a_py_file_again_is_unchanged(instance: Instance, tmp_path: Path) -> None:
    path = tmp_path / "scale.py"
    path.write_text(SCALE_PY, encoding="utf-8")
    (first,) = import_files(instance, [path], UpdateOptions()).items
    (again,) = import_files(instance, [path], UpdateOptions()).items

    assert (first.outcome.action, again.outcome.action) == ("created", "unchanged")
    assert (
        instance.transformations.get(SCALE_ID).released_timestamp
        == first.outcome.transformation.released_timestamp
    )


def self_using_workflow() -> dict[str, object]:
    loop = workflow("Loop", [add_component()]).to_json_dict()
    loop["content"]["operators"][0]["transformation_id"] = loop["id"]
    loop["content"]["operators"][0]["type"] = "WORKFLOW"
    return loop


def tag_clash(source: Instance) -> dict[str, object]:
    add = next(tr for tr in source.transformations.list() if tr.name == "Add")
    return add.model_copy(update={"id": uuid4(), "description": "another"}).to_json_dict()


@pytest.mark.parametrize(
    ("name", "content", "error", "cause"),
    [
        pytest.param(
            "broken.json", lambda source: '{"name": ', InvalidInput, "is not valid JSON", id="broken-json"
        ),
        pytest.param(
            "orphan.json",
            lambda source: json.dumps(workflow("Orphan", [add_component()]).to_json_dict()),
            InvalidTransformation,
            "neither stored nor imported",
            id="missing-revision",
        ),
        pytest.param(
            "loop.json",
            lambda source: json.dumps(self_using_workflow()),
            InvalidTransformation,
            "uses itself",
            id="cycle",
        ),
        pytest.param(
            "clash.json",
            lambda source: json.dumps(tag_clash(source)),
            Conflict,
            "1.0.0",
            id="version-tag-clash",
        ),
        pytest.param(
            "plain.py",
            lambda source: "def main():\n    return {}\n",
            InvalidTransformation,
            "COMPONENT_INFO",
            id="py-without-info",
        ),
    ],
)
def test_a_bad_file_aborts_the_whole_import(
    source: Instance,
    instance: Instance,
    tmp_path: Path,
    name: str,
    content,
    error: type[Exception],
    cause: str,
) -> None:
    export_all(source, tmp_path / "out")
    (tmp_path / "out" / name).write_text(content(source), encoding="utf-8")

    with pytest.raises(error) as raised:
        import_files(instance, [tmp_path / "out"], UpdateOptions())

    message = str(raised.value)
    assert name in message or (name == "clash.json" and "already has a revision tagged" in message)
    assert str(tmp_path / "out") in message
    assert cause in str(raised.value)
    assert instance.transformations.list() == []


def test_released_revisions_are_kept_unless_overwrite_is_allowed(
    source: Instance, instance: Instance, tmp_path: Path
) -> None:
    export_all(source, tmp_path / "out")
    import_files(instance, [tmp_path / "out"], UpdateOptions())
    (path,) = (tmp_path / "out").glob("components/*/add_*.json")
    changed = json.loads(path.read_text(encoding="utf-8")) | {"description": "changed"}
    path.write_text(json.dumps(changed), encoding="utf-8")

    with pytest.raises(LifecycleViolation, match=path.name):
        import_files(instance, [path], UpdateOptions())
    (item,) = import_files(instance, [path], UpdateOptions(allow_overwrite_released=True)).items

    assert item.outcome.action == "updated"
    assert instance.transformations.get(item.outcome.transformation.id).description == "changed"


def test_wirings_are_stripped_and_older_revisions_deprecated(instance: Instance, tmp_path: Path) -> None:
    one = add_component()
    later = RELEASED_AT + timedelta(days=1)
    two = one.model_copy(update={"id": uuid4(), "version_tag": "2.0.0", "released_timestamp": later})
    wired = two.model_copy(
        update={
            "test_wiring": one.test_wiring.model_validate(
                {
                    "input_wirings": [
                        {
                            "workflow_input_name": "a",
                            "adapter_id": "direct_provisioning",
                            "filters": {"value": "1"},
                        },
                        {"workflow_input_name": "b", "adapter_id": "local-file-adapter", "ref_id": "x.csv"},
                    ]
                }
            )
        }
    )
    path = tmp_path / "list.json"
    path.write_text(json.dumps([one.to_json_dict(), wired.to_json_dict()]), encoding="utf-8")
    options = UpdateOptions(
        wirings=WiringFilter(keep_only_adapter_ids=("direct_provisioning",)), deprecate_older_revisions=True
    )

    import_files(instance, [path], options)

    assert instance.transformations.get(one.id).state is State.DISABLED
    stored = instance.transformations.get(two.id)
    assert stored.state is State.RELEASED
    assert [w.adapter_id for w in stored.test_wiring.input_wirings] == ["direct_provisioning"]


def test_a_folder_import_and_import_json_agree(source: Instance, tmp_path: Path) -> None:
    export_all(source, tmp_path / "out")
    paths = sorted((tmp_path / "out").rglob("*.json"))
    with_json = open_instance(f"sqlite:///{tmp_path}/json.db", tmp_path / "json")
    with_folder = open_instance(f"sqlite:///{tmp_path}/folder.db", tmp_path / "folder")
    try:
        import_json_files(with_json, paths)
        import_files(with_folder, [tmp_path / "out"], UpdateOptions())
        assert export_all(with_json, tmp_path / "a") == export_all(with_folder, tmp_path / "b")
    finally:
        with_json.close()
        with_folder.close()


def test_a_file_given_twice_is_read_once(instance: Instance, tmp_path: Path) -> None:
    (tmp_path / "scale.py").write_text(SCALE_PY, encoding="utf-8")

    report = import_files(instance, [tmp_path / "scale.py", tmp_path], UpdateOptions())

    assert [item.outcome.action for item in report.items] == ["created"]


def test_one_id_with_two_contents_is_refused(instance: Instance, tmp_path: Path) -> None:
    add = add_component()
    (tmp_path / "a.json").write_text(json.dumps(add.to_json_dict()), encoding="utf-8")
    other = add.model_copy(update={"description": "other"})
    (tmp_path / "b.json").write_text(json.dumps(other.to_json_dict()), encoding="utf-8")

    with pytest.raises(InvalidInput, match=r"b\.json: .* is also in .*a\.json with other content"):
        import_files(instance, [tmp_path], UpdateOptions())
    assert instance.transformations.list() == []


def test_the_bulk_import_shares_the_engine(instance: Instance) -> None:
    first = import_items(instance, [SCALE_PY], ImportOptions())
    again = import_items(instance, [SCALE_PY], ImportOptions())

    assert [(r.status, r.msg) for r in first.values()] == [(ImportStatus.SUCCESS, "created")]
    assert [(r.status, r.msg) for r in again.values()] == [(ImportStatus.SUCCESS, "unchanged")]
