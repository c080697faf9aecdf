"""The object store contract, run over every implementation (local directory, S3 on moto)."""

from __future__ import annotations

import hashlib
import json
import pickle
import threading
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
import pytest

from object_backends import Backend
from sealflow.errors import (
    InvalidInput,
    ObjectExists,
    ObjectNotFound,
    ObjectTampered,
    ObjectUnreadable,
    StorageError,
)
from sealflow.repro.sealing import SealedCodec
from sealflow.store.objects import ObjectManifest, ObjectRepository
from sealflow.store.objects.envelope import DIGEST, ReadBuffer, read_manifest


def same(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame):
        return a.equals(b)
    if isinstance(a, np.ndarray):
        return bool(np.array_equal(a, b)) and a.dtype == b.dtype
    return bool(a == b) and type(a) is type(b)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param({"weights": [0.5, 1.5], "label": "pump"}, id="dict"),
        pytest.param((1, "two", 3.0, None), id="tuple"),
        pytest.param({1, 2, 3}, id="set"),
        pytest.param(None, id="none"),
        pytest.param(b"\x00raw bytes\xff", id="bytes"),
        pytest.param(np.arange(12, dtype=np.float32).reshape(3, 4), id="numpy-array"),
        pytest.param(
            pd.DataFrame({"a": [1, 2]}, index=pd.date_range("2026-01-01", periods=2, tz="UTC")),
            id="dataframe",
        ),
    ],
)
def test_an_object_loads_as_it_was_stored(objects: ObjectRepository, value: Any):
    objects.save("model", "v1", value)

    assert same(objects.load("model", "v1"), value)
    assert same(objects.load("model", "latest"), value)


def test_payload_and_manifest_lie_side_by_side(objects: ObjectRepository, backend: Backend):
    before = datetime.now(UTC)

    manifest = objects.save("pump-model", "1.0.0", {"slope": 2.0}, job_id="job-42")

    files = backend.files()
    assert set(files) == {"objects/pump-model/1.0.0.pkl", "objects/pump-model/1.0.0.json"}
    payload = files["objects/pump-model/1.0.0.pkl"]
    assert payload[:2] == b"\x80\x05"
    assert pickle.loads(payload) == {"slope": 2.0}
    stored = json.loads(files["objects/pump-model/1.0.0.json"])
    assert stored == manifest.model_dump(mode="json")
    assert stored["name"] == "pump-model"
    assert stored["tag"] == "1.0.0"
    assert stored["size"] == len(payload)
    assert stored["sha256"] == hashlib.sha256(payload).hexdigest()
    assert stored["job_id"] == "job-42"
    assert stored["codec"] == "pickle"
    assert stored["modules"] == []
    assert before <= datetime.fromisoformat(stored["created_at"]) <= datetime.now(UTC)
    assert objects.manifest("pump-model", "latest") == manifest


def test_latest_is_the_tag_stored_last(objects: ObjectRepository):
    for tag in ["2.0", "10.0", "1.5"]:
        objects.save("model", tag, f"stored as {tag}")
    objects.save("other", "9.9", "another name")

    assert objects.load("model", "latest") == "stored as 1.5"
    assert objects.load("model") == "stored as 1.5"
    assert [manifest.tag for manifest in objects.tags("model")] == ["2.0", "10.0", "1.5"]


def test_a_stored_object_is_never_overwritten(objects: ObjectRepository, backend: Backend):
    first = objects.save("model", "v1", "first")
    files = backend.files()

    with pytest.raises(ObjectExists, match=r"'model' with tag 'v1'.*never overwritten.*new tag"):
        objects.save("model", "v1", "second")

    assert backend.files() == files
    assert objects.load("model", "v1") == "first"
    assert objects.manifest("model", "v1") == first


def test_the_store_itself_refuses_to_replace_an_object(objects: ObjectRepository, backend: Backend):
    objects.save("model", "v1", "first")
    files = backend.files()
    payload = pickle.dumps("second", protocol=5)

    with pytest.raises(ObjectExists, match="new tag"):
        backend.store.write(ObjectManifest.describe("model", "v1", payload, "pickle"), payload)

    assert backend.files() == files


