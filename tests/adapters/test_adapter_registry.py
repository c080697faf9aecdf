import re
from pathlib import Path

import pytest

from sealflow.adapters.registry import build_adapters
from sealflow.config import Settings
from sealflow.errors import AdapterError
from sealflow.ops.instance import Instance

REST = "demo|Demo Adapter|http://localhost:8092|http://demo-adapter:8092"


def test_an_instance_offers_direct_provisioning_and_local_files_by_default(tmp_path: Path):
    registry = build_adapters(Settings(home=tmp_path))

    assert [adapter.key for adapter in registry] == ["direct_provisioning", "local-file-adapter"]
    assert registry.get("local-file-adapter", "test").roots == [tmp_path / "files"]


def test_settings_from_the_environment_configure_every_adapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SEALFLOW_LOCAL_FILE_ROOTS", f'["{tmp_path / "a"}", "{tmp_path / "b"}"]')
    monkeypatch.setenv("SEALFLOW_BLOB_HIERARCHY_FILE", str(tmp_path / "hierarchy.json"))
    monkeypatch.setenv("SEALFLOW_BLOB_ENDPOINT_URL", "http://minio:9000")
    monkeypatch.setenv("SEALFLOW_REST_ADAPTERS", f"{REST},other|Other|http://o|http://o-internal/base")
    monkeypatch.setenv("SEALFLOW_ADAPTER_TIMEOUT", "7.5")

    adapters = {adapter.key: adapter for adapter in build_adapters(Settings())}

    assert list(adapters) == [
        "direct_provisioning",
        "local-file-adapter",
        "blob-storage-adapter",
        "demo",
        "other",
    ]
    assert adapters["local-file-adapter"].roots == [tmp_path / "a", tmp_path / "b"]
    blob = adapters["blob-storage-adapter"]
    assert (blob.endpoint_url, blob.region, blob.timeout) == ("http://minio:9000", "eu-central-1", 7.5)
    demo = adapters["demo"]
    assert (demo.name, demo.url, demo.internal_url) == (
        "Demo Adapter",
        "http://localhost:8092",
        "http://demo-adapter:8092",
    )


@pytest.mark.parametrize(
    ("rest_adapters", "message"),
    [
        pytest.param(f"{REST},{REST}", "adapter key(s) 'demo' are used twice", id="same-id"),
        pytest.param(
            "local-file-adapter|Mine|http://e|http://i",
            "'local-file-adapter' are used twice",
            id="builtin-id",
        ),
        pytest.param("demo|Demo|http://e", "is malformed", id="malformed"),
    ],
)
def test_conflicting_or_malformed_rest_adapters_are_refused(tmp_path: Path, rest_adapters: str, message: str):
    with pytest.raises(AdapterError, match=re.escape(message)):
        build_adapters(Settings(home=tmp_path, rest_adapters=rest_adapters))


def test_an_opened_instance_uses_the_configured_adapters(tmp_path: Path):
    instance = Instance.open(Settings(home=tmp_path, rest_adapters=REST))
    try:
        assert [adapter.key for adapter in instance.adapters] == [
            "direct_provisioning",
            "local-file-adapter",
            "demo",
        ]
    finally:
        instance.close()
