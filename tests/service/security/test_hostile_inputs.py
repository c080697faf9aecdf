"""Hostile requests against a service with authentication on: every one gets a 4xx with a clear message
(or, for a run, a failed result saying what was refused), none a 5xx, and nothing is stored or written.

Runs answer 200 with ``result: "failure"`` when the run itself is refused (hetida designer's contract);
everything decided before a run starts is a 4xx.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sealflow.model.access import Role
from sealflow.model.datatypes import State
from service.conftest import running_service
from support import component

from .conftest import Secured, secured_settings, with_tokens

LIMIT = 200_000
DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 20_000 + "1" + "}" * 20_000
A_UUID = "6f1c7a4e-0000-4000-8000-000000000001"

JSON_BODY_ROUTES = [
    ("PUT", "/api/transformations"),
    ("PUT", f"/api/transformations/{A_UUID}"),
    ("POST", "/api/transformations/execute"),
    ("POST", "/api/transformations/execute-latest"),
    ("POST", "/api/components/code"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Secured, Path]]:
    home = tmp_path_factory.mktemp("hostile")
    files = home / "files"
    (files / "data").mkdir(parents=True)
    (home / "outside.csv").write_text("secret\n42\n")
    settings = secured_settings(
        f"sqlite:///{home}/sealflow.db", home, max_body_bytes=LIMIT, local_file_roots=[files]
    )
    tokens = with_tokens(settings)
    with running_service(settings) as url:
        yield Secured(url, tokens, settings), home


@pytest.fixture
def admin(hostile: tuple[Secured, Path]) -> Iterator[httpx.Client]:
    with hostile[0].client(Role.ADMIN) as client:
        yield client


def _stored(admin: httpx.Client) -> list[Any]:
    listed = admin.get("/api/transformations")
    assert listed.status_code == 200
    return list(listed.json())


def _assert_clear_4xx(response: httpx.Response, *words: str) -> None:
    assert 400 <= response.status_code < 500, response.text
    body = response.json()
    assert body["detail"], body
    assert body["error"], body
    for word in words:
        assert word in body["detail"], body


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES)
def test_oversized_bodies_get_413_before_anything_runs(admin: httpx.Client, method: str, path: str):
    announced = admin.request(method, path, content=b"[" + b" " * (LIMIT + 1) + b"]")

    def chunks() -> Iterator[bytes]:
        for _ in range(LIMIT // 10_000 + 2):
            yield b" " * 10_000

    streamed = admin.request(method, path, content=chunks(), headers={"Content-Type": "application/json"})

    for response in (announced, streamed):
        assert response.status_code == 413, response.text
        assert response.json()["error"] == "PayloadTooLarge"
        assert "SEALFLOW_MAX_BODY_BYTES" in response.json()["detail"]
    assert _stored(admin) == []


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES)
@pytest.mark.parametrize("body", [pytest.param(DEEP, id="arrays"), pytest.param(DEEP_OBJECT, id="objects")])
def test_deeply_nested_json_gets_400(admin: httpx.Client, method: str, path: str, body: str):
    response = admin.request(method, path, content=body, headers={"Content-Type": "application/json"})

    _assert_clear_4xx(response, "nested too deeply")
    assert _stored(admin) == []


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES)
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        pytest.param("text/plain", b'{"id": "x"}', id="text"),
        pytest.param("application/x-www-form-urlencoded", b"id=x&name=y", id="form"),
        pytest.param("application/xml", b"<id>x</id>", id="xml"),
        pytest.param("application/octet-stream", b"\x00\xff\xfe", id="binary"),
    ],
)
def test_wrong_content_types_get_422_asking_for_json(
    admin: httpx.Client, method: str, path: str, content_type: str, body: bytes
):
    response = admin.request(method, path, content=body, headers={"Content-Type": content_type})

    _assert_clear_4xx(response, "Content-Type: application/json")
    assert _stored(admin) == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        pytest.param("GET", "/api/transformations/..%2F..%2Fetc%2Fpasswd", None, id="revision-id"),
        pytest.param("GET", "/api/executions/..%2Fsealflow.db", None, id="execution-id"),
        pytest.param("DELETE", "/api/transformations/%2Fetc%2Fpasswd", None, id="delete-absolute"),
        pytest.param(
            "POST", "/api/transformations/execute", {"id": A_UUID, "job_id": "../../etc/passwd"}, id="job-id"
        ),
        pytest.param("POST", "/api/transformations/execute", {"id": "../../etc/passwd"}, id="execute-id"),
        pytest.param(
            "POST",
            "/api/transformations/execute-latest",
            {"revision_group_id": "/etc/passwd", "wiring": {}},
            id="group-id",
        ),
    ],
)
def test_traversal_in_ids_is_refused(admin: httpx.Client, method: str, path: str, body: Any):
    response = admin.request(method, path, json=body)

    assert 400 <= response.status_code < 500, response.text
    assert _stored(admin) == []


@pytest.mark.parametrize(
    "path",
    [
        "/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/..%2F..%2Fsealflow.db",
        "/%2Fetc%2Fpasswd",
        "/static/../../../../etc/passwd",
    ],
)
def test_the_web_ui_serves_nothing_outside_its_build(hostile: tuple[Secured, Path], path: str):
    response = httpx.get(hostile[0].url + path)

    assert response.status_code in (200, 404)
    assert "root:" not in response.text
    assert "SQLite format" not in response.text


def test_traversal_in_bulk_import_ids_fails_the_item(admin: httpx.Client):
    tr = component("Traversal", {"a": "INT"}, {"b": "INT"}, "return {'b': a}").to_json_dict()
    tr["id"] = "../../etc/passwd"

    response = admin.put("/api/transformations", json=[tr])

    assert response.status_code in (207, 422), response.text
    if response.status_code == 207:
        assert {report["status"] for report in response.json().values()} == {"FAILED"}
    assert _stored(admin) == []


@pytest.mark.parametrize(
    "wiring",
    [
        pytest.param(
            {
                "input_wirings": [
                    {
                        "workflow_input_name": "frame",
                        "adapter_id": "local-file-adapter",
                        "ref_id": "../outside.csv",
                    }
                ]
            },
            id="source-dot-dot",
        ),
        pytest.param(
            {
                "input_wirings": [
                    {
                        "workflow_input_name": "frame",
                        "adapter_id": "local-file-adapter",
                        "ref_id": "{home}/outside.csv",
                    }
                ]
            },
            id="source-absolute",
        ),
        pytest.param(
            {
                "input_wirings": [
                    {
                        "workflow_input_name": "frame",
                        "adapter_id": "local-file-adapter",
                        "ref_id": "..__outside.csv",
                    }
                ]
            },
            id="source-encoded",
        ),
        pytest.param(
            {
                "input_wirings": [
                    {
                        "workflow_input_name": "frame",
                        "adapter_id": "direct_provisioning",
                        "filters": {"value": '{"a": [1]}'},
                    }
                ],
                "output_wirings": [
                    {
                        "workflow_output_name": "same",
                        "adapter_id": "local-file-adapter",
                        "ref_id": "GENERIC_DATAFRAME_SINK_AT_data",
                        "filters": {"file_name": "../../escaped.csv"},
                    }
                ],
            },
            id="sink-file-name",
        ),
        pytest.param(
            {
                "input_wirings": [
                    {
                        "workflow_input_name": "frame",
                        "adapter_id": "direct_provisioning",
                        "filters": {"value": '{"a": [1]}'},
                    }
                ],
                "output_wirings": [
                    {
                        "workflow_output_name": "same",
                        "adapter_id": "local-file-adapter",
                        "ref_id": "GENERIC_DATAFRAME_SINK_AT_..__..",
                        "filters": {"file_name": "escaped.csv"},
                    }
                ],
            },
            id="sink-directory",
        ),
    ],
)
def test_traversal_in_adapter_paths_fails_the_run_and_writes_nothing(
    hostile: tuple[Secured, Path], admin: httpx.Client, wiring: dict[str, Any]
):
    home = hostile[1]
    echo = component(
        "Echo", {"frame": "DATAFRAME"}, {"same": "DATAFRAME"}, "return {'same': frame}", state=State.DRAFT
    )
    stored = admin.put(
        f"/api/transformations/{echo.id}", params={"update_component_code": "false"}, json=echo.to_json_dict()
    )
    assert stored.status_code == 201, stored.text
    for item in wiring["input_wirings"]:
        if "ref_id" in item:
            item["ref_id"] = item["ref_id"].format(home=home)
    before = sorted(path for path in home.rglob("*") if "objects" not in path.parts)

    response = admin.post("/api/transformations/execute", json={"id": str(echo.id), "wiring": wiring})

    assert response.status_code == 200, response.text
    result = response.json()
    assert result["result"] == "failure"
    assert "refused" in result["error"]["message"] or "file name" in result["error"]["message"]
    assert "secret" not in response.text
    after = sorted(
        path for path in home.rglob("*") if "objects" not in path.parts and path.suffix != ".db-journal"
    )
    assert [path for path in after if path not in before and "sealflow.db" not in path.name] == []
    admin.delete(f"/api/transformations/{echo.id}")


SQL = [
    "' OR '1'='1",
    "x'; DROP TABLE transformation_revisions; --",
    "%",
    "_",
    "\\",
    '"',
    "\x00",
    "1; SELECT 1",
]


@pytest.mark.parametrize("value", SQL)
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/transformations", "name"),
        ("/api/transformations", "category"),
        ("/api/transformations", "category_prefix"),
        ("/api/transformations", "type"),
        ("/api/transformations", "state"),
        ("/api/transformations", "id"),
        ("/api/transformations", "revision_group_id"),
        ("/api/transformations", "include_deprecated"),
        ("/api/executions", "transformation_id"),
        ("/api/executions", "status"),
        ("/api/executions", "limit"),
        ("/api/executions", "offset"),
    ],
)
def test_sql_metacharacters_in_filters_match_nothing_or_get_422(
    admin: httpx.Client, path: str, name: str, value: str
):
    keep = component("Kept", {"a": "INT"}, {"b": "INT"}, "return {'b': a}", state=State.DRAFT)
    admin.put(
        f"/api/transformations/{keep.id}", params={"update_component_code": "false"}, json=keep.to_json_dict()
    )

    response = admin.get(path, params={name: value})

    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json() == []
    else:
        assert name in response.json()["detail"]
    assert any(tr["id"] == str(keep.id) for tr in _stored(admin))
    admin.delete(f"/api/transformations/{keep.id}")
