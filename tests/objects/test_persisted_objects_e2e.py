"""End to end: a training workflow stores a model whose class is defined in component code, a
prediction workflow loads it, and a brand-new process that knows only ``SEALFLOW_HOME`` loads it too."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import sealflow
from sealflow.adapters.protocol import wiring_from_values
from sealflow.code.pyfile import transformation_from_code
from sealflow.config import Settings
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.runtime.results import ExecutionResult
from support import RELEASED_AT, component

COMPONENTS = Path(sealflow.__file__).parent / "library" / "components"

MODEL_CLASS = '''
class LinearModel:
    """y = slope * x + intercept, fitted to points by least squares."""

    def __init__(self, points):
        n = len(points)
        mean_x = sum(x for x, _ in points) / n
        mean_y = sum(y for _, y in points) / n
        sxx = sum((x - mean_x) ** 2 for x, _ in points)
        sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
        self.slope = sxy / sxx
        self.intercept = mean_y - self.slope * mean_x

    def predict(self, x):
        return self.slope * x + self.intercept
'''

POINTS = [[0, 1], [1, 3], [2, 5]]
"""On the line y = 2x + 1."""


def library(path: str) -> TransformationRevision:
    file = COMPONENTS / path
    return transformation_from_code(file.read_text(encoding="utf-8"), file.name)


@dataclass
class Flows:
    instance: Instance
    train: TransformationRevision
    training: TransformationRevision
    prediction: TransformationRevision

    def run_training(self, name: str, tag: str, points: list[list[float]]) -> ExecutionResult:
        wiring = wiring_from_values({"points": points, "name": name, "tag": tag})
        return execute_transformation(self.instance, self.training, wiring)

    def run_prediction(self, name: str, tag: str, x: float) -> ExecutionResult:
        wiring = wiring_from_values({"name": name, "tag": tag, "x": x})
        return execute_transformation(self.instance, self.prediction, wiring)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def flows(home: Path) -> Iterator[Flows]:
    store_object, load_object = library("data_sinks/store_object.py"), library("data_sources/load_object.py")
    train = component(
        "Train",
        {"points": "ANY"},
        {"model": "ANY"},
        "return {'model': LinearModel(points)}",
        header=MODEL_CLASS,
    )
    predict = component(
        "Predict", {"model": "ANY", "x": "FLOAT"}, {"y": "FLOAT"}, "return {'y': model.predict(x)}"
    )

    builder = WorkflowBuilder()
    trainer, sink = builder.add(train), builder.add(store_object)
    builder.input("points", trainer.input("points"))
    builder.link(trainer.output("model"), sink.input("obj"))
    builder.input("name", sink.input("name"))
    builder.input("tag", sink.input("tag"))
    training = builder.build("Training", released=RELEASED_AT)

    builder = WorkflowBuilder()
    source, predictor = builder.add(load_object), builder.add(predict)
    builder.input("name", source.input("name"))
    builder.input("tag", source.input("tag"))
    builder.link(source.output("obj"), predictor.input("model"))
    builder.input("x", predictor.input("x"))
    builder.output("y", predictor.output("y"))
    prediction = builder.build("Prediction", released=RELEASED_AT)

    instance = Instance.open(Settings(home=home))
    import_transformations(instance, [store_object, load_object, train, predict, training, prediction])
    yield Flows(instance, train, training, prediction)
    instance.close()


def test_a_model_stored_by_one_workflow_predicts_in_another_and_in_a_new_process(flows: Flows, home: Path):
    trained = flows.run_training("pump-model", "v1", POINTS)
    predicted = flows.run_prediction("pump-model", "latest", 10.0)

    assert trained.result == "ok", trained.error
    assert predicted.result == "ok", predicted.error
    assert predicted.output_results_by_output_name == {"y": 21.0}
    manifest = flows.instance.objects.manifest("pump-model", "v1")
    assert manifest.job_id == trained.job_id
    assert f"sealflow_components.c_{code_hash(flows.train.code())}" in manifest.modules
    assert (home / "objects" / "pump-model" / "v1.pkl").stat().st_size == manifest.size

    script = textwrap.dedent(
        """
        from sealflow.store.objects import load_object
        model = load_object("pump-model", "latest")
        print(type(model).__module__, type(model).__name__, model.predict(10.0))
        """
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "SEALFLOW_HOME": str(home)},
        cwd=home.parent,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    module = f"sealflow_components.c_{code_hash(flows.train.code())}"
    assert done.stdout.split() == [module, "LinearModel", "21.0"]


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        pytest.param("no-such-model", "v1", id="unknown-name"),
        pytest.param("pump-model", "v9", id="unknown-tag"),
        pytest.param("no-such-model", "latest", id="latest-of-unknown-name"),
    ],
)
def test_loading_a_missing_object_fails_the_run_naming_name_and_tag(flows: Flows, name: str, tag: str):
    assert flows.run_training("pump-model", "v1", POINTS).result == "ok"

    result = flows.run_prediction(name, tag, 10.0)

    assert result.result == "failure"
    assert result.error is not None
    assert result.error.type == "ObjectNotFound"
    assert f"no object {name!r}" in result.error.message
    assert repr(tag) in result.error.message
    assert result.error.operator_info is not None
    assert result.error.operator_info.hierarchy_in_workflow.by_name == ["Load Object"]


def test_storing_under_a_taken_tag_fails_the_run_and_keeps_the_first_object(flows: Flows, home: Path):
    assert flows.run_training("pump-model", "v1", POINTS).result == "ok"
    payload = (home / "objects" / "pump-model" / "v1.pkl").read_bytes()
    manifest = flows.instance.objects.manifest("pump-model", "v1")

    again = flows.run_training("pump-model", "v1", [[0, 0], [1, 10]])

    assert again.result == "failure"
    assert again.error is not None
    assert again.error.type == "ObjectExists"
    assert "'pump-model' with tag 'v1'" in again.error.message
    assert "store it under a new tag" in again.error.message
    assert (home / "objects" / "pump-model" / "v1.pkl").read_bytes() == payload
    assert flows.instance.objects.manifest("pump-model", "v1") == manifest
    assert flows.run_prediction("pump-model", "latest", 10.0).output_results_by_output_name == {"y": 21.0}


def test_a_new_tag_becomes_latest_and_older_tags_still_load(flows: Flows):
    assert flows.run_training("pump-model", "v1", POINTS).result == "ok"
    assert flows.run_training("pump-model", "v2", [[0, 0], [1, 10]]).result == "ok"

    assert flows.run_prediction("pump-model", "latest", 1.0).output_results_by_output_name == {"y": 10.0}
    assert flows.run_prediction("pump-model", "v1", 1.0).output_results_by_output_name == {"y": 3.0}
