"""Fixtures for persisted objects: a moto S3 server on a free loopback port, fake AWS credentials, and
every object store implementation behind one ``backend`` fixture for the contract suite.

Both backends keep their objects below ``objects/`` of a container (a temporary directory, a fresh
bucket), so a test can list everything in the container and see whether anything landed outside.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import boto3
import pytest
from moto.server import ThreadedMotoServer

from object_backends import Backend
from sealflow.store.objects import ObjectRepository, open_object_store

PREFIX = "objects"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """URL of a moto S3 server running for the whole test session."""
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fake credentials and a region in the environment; no profile or config of the machine."""
    for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.fspath(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.fspath(tmp_path / "no-aws-credentials"))


@pytest.fixture
def bucket(moto_endpoint: str, aws_env: None) -> str:
    """A new, empty bucket on the moto server."""
    name = f"sealflow-{uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=moto_endpoint).create_bucket(Bucket=name)
    return name


def _local(tmp_path: Path) -> Backend:
    container = tmp_path / "container"
    container.mkdir()

    def files() -> dict[str, bytes]:
        return {
            path.relative_to(container).as_posix(): path.read_bytes()
            for path in container.rglob("*")
            if path.is_file()
        }

    def put_raw(key: str, data: bytes) -> None:
        path = container / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return Backend(open_object_store((container / PREFIX).as_uri()), files, put_raw)


def _s3(bucket: str, endpoint: str) -> Backend:
    client = boto3.client("s3", endpoint_url=endpoint)

    def files() -> dict[str, bytes]:
        listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {
            item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed
        }

    def put_raw(key: str, data: bytes) -> None:
        client.put_object(Bucket=bucket, Key=key, Body=data)

    store = open_object_store(f"s3://{bucket}/{PREFIX}", endpoint_url=endpoint)
    return Backend(store, files, put_raw)


@pytest.fixture(params=[pytest.param("local", id="local"), pytest.param("s3", id="s3")])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each object store implementation in turn, empty."""
    if request.param == "local":
        return _local(tmp_path)
    return _s3(request.getfixturevalue("bucket"), request.getfixturevalue("moto_endpoint"))


@pytest.fixture
def objects(backend: Backend) -> ObjectRepository:
    """A repository on the backend under test."""
    return ObjectRepository(backend.store)
