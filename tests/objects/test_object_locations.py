"""Which object store an objects URL opens, and the settings that name it."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest

from sealflow.config import Settings
from sealflow.errors import InvalidInput, StorageError
from sealflow.store.objects import ObjectRepository, open_object_store
from sealflow.store.objects.local import LocalObjectStore
from sealflow.store.objects.s3 import S3ObjectStore


def test_objects_live_in_the_home_directory_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SEALFLOW_OBJECTS_URL", raising=False)
    monkeypatch.setenv("SEALFLOW_HOME", str(tmp_path / "home"))

    settings = Settings()

    assert settings.object_store_url == (tmp_path / "home" / "objects").as_uri()
    assert settings.objects_endpoint_url is None


def test_objects_url_and_endpoint_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SEALFLOW_OBJECTS_URL", "s3://models/sealflow")
    monkeypatch.setenv("SEALFLOW_OBJECTS_ENDPOINT_URL", "http://minio:9000")

    settings = Settings()

    assert settings.object_store_url == "s3://models/sealflow"
    assert settings.objects_endpoint_url == "http://minio:9000"


@pytest.mark.parametrize(
    ("url", "root"),
    [
        pytest.param("file:///srv/objects", "/srv/objects", id="file-url"),
        pytest.param("file://localhost/srv/objects", "/srv/objects", id="file-url-localhost"),
        pytest.param("file:///srv/my%20objects", "/srv/my objects", id="file-url-escaped"),
        pytest.param("/srv/objects", "/srv/objects", id="absolute-path"),
    ],
)
def test_local_locations(url: str, root: str):
    store = open_object_store(url)

    assert isinstance(store, LocalObjectStore)
    assert store.root == Path(root)


def test_a_relative_path_is_taken_from_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    store = open_object_store("objects")

    assert isinstance(store, LocalObjectStore)
    assert store.root == tmp_path / "objects"


@pytest.mark.parametrize(
    ("url", "bucket", "prefix", "location"),
    [
        pytest.param("s3://models", "models", "", "s3://models", id="bucket"),
        pytest.param("s3://models/", "models", "", "s3://models", id="bucket-slash"),
        pytest.param("s3://models/team/a/", "models", "team/a", "s3://models/team/a", id="prefix"),
    ],
)
def test_s3_locations(aws_env: None, url: str, bucket: str, prefix: str, location: str):
    store = open_object_store(url, endpoint_url="http://127.0.0.1:9")

    assert isinstance(store, S3ObjectStore)
    assert (store.bucket, store.prefix, store.location) == (bucket, prefix, location)
    assert store.client.meta.endpoint_url == "http://127.0.0.1:9"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("ftp://host/objects", "unsupported scheme 'ftp'", id="ftp"),
        pytest.param("http://host/objects", "unsupported scheme 'http'", id="http"),
        pytest.param("s3:///objects", "names no bucket", id="s3-without-bucket"),
        pytest.param("file://server/share", "names the host 'server'", id="file-on-another-host"),
    ],
)
def test_unusable_locations(url: str, message: str):
    with pytest.raises(InvalidInput, match=message):
        open_object_store(url)


def test_a_missing_bucket_is_named(moto_endpoint: str, aws_env: None):
    objects = ObjectRepository(open_object_store("s3://no-such-bucket/x", endpoint_url=moto_endpoint))

    with pytest.raises(StorageError, match="bucket 'no-such-bucket' does not exist; create it"):
        objects.save("model", "v1", 1)


def test_objects_under_one_prefix_are_invisible_under_another(bucket: str, moto_endpoint: str):
    team_a = ObjectRepository(open_object_store(f"s3://{bucket}/team-a", endpoint_url=moto_endpoint))
    team_b = ObjectRepository(open_object_store(f"s3://{bucket}/team-b", endpoint_url=moto_endpoint))
    team_a.save("model", "v1", "a")

    assert team_b.tags("model") == []
    team_b.save("model", "v1", "b")
    assert (team_a.load("model"), team_b.load("model")) == ("a", "b")
    keys = boto3.client("s3", endpoint_url=moto_endpoint).list_objects_v2(Bucket=bucket)["Contents"]
    assert sorted(item["Key"] for item in keys) == [
        "team-a/model/v1.json",
        "team-a/model/v1.pkl",
        "team-b/model/v1.json",
        "team-b/model/v1.pkl",
    ]
