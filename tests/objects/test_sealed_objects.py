"""Sealed objects on an opened instance, over a local directory and S3: every object is listed with its
status, damaged and unsigned ones are refused on load, legacy and hetida designer pickles are adopted,
and a run under the warn policy records what differs."""

from __future__ import annotations

import importlib
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.code.pyfile import transformation_from_code
from sealflow.config import Settings
from sealflow.errors import InvalidInput, ObjectIncompatible, ObjectTampered, ObjectUnsigned
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.hashing import code_hash
from sealflow.ops import objects as ops
from sealflow.ops.execution import execute_transformation
from sealflow.ops.executions import get_execution
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.repro.sealing import SealedCodec
from sealflow.store.objects import ObjectRepository
from sealflow.store.objects.signing import signing_key
from support import RELEASED_AT, component

LOAD_OBJECT = Path(__file__).parents[2] / "src/sealflow/library/components/data_sources/load_object.py"
MODEL_CODE = """
class Model:
    def __init__(self, weights):
        self.weights = weights
"""


@pytest.fixture(params=["local", "s3"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "local":
        return Settings(home=tmp_path / "home")
    bucket, endpoint = request.getfixturevalue("bucket"), request.getfixturevalue("moto_endpoint")
    return Settings(
        home=tmp_path / "home", objects_url=f"s3://{bucket}/objects", objects_endpoint_url=endpoint
    )


@pytest.fixture
def instance(settings: Settings) -> Iterator[Instance]:
    opened = Instance.open(settings)
    yield opened
    opened.close()


def elsewhere(instance: Instance, **versions: str) -> ObjectRepository:
    """The instance's object store as written from an environment with other distribution versions."""
    here = current_fingerprint()
    other = here.model_copy(update={"distributions": {**here.distributions, **versions}})
    codec = SealedCodec(signing_key(instance.settings), code=instance.code, fingerprint=lambda: other)
    return ObjectRepository(instance.objects.store, codec)


def stored_model(instance: Instance) -> Any:
    instance.code.put(MODEL_CODE)
    module = importlib.import_module(f"sealflow_components.c_{code_hash(MODEL_CODE)}")
    return module.Model(np.arange(10.0))


def test_every_object_is_listed_with_its_status_and_problems(instance: Instance) -> None:
    numpy_here = current_fingerprint().distributions["numpy"]
    instance.objects.save("good", "v1", np.arange(5.0), job_id="run-1")
    elsewhere(instance, numpy="1.8.0").save("pump-7", "v3", np.arange(5.0))
    ObjectRepository(instance.objects.store).save("legacy", "v1", [1, 2, 3])
    instance.objects.save("changed", "v1", {"a": 1})
    payload = bytearray(instance.objects.store.read("changed", "v1"))
    payload[-3] ^= 1
    _overwrite(instance, "changed", "v1", bytes(payload))

    reports = {report.name: report for report in ops.list_objects(instance)}

    assert {name: (r.status, r.sealed) for name, r in reports.items()} == {
        "changed": ("tampered", True),
        "good": ("ok", True),
        "legacy": ("unsigned", False),
        "pump-7": ("mismatch", True),
    }
    assert reports["good"].execution_id == "run-1"
    assert reports["good"].problems == []
    assert reports["pump-7"].problems == [f"was written with numpy 1.8.0; this runtime has {numpy_here}"]
    assert reports["legacy"].problems == ["is a plain pickle without a signature"]
    assert "changed after it was written" in reports["changed"].problems[0]
    assert [r.ok for r in ops.check_objects(instance, "good:latest")] == [True]


def _overwrite(instance: Instance, name: str, tag: str, data: bytes) -> None:
    """Replace a payload behind the store's back (the store itself never overwrites)."""
    location = instance.objects.location
    if location.startswith("file://"):
        (Path(location.removeprefix("file://")) / name / f"{tag}.pkl").write_bytes(data)
    else:
        store: Any = instance.objects.store
        store.client.put_object(Bucket=store.bucket, Key=f"{store.prefix}/{name}/{tag}.pkl", Body=data)


def test_loading_refuses_tampered_unsigned_and_mismatched_objects(instance: Instance) -> None:
    elsewhere(instance, numpy="1.8.0").save("pump-7", "v3", np.arange(5.0))
    ObjectRepository(instance.objects.store).save("legacy", "v1", [1, 2, 3])

    with pytest.raises(ObjectIncompatible, match=r"'pump-7' with tag 'v3' .* was written with numpy 1\.8\.0"):
        instance.objects.load("pump-7", "v3")
    with pytest.raises(ObjectUnsigned, match=r"'legacy' with tag 'v1'.*plain pickle"):
        instance.objects.load("legacy", "v1")
    assert instance.objects.load("legacy", "v1", trust_legacy=True) == [1, 2, 3]
    with pytest.raises(ObjectTampered, match="invalid signature"):
        ObjectRepository(instance.objects.store, SealedCodec(b"another-instance-key!")).load("pump-7", "v3")


def test_a_hetida_designer_pickle_is_adopted_after_its_code_is_found(
    instance: Instance, tmp_path: Path
) -> None:
    instance.code.put(MODEL_CODE)
    module = importlib.import_module(f"hetdesrun_loaded_components.by_code__hash_{code_hash(MODEL_CODE)}")
    legacy = tmp_path / "pump-model_v1"
    legacy.write_bytes(pickle.dumps(module.Model(np.arange(3.0))))

    report = ops.adopt_object(instance, legacy, name="pump-model", tag="v1")

    assert (report.name, report.tag, report.status, report.sealed) == ("pump-model", "v1", "ok", True)
    assert list(instance.objects.load("pump-model", "v1").weights) == [0.0, 1.0, 2.0]


def test_a_pickle_whose_code_is_missing_is_not_adopted(instance: Instance, tmp_path: Path) -> None:
    model = stored_model(instance)
    legacy = tmp_path / "model.pkl"
    legacy.write_bytes(pickle.dumps(model))
    fresh = Instance.open(
        instance.settings.model_copy(update={"db_url": f"sqlite:///{tmp_path / 'other.db'}"})
    )
    try:
        with pytest.raises(
            ObjectIncompatible, match=rf"needs component code {code_hash(MODEL_CODE)}.*nothing"
        ):
            ops.adopt_object(fresh, legacy)
        assert ops.list_objects(fresh) == []
    finally:
        fresh.close()


def test_under_warn_a_run_loads_the_object_and_its_record_says_what_differs(settings: Settings) -> None:
    numpy_here = current_fingerprint().distributions["numpy"]
    instance = Instance.open(settings.model_copy(update={"object_policy": "warn"}))
    try:
        elsewhere(instance, numpy="1.8.0").save("pump-7", "v3", np.arange(5.0))
        load = transformation_from_code(LOAD_OBJECT.read_text(encoding="utf-8"), LOAD_OBJECT.name)
        total = component("Total", {"obj": "ANY"}, {"total": "FLOAT"}, "return {'total': float(obj.sum())}")
        import_transformations(instance, [load, total])
        builder = WorkflowBuilder()
        source, summed = builder.add(load), builder.add(total)
        builder.input("name", source.input("name"))
        builder.input("tag", source.input("tag"))
        builder.link(source.output("obj"), summed.input("obj"))
        builder.output("total", summed.output("total"))
        flow = builder.build("Use model", released=RELEASED_AT)
        import_transformations(instance, [flow])

        result = execute_transformation(instance, flow, wiring_from_values({"name": "pump-7", "tag": "v3"}))

        assert result.result == "ok", result.error
        assert result.output_results_by_output_name == {"total": 10.0}
        record = get_execution(instance, result.job_id)
        assert record.warnings == [
            f"the object 'pump-7' with tag 'v3' in {instance.objects.location} was written with numpy 1.8.0; "
            f"this runtime has {numpy_here}"
        ]
    finally:
        instance.close()


def test_adopting_what_is_no_plain_pickle_is_refused(instance: Instance, tmp_path: Path) -> None:
    garbage, sealed = tmp_path / "notes.pkl", tmp_path / "sealed.pkl"
    garbage.write_bytes(b"not a pickle at all")
    sealed.write_bytes(instance.sealing.encode([1], "x").payload)

    with pytest.raises(InvalidInput, match=r"notes\.pkl is no sealed object and no pickle"):
        ops.adopt_object(instance, garbage)
    with pytest.raises(InvalidInput, match=r"sealed\.pkl is sealed already"):
        ops.adopt_object(instance, sealed)
    assert ops.list_objects(instance) == []


def test_the_signing_key_is_generated_when_the_first_object_is_sealed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    instance = Instance.open(Settings(home=home))
    try:
        assert not (home / "signing.key").exists()
        instance.objects.save("model", "v1", [1.0])
        assert (home / "signing.key").exists()
        assert instance.objects.load("model", "v1") == [1.0]
    finally:
        instance.close()


def test_a_large_array_loads_writable_and_equal_and_a_changed_byte_is_caught(instance: Instance) -> None:
    weights = np.random.default_rng(3).random(400_000)
    instance.objects.save("large", "v1", {"weights": weights})

    loaded = instance.objects.load("large", "v1")["weights"]
    loaded[0] = -1.0

    assert np.array_equal(loaded[1:], weights[1:])
    assert instance.objects.load("large", "v1")["weights"][0] == weights[0]
    payload = bytearray(instance.objects.store.read("large", "v1"))
    payload[len(payload) // 2] ^= 1
    _overwrite(instance, "large", "v1", bytes(payload))
    with pytest.raises(ObjectTampered, match="changed after it was written"):
        instance.objects.load("large", "v1")