def test_of_concurrent_writers_of_one_tag_exactly_one_wins(objects: ObjectRepository):
    writers = 6
    start = threading.Barrier(writers)
    outcomes: list[str] = []

    def write(number: int) -> None:
        start.wait()
        try:
            objects.save("model", "v1", number)
            outcomes.append(f"stored {number}")
        except ObjectExists:
            outcomes.append("refused")

    threads = [threading.Thread(target=write, args=(number,)) for number in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [outcome for outcome in outcomes if outcome.startswith("stored")]
    assert len(winners) == 1
    assert outcomes.count("refused") == writers - 1
    assert winners == [f"stored {objects.load('model', 'v1')}"]


def test_the_tag_latest_cannot_be_stored(objects: ObjectRepository, backend: Backend):
    with pytest.raises(InvalidInput, match="'latest' is reserved"):
        objects.save("model", "latest", 1)

    assert backend.files() == {}


@pytest.mark.parametrize(
    ("name", "tag", "message"),
    [
        pytest.param("nobody", "v1", r"no object 'nobody' with tag 'v1'", id="unknown-name"),
        pytest.param("nobody", "latest", r"no object 'nobody'.*tag 'latest'", id="latest-of-unknown-name"),
        pytest.param(
            "model", "v9", r"no object 'model' with tag 'v9'.*stored tags are v1, v2", id="unknown-tag"
        ),
    ],
)
def test_a_missing_object_names_name_and_tag(objects: ObjectRepository, name: str, tag: str, message: str):
    objects.save("model", "v1", 1)
    objects.save("model", "v2", 2)

    with pytest.raises(ObjectNotFound, match=message) as caught:
        objects.load(name, tag)

    assert caught.value.context == {"name": name, "tag": tag}


def test_a_half_written_object_is_invisible_and_blocks_its_tag(objects: ObjectRepository, backend: Backend):
    backend.put_raw("objects/model/v1.pkl", pickle.dumps("payload without manifest"))

    with pytest.raises(ObjectNotFound, match="'model' with tag 'v1'"):
        objects.load("model", "v1")
    assert objects.tags("model") == []
    with pytest.raises(ObjectExists, match="failed halfway; store it under a new tag"):
        objects.save("model", "v1", "new")
    assert backend.files() == {"objects/model/v1.pkl": pickle.dumps("payload without manifest")}


def test_a_damaged_payload_is_not_unpickled(objects: ObjectRepository, backend: Backend):
    objects.save("model", "v1", {"slope": 2.0})
    backend.put_raw("objects/model/v1.pkl", pickle.dumps({"slope": 666.0}, protocol=5))

    with pytest.raises(ObjectUnreadable, match=r"'model' with tag 'v1'.*damaged.*SHA-256"):
        objects.load("model", "v1")


def test_a_moved_manifest_is_reported(objects: ObjectRepository, backend: Backend):
    objects.save("model", "v1", 1)
    files = backend.files()
    backend.put_raw("objects/model/v2.json", files["objects/model/v1.json"])
    backend.put_raw("objects/model/v2.pkl", files["objects/model/v1.pkl"])

    with pytest.raises(StorageError, match=r"describes 'model' with tag 'v1'.*must not be moved"):
        objects.load("model", "v2")


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(lambda x: x, id="lambda"),
        pytest.param(threading.Lock(), id="lock"),
        pytest.param((i for i in range(3)), id="generator"),
    ],
)
def test_an_object_that_cannot_be_pickled_stores_nothing(
    objects: ObjectRepository, backend: Backend, value: Any
):
    with pytest.raises(InvalidInput, match="'model' with tag 'v1' cannot be pickled"):
        objects.save("model", "v1", value)

    assert backend.files() == {}


TRICKS = [
    pytest.param("..", id="dot-dot"),
    pytest.param("../escape", id="parent"),
    pytest.param("a/../../escape", id="nested-parent"),
    pytest.param("/etc/passwd", id="absolute"),
    pytest.param("a/b", id="slash"),
    pytest.param("a\\..\\b", id="backslash"),
    pytest.param("a\x00b", id="nul"),
    pytest.param(".hidden", id="hidden"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("trick", TRICKS)
@pytest.mark.parametrize("field", [pytest.param("name", id="in-name"), pytest.param("tag", id="in-tag")])
def test_path_tricks_reach_no_file(objects: ObjectRepository, backend: Backend, trick: str, field: str):
    name, tag = (trick, "v1") if field == "name" else ("model", trick)
    payload = pickle.dumps("x")
    calls = [
        lambda: objects.save(name, tag, "x"),
        lambda: objects.load(name, tag),
        lambda: objects.manifest(name, tag),
        lambda: backend.store.read(name, tag),
        lambda: backend.store.manifest(name, tag),
        lambda: backend.store.write(
            ObjectManifest.model_construct(
                name=name,
                tag=tag,
                created_at=datetime.now(UTC),
                size=len(payload),
                sha256="0" * 64,
                codec="pickle",
            ),
            payload,
        ),
    ]
    if field == "name":
        calls += [lambda: objects.tags(name), lambda: backend.store.manifests(name)]

    for call in calls:
        with pytest.raises(InvalidInput, match=f"object {field}"):
            call()

    assert backend.files() == {}


def test_a_large_sealed_object_is_hashed_while_it_is_read_and_loads_without_copies(backend: Backend):
    sealed = ObjectRepository(backend.store, SealedCodec(b"contract-signing-key-0123456789"))
    weights = np.random.default_rng(5).random(400_000)
    sealed.save("big-model", "v1", {"weights": weights})

    payload = backend.store.read("big-model", "v1")

    assert isinstance(payload, ReadBuffer)
    assert payload.payload_digest is not None
    assert payload.payload_digest[1:] == (DIGEST, read_manifest(payload, "x")["payload_digest"])
    loaded = sealed.load("big-model", "v1")["weights"]
    assert np.array_equal(loaded, weights)
    assert loaded.flags.writeable


def test_a_payload_changed_in_the_container_is_refused_after_a_hashing_read(backend: Backend):
    sealed = ObjectRepository(backend.store, SealedCodec(b"contract-signing-key-0123456789"))
    sealed.save("big-model", "v1", np.random.default_rng(6).random(400_000))
    changed = bytearray(backend.files()["objects/big-model/v1.pkl"])
    changed[-4096] ^= 0x01
    backend.put_raw("objects/big-model/v1.pkl", bytes(changed))

    with pytest.raises(ObjectTampered, match=r"'big-model' with tag 'v1'.*changed after it was written"):
        sealed.load("big-model", "v1")
