"""Sealed objects: what the manifest records, and how loads are checked — signature first, then the
environment — under the strict and warn policies."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sealflow.code import importer
from sealflow.errors import ObjectIncompatible, ObjectTampered, ObjectUnsigned
from sealflow.model.hashing import code_hash
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint
from sealflow.repro.sealing import SealedCodec, noting_problems
from sealflow.store.objects.active import activated
from sealflow.store.objects.envelope import read_manifest
from sealflow.store.objects.local import LocalObjectStore
from sealflow.store.objects.repository import ObjectRepository
from support import MemoryCodeSource

KEY = b"0123456789abcdef0123456789abcdef"
WHAT = "object 'pump-7' tag 'v3'"
MODEL_CODE = """
class Model:
    def __init__(self, weights):
        self.weights = weights

    def predict(self, x):
        return float(self.weights @ x)
"""


@pytest.fixture
def code() -> Iterator[MemoryCodeSource]:
    source = MemoryCodeSource()
    source.texts[code_hash(MODEL_CODE)] = MODEL_CODE
    importer.install(source)
    yield source
    importer.uninstall()


def codec(code: MemoryCodeSource | None = None, **options: Any) -> SealedCodec:
    return SealedCodec(KEY, code=code, **options)


def environment(**changes: str) -> Fingerprint:
    """This environment with some distributions at other versions."""
    here = current_fingerprint()
    return here.model_copy(update={"distributions": {**here.distributions, **changes}})


def model() -> Any:
    module = importer.load(code_hash(MODEL_CODE))
    return module.Model(np.arange(1_000, dtype=float))


def test_an_object_round_trips_with_writable_arrays_mapped_from_the_envelope(code: MemoryCodeSource) -> None:
    payload = codec(code).encode(model(), WHAT).payload

    loaded = codec(code).decode(bytearray(payload), WHAT)

    assert loaded.predict(np.ones(1_000)) == sum(range(1_000))
    loaded.weights[0] = 42.0
    assert loaded.weights.flags.writeable
    assert loaded.weights.flags.aligned


def test_the_manifest_records_environment_modules_distributions_and_code(
    code: MemoryCodeSource, tmp_path: Path
) -> None:
    here = current_fingerprint()
    repository = ObjectRepository(LocalObjectStore(tmp_path), codec(code))
    with activated(repository, job_id="run-1", code_hashes=("c" * 64,)):
        payload = codec(code).encode(model(), WHAT).payload

    manifest = read_manifest(payload, WHAT)
    assert manifest["execution_id"] == "run-1"
    assert manifest["writer_code_hashes"] == ["c" * 64]
    assert manifest["fingerprint_id"] == here.id
    assert manifest["python"] == here.python_version
    assert manifest["distributions"] == {"numpy": here.distributions["numpy"]}
    assert manifest["code_hashes"] == [code_hash(MODEL_CODE)]
    assert f"sealflow_components.c_{code_hash(MODEL_CODE)}" in manifest["modules"]
    assert manifest["created_at"].endswith("+00:00")


def test_a_distribution_at_another_version_is_refused_saying_exactly_what_differs(
    code: MemoryCodeSource,
) -> None:
    here = current_fingerprint().distributions["numpy"]
    payload = codec(code, fingerprint=lambda: environment(numpy="1.8.0")).encode(model(), WHAT).payload

    with pytest.raises(ObjectIncompatible) as caught:
        codec(code).decode(payload, WHAT)

    assert str(caught.value).startswith(f"{WHAT} was written with numpy 1.8.0; this runtime has {here}.")
    assert caught.value.context["problems"] == [f"was written with numpy 1.8.0; this runtime has {here}"]


def test_under_warn_the_object_loads_and_the_run_notes_what_differs(code: MemoryCodeSource) -> None:
    here = current_fingerprint().distributions["numpy"]
    payload = codec(code, fingerprint=lambda: environment(numpy="1.8.0")).encode(model(), WHAT).payload

    with noting_problems() as noted:
        loaded = codec(code, policy="warn").decode(payload, WHAT)

    assert loaded.weights.shape == (1_000,)
    assert noted == [f"{WHAT} was written with numpy 1.8.0; this runtime has {here}"]


def test_another_python_minor_version_is_a_problem(code: MemoryCodeSource) -> None:
    older = current_fingerprint().model_copy(update={"python_version": "3.9.18"})
    payload = codec(code, fingerprint=lambda: older).encode([1, 2], WHAT).payload

    with pytest.raises(ObjectIncompatible, match=r"written with Python 3\.9\.18; this runtime has 3\."):
        codec(code).decode(payload, WHAT)


def test_component_code_missing_from_the_code_store_is_a_problem(code: MemoryCodeSource) -> None:
    payload = codec(code).encode(model(), WHAT).payload

    with pytest.raises(
        ObjectIncompatible, match=rf"needs component code {code_hash(MODEL_CODE)}.*does not hold"
    ):
        codec(MemoryCodeSource()).decode(payload, WHAT)


def test_the_signature_is_checked_before_anything_else(code: MemoryCodeSource) -> None:
    payload = bytearray(
        codec(code, fingerprint=lambda: environment(numpy="1.8.0")).encode(model(), WHAT).payload
    )
    payload[-1] ^= 0xFF

    with pytest.raises(ObjectTampered):
        codec(code, policy="warn").decode(bytes(payload), WHAT)


def test_a_plain_pickle_is_refused_unless_trusted_per_call_or_by_setting(code: MemoryCodeSource) -> None:
    plain = pickle.dumps(model())

    with pytest.raises(ObjectUnsigned, match=f"{WHAT} is a plain pickle"):
        codec(code).decode(plain, WHAT)
    assert codec(code).decode(plain, WHAT, trust_legacy=True).weights.shape == (1_000,)
    assert codec(code, trust_legacy=True).decode(plain, WHAT).weights.shape == (1_000,)


def test_a_trusted_legacy_pickle_still_needs_its_component_code(code: MemoryCodeSource) -> None:
    plain = pickle.dumps(model())

    with pytest.raises(ObjectIncompatible, match="needs component code"):
        codec(MemoryCodeSource(), trust_legacy=True).decode(plain, WHAT)


def test_inspecting_reports_status_and_problems_without_unpickling(code: MemoryCodeSource) -> None:
    writer = codec(code, fingerprint=lambda: environment(numpy="1.8.0"))
    mismatched = writer.encode([1], WHAT).payload
    changed = bytearray(codec(code).encode([1], WHAT).payload)
    changed[-2] ^= 1

    assert codec(code).inspect(codec(code).encode([1], WHAT).payload, WHAT).status == "ok"
    assert codec(code).inspect(pickle.dumps([1]), WHAT).status == "unsigned"
    inspection = codec(code).inspect(bytes(changed), WHAT)
    assert inspection.status == "tampered"
    assert "changed after it was written" in inspection.problems[0]
    assert codec(code).inspect(mismatched, WHAT).status == "ok"  # [1] needs no distribution
    numpy_object = writer.encode(np.zeros(3), WHAT).payload
    assert codec(code).inspect(numpy_object, WHAT).problems[0].startswith("was written with numpy 1.8.0")
