"""Every API route has a rule in the policy table, and a caller whose role is too weak gets 403 naming
the role needed; without a token, 401. The cases come from the table itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest

from sealflow.config import Settings
from sealflow.model.access import Role
from sealflow.model.datatypes import State
from sealflow.service.app import create_app
from sealflow.service.security.guard import api_routes
from sealflow.service.security.policy import POLICY, QueryFlag, RunsUnreleased
from support import component

from .conftest import MAINTENANCE_SECRET, Secured

ROLES = list(Role)


def _weaker(role: Role) -> Role | None:
    return ROLES[role.rank - 1] if role.rank > 0 else None


def _url(path: str) -> str:
    return path.replace("{id}", str(uuid4())).replace("{execution_id}", str(uuid4()))


def _body(method: str) -> Any:
    return {"maintenance_secret": MAINTENANCE_SECRET} if method in ("POST", "PUT") else None


ROUTE_CASES = [
    pytest.param(method, path, rule.role, id=f"{method} {path}")
    for (method, path), rule in sorted(POLICY.items())
]
ESCALATION_CASES = [
    pytest.param(method, path, rule.role, escalation, id=f"{method} {path} {type(escalation).__name__}")
    for (method, path), rule in sorted(POLICY.items())
    for escalation in rule.escalations
]


def test_every_api_route_has_exactly_one_rule(tmp_path: Path):
    app = create_app(Settings(home=tmp_path, install_library=False))

    routes = set(api_routes(app))

    missing = sorted(routes - set(POLICY))
    assert not missing, f"add these routes to POLICY in sealflow/service/security/policy.py: {missing}"
    stale = sorted(set(POLICY) - routes)
    assert not stale, f"POLICY names routes that do not exist: {stale}"


@pytest.mark.parametrize(("method", "path", "role"), ROUTE_CASES)
def test_a_too_weak_caller_is_refused_with_the_role_needed(
    secured: Secured, method: str, path: str, role: Role | None
):
    weaker = _weaker(role) if role is not None else None
    with secured.client(weaker) as client:
        response = client.request(method, _url(path), json=_body(method))

    if role is None:
        assert response.status_code not in (401, 403), response.text
    elif weaker is None:
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer" in response.json()["detail"]
    else:
        assert response.status_code == 403, response.text
        body = response.json()
        assert body["error"] == "PermissionDenied"
        assert f"needs the role '{role.value}'" in body["detail"]
        assert f"has the role '{weaker.value}'" in body["detail"]


@pytest.mark.parametrize(("method", "path", "role"), ROUTE_CASES)
def test_the_role_named_is_enough(secured: Secured, method: str, path: str, role: Role | None):
    with secured.client(role) as client:
        response = client.request(method, _url(path), json=_body(method))

    assert response.status_code not in (401, 403) or "maintenance" in path, response.text
    assert response.status_code < 500, response.text


@pytest.mark.parametrize(("method", "path", "role", "escalation"), ESCALATION_CASES)
def test_requests_that_do_more_need_a_stronger_role(
    secured: Secured, method: str, path: str, role: Role, escalation: QueryFlag | RunsUnreleased
):
    params: dict[str, str] = {}
    body: Any = _body(method)
    if isinstance(escalation, QueryFlag):
        params[escalation.name] = "true"
        tr = component("Draft", {}, {}, "return {}")
        body = [tr.to_json_dict()] if path == "/api/transformations" else tr.to_json_dict()
        path = path.replace("{id}", str(tr.id))
    else:
        draft = component("Unreleased", {}, {}, "return {}", state=State.DRAFT)
        with secured.client(Role.EDITOR) as editor:
            stored = editor.put(
                f"/api/transformations/{draft.id}",
                params={"update_component_code": "false"},
                json=draft.to_json_dict(),
            )
            assert stored.status_code == 201, stored.text
        body = {"id": str(draft.id), "wiring": None}

    with secured.client(role) as client:
        refused = client.request(method, _url(path), params=params, json=body)
    with secured.client(escalation.role) as client:
        allowed = client.request(method, _url(path), params=params, json=body)

    assert refused.status_code == 403, refused.text
    assert f"needs the role '{escalation.role.value}' for {escalation.reason}" in refused.json()["detail"]
    assert allowed.status_code not in (401, 403), allowed.text
    assert allowed.status_code < 500, allowed.text


def test_a_viewer_runs_released_revisions(secured: Secured):
    released = component("Released Add", {"a": "INT"}, {"b": "INT"}, "return {'b': a + 1}")
    with secured.client(Role.EDITOR) as editor:
        assert (
            editor.put(f"/api/transformations/{released.id}", json=released.to_json_dict()).status_code == 201
        )
    wiring = {
        "input_wirings": [
            {"workflow_input_name": "a", "adapter_id": "direct_provisioning", "filters": {"value": "41"}}
        ]
    }

    with secured.client(Role.VIEWER) as viewer:
        response = viewer.post(
            "/api/transformations/execute", json={"id": str(released.id), "wiring": wiring}
        )

    assert response.status_code == 200, response.text
    assert response.json()["output_results_by_output_name"] == {"b": 42}


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("Basic dXNlcjpwYXNz", id="basic"),
        pytest.param("Bearer", id="empty-bearer"),
        pytest.param("Bearer sf_unknown", id="unknown-api-token"),
        pytest.param("Bearer a.b.c", id="jwt-without-oidc"),
        pytest.param("Bearer nonsense", id="neither"),
    ],
)
def test_bad_credentials_get_401_with_a_reason(secured: Secured, header: str):
    response = httpx.get(f"{secured.url}/api/transformations", headers={"Authorization": header})

    assert response.status_code == 401, response.text
    assert response.json()["error"] == "AuthenticationRequired"
    assert response.json()["detail"]


def test_the_web_ui_and_health_need_no_token(secured: Secured):
    with secured.client() as anonymous:
        page = anonymous.get("/")
        health = anonymous.get("/healthz")
        api = anonymous.get("/api/info")

    assert page.status_code == 200
    assert "<html" in page.text.lower()
    assert health.json() == {"status": "ok"}
    assert api.status_code == 401
