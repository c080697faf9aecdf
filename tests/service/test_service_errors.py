"""How errors reach a client: status codes from the exception tree, and readable bodies for bad requests."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest

from sealflow import errors
from sealflow.service.errors import status_code


@pytest.mark.parametrize(
    ("error", "code"),
    [
        pytest.param(errors.InvalidInput, 422, id="invalid-input"),
        pytest.param(errors.InvalidTransformation, 422, id="invalid-transformation"),
        pytest.param(errors.InvalidWiring, 422, id="invalid-wiring"),
        pytest.param(errors.ValueParseError, 422, id="value-parse"),
        pytest.param(errors.NotFound, 404, id="not-found"),
        pytest.param(errors.TransformationNotFound, 404, id="transformation-not-found"),
        pytest.param(errors.CodeNotFound, 404, id="code-not-found"),
        pytest.param(errors.Conflict, 409, id="conflict"),
        pytest.param(errors.LifecycleViolation, 409, id="lifecycle"),
        pytest.param(errors.AdapterUnavailable, 503, id="adapter-unavailable"),
        pytest.param(errors.AdapterError, 502, id="adapter-error"),
        pytest.param(errors.StorageError, 503, id="storage"),
        pytest.param(errors.CodeIntegrityError, 500, id="code-integrity"),
        pytest.param(errors.ExecutionFailed, 500, id="execution-failed"),
        pytest.param(errors.SealflowError, 500, id="base"),
    ],
)
def test_status_codes_of_the_exception_tree(error: type[errors.SealflowError], code: int):
    assert status_code(error("message")) == code


def test_every_error_of_the_tree_has_a_status_code():
    tree = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.SealflowError)
    ]

    assert len(tree) > 10
    assert all(400 <= status_code(kind("message")) < 600 for kind in tree)


@pytest.mark.parametrize(
    ("content", "headers", "detail"),
    [
        pytest.param(
            b'{"id": oops}',
            {"content-type": "application/json"},
            "the request body is not valid JSON: Expecting value (at character 7)",
            id="malformed-json",
        ),
        pytest.param(
            b"[1, 2",
            {"content-type": "application/json"},
            "the request body is not valid JSON: Expecting ',' delimiter",
            id="truncated-json",
        ),
        pytest.param(
            b"id=1",
            {"content-type": "application/x-www-form-urlencoded"},
            "send the body as JSON with the header Content-Type: application/json",
            id="not-json",
        ),
    ],
)
def test_bad_bodies_are_422_naming_the_problem(
    sqlite_api: httpx.Client, content: bytes, headers: dict[str, str], detail: str
):
    response = sqlite_api.post("/api/transformations/execute", content=content, headers=headers)

    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "InvalidInput"
    assert detail in body["detail"]


def test_validation_errors_name_fields_but_never_echo_input(sqlite_api: httpx.Client):
    secret = "s3cr3t-value-" * 3

    response = sqlite_api.put(
        f"/api/transformations/{uuid4()}",
        json={"name": secret + "<>", "version_tag": "1.0", "type": "COMPONENT", "content": 42},
    )

    assert response.status_code == 422
    body = response.json()
    assert secret not in response.text
    assert "body.name: String should match pattern" in body["detail"]
    assert "body.content: Input should be a valid string" in body["detail"]
    assert "WorkflowContent" not in body["detail"]
    assert {"loc", "msg"} == set(body["errors"][0])


@pytest.mark.parametrize(
    ("method", "path", "code", "error"),
    [
        pytest.param("GET", "/api/nothing", 404, "NotFound", id="unknown-path"),
        pytest.param("POST", "/api/info", 405, "MethodNotAllowed", id="wrong-method"),
        pytest.param("PATCH", f"/api/transformations/{uuid4()}", 405, "MethodNotAllowed", id="no-patch"),
    ],
)
def test_http_errors_have_the_same_body(
    sqlite_api: httpx.Client, method: str, path: str, code: int, error: str
):
    response = sqlite_api.request(method, path)

    assert response.status_code == code
    assert response.json()["error"] == error
    assert set(response.json()) == {"detail", "error"}
