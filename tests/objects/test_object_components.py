"""The Store Object and Load Object component files: exchange layout, ids of the hetida base library,
and a run of each with its test wiring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest

import sealflow
from sealflow.code.codegen import expand_code, update_code
from sealflow.code.pyfile import transformation_from_code
from sealflow.config import Settings
from sealflow.model.datatypes import DataType, InputType, State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations

COMPONENTS = Path(sealflow.__file__).parent / "library" / "components"
STORE_OBJECT = COMPONENTS / "data_sinks" / "store_object.py"
LOAD_OBJECT = COMPONENTS / "data_sources" / "load_object.py"


def read(path: Path) -> TransformationRevision:
    return transformation_from_code(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize(
    ("path", "id_", "name", "category", "inputs", "outputs"),
    [
        pytest.param(
            STORE_OBJECT,
            "26d99461-38a9-5e92-df4f-d0fd2752879e",
            "Store Object",
            "Data Sinks",
            [("name", DataType.STRING), ("tag", DataType.STRING), ("obj", DataType.ANY)],
            [],
            id="store-object",
        ),
        pytest.param(
            LOAD_OBJECT,
            "eb8e8d6b-ba7d-dc88-14dc-6839a471d5e0",
            "Load Object",
            "Data Sources",
            [("name", DataType.STRING), ("tag", DataType.STRING)],
            [("obj", DataType.ANY)],
            id="load-object",
        ),
    ],
)
def test_component_file_reads_back_as_the_base_component(
    path: Path,
    id_: str,
    name: str,
    category: str,
    inputs: list[tuple[str, DataType]],
    outputs: list[tuple[str, DataType]],
):
    code = path.read_text(encoding="utf-8")

    tr = transformation_from_code(code, path.name)

    assert (tr.id, tr.revision_group_id) == (UUID(id_), UUID(id_))
    assert (tr.name, tr.category, tr.version_tag) == (name, category, "1.0.0")
    assert (tr.type, tr.state) == (TransformationType.COMPONENT, State.RELEASED)
    assert tr.released_timestamp is not None
    assert [(i.name, i.data_type, i.type) for i in tr.io_interface.inputs] == [
        (n, t, InputType.REQUIRED) for n, t in inputs
    ]
    assert [(o.name, o.data_type) for o in tr.io_interface.outputs] == outputs
    assert tr.documentation.startswith(f"# {name}\n")
    assert [w.workflow_input_name for w in tr.test_wiring.input_wirings] == [n for n, _ in inputs]
    assert tr.code() == code
    assert update_code(code, tr) == code
    assert expand_code(code, tr) == code
    assert transformation_from_code(code, path.name) == tr


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(home=tmp_path / "home"))
    yield opened
    opened.close()


def test_the_test_wirings_store_and_load_an_object(instance: Instance):
    store, load = read(STORE_OBJECT), read(LOAD_OBJECT)
    import_transformations(instance, [store, load])

    stored = execute_transformation(instance, store, store.test_wiring)
    loaded = execute_transformation(instance, load, load.test_wiring)

    assert stored.result == "ok", stored.error
    assert loaded.result == "ok", loaded.error
    assert loaded.output_results_by_output_name == {"obj": {"answer": 42}}
    assert instance.objects.manifest("example-object", "1.0.0").job_id == stored.job_id
