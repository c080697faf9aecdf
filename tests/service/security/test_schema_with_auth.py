"""Property-based requests over every operation of the OpenAPI schema, with authentication on: with an
admin token none ends in a 5xx; without a token every guarded operation answers 401."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sealflow.model.access import Role
from sealflow.service.security.policy import POLICY
from service.conftest import running_service

from .conftest import Secured, secured_settings, with_tokens

UNDOCUMENTED = {("POST", "/api/maintenance/trigger_automimport")}
"""Routes left out of the schema (hetida spellings); the policy tests cover them."""
OPERATIONS = sorted(op for op in POLICY if op not in UNDOCUMENTED)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secured]:
    home = tmp_path_factory.mktemp("schema")
    settings = secured_settings(f"sqlite:///{home}/sealflow.db", home, execution_timeout=5)
    tokens = with_tokens(settings)
    with running_service(settings) as url:
        yield Secured(url, tokens, settings)


def _operation(service: Secured, method: str, path: str) -> schemathesis.APIOperation:
    schema = schemathesis.openapi.from_url(f"{service.url}/openapi.json")
    listed = {(op.method.upper(), op.path): op for op in (r.ok() for r in schema.get_all_operations())}
    assert (method, path) in listed, f"{method} {path} has a policy entry but is not in the OpenAPI schema"
    return listed[method, path]


@pytest.mark.parametrize(("method", "path"), [pytest.param(*op, id=f"{op[0]} {op[1]}") for op in OPERATIONS])
def test_no_request_with_a_token_ends_in_a_server_error(service: Secured, method: str, path: str):
    operation = _operation(service, method, path)
    headers = {"Authorization": f"Bearer {service.tokens[Role.ADMIN]}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    check()


@pytest.mark.parametrize(
    ("method", "path"),
    [pytest.param(*op, id=f"{op[0]} {op[1]}") for op in OPERATIONS if POLICY[op].role is not None],
)
def test_without_a_token_every_guarded_operation_answers_401(service: Secured, method: str, path: str):
    operation = _operation(service, method, path)

    @given(case=operation.as_strategy())
    @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code == 401, response.text

    check()
