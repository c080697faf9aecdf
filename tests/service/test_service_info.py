"""``/api/info``, ``/api/adapters``, the OpenAPI docs and trailing slashes."""

from __future__ import annotations

import platform

import httpx
import pytest
from sqlalchemy import make_url

from sealflow import __version__


def test_info_says_here_i_am_with_an_environment_summary(api: httpx.Client, db_url: str):
    response = api.get("/api/info")

    assert response.status_code == 200
    info = response.json()
    assert info["msg"] == "Here I am"
    assert info["version"] == __version__
    assert info["environment"] == {
        "python_version": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "platform": info["fingerprint"]["platform"],
        "sealflow_version": __version__,
        "database_backend": make_url(db_url).get_backend_name(),
    }
    assert info["fingerprint"]["distributions"]["fastapi"]
    assert len(info["fingerprint"]["id"]) == 64


def test_info_never_shows_the_database_url(api: httpx.Client, db_url: str):
    url = make_url(db_url)

    text = api.get("/api/info").text

    assert url.database not in text
    assert "postgres@" not in text
    assert "sqlite:" not in text


def test_adapters_are_listed_with_urls(api: httpx.Client):
    response = api.get("/api/adapters")

    assert response.status_code == 200
    adapters = {adapter["id"]: adapter for adapter in response.json()}
    assert adapters["direct_provisioning"] == {
        "id": "direct_provisioning",
        "name": "Direct Provisioning",
        "url": "",
        "internalUrl": "",
    }
    assert all(set(adapter) == {"id", "name", "url", "internalUrl"} for adapter in adapters.values())


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/api/info/", id="info"),
        pytest.param("/api/adapters/", id="adapters"),
        pytest.param("/api/transformations//", id="double-slash"),
        pytest.param("/docs/", id="docs"),
    ],
)
def test_paths_with_a_trailing_slash_answer_directly(sqlite_api: httpx.Client, path: str):
    response = sqlite_api.get(path)

    assert response.status_code == 200
    assert not response.history


def test_openapi_docs(sqlite_api: httpx.Client):
    docs = sqlite_api.get("/docs")
    schema = sqlite_api.get("/openapi.json").json()

    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
    assert schema["info"]["title"] == "Sealflow"
    assert {
        "/api/info",
        "/api/adapters",
        "/api/transformations",
        "/api/transformations/{id}",
        "/api/transformations/execute",
        "/api/transformations/execute-latest",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/transformations"]) == {"get", "put"}
    assert set(schema["paths"]["/api/transformations/{id}"]) == {"get", "put", "delete"}
