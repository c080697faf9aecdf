"""A backup lists every persisted object: each object store names what it holds, locally and on S3."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import boto3
import pytest
from moto.server import ThreadedMotoServer

from sealflow.store.objects import ObjectRepository, ObjectStore, open_object_store


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_store(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ObjectStore:
    for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.fspath(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.fspath(tmp_path / "no-aws-credentials"))
    bucket = f"sealflow-{uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    client.create_bucket(Bucket=bucket)
    client.put_object(Bucket=bucket, Key="elsewhere/m/v1.json", Body=b"{}")
    client.put_object(Bucket=bucket, Key="objects/.hidden/v1.json", Body=b"{}")
    return open_object_store(f"s3://{bucket}/objects", endpoint_url=s3_endpoint)


@pytest.fixture(params=[pytest.param("local", id="local"), pytest.param("s3", id="s3")])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "s3":
        s3: ObjectStore = request.getfixturevalue("s3_store")
        return s3
    (tmp_path / "objects" / ".hidden").mkdir(parents=True)
    (tmp_path / "objects" / "stray.txt").write_text("not an object")
    return open_object_store((tmp_path / "objects").as_uri())


def test_every_stored_object_is_listed_by_name_then_age(store: ObjectStore) -> None:
    objects = ObjectRepository(store)
    assert objects.manifests() == []
    written = [
        objects.save("pump-model", "v1", [1]),
        objects.save("baseline", "2026-01-31", {"a": 1}),
        objects.save("pump-model", "v2", [2]),
    ]
    assert store.names() == ["baseline", "pump-model"]
    assert objects.manifests() == [written[1], written[0], written[2]]


def test_an_empty_local_store_that_does_not_exist_yet_lists_nothing(tmp_path: Path) -> None:
    assert open_object_store((tmp_path / "missing").as_uri()).names() == []
