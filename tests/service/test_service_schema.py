"""Property-based requests generated from the service's own OpenAPI schema: none may end in a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

OPERATIONS = [
    ("GET", "/api/info"),
    ("GET", "/api/adapters"),
    ("GET", "/api/transformations"),
    ("PUT", "/api/transformations"),
    ("GET", "/api/transformations/{id}"),
    ("PUT", "/api/transformations/{id}"),
    ("DELETE", "/api/transformations/{id}"),
    ("POST", "/api/transformations/execute"),
    ("POST", "/api/transformations/execute-latest"),
    ("GET", "/api/executions"),
    ("GET", "/api/executions/{execution_id}"),
    ("POST", "/api/executions/{execution_id}/replay"),
    ("POST", "/api/executions/{execution_id}/cancel"),
    ("DELETE", "/api/executions/{execution_id}"),
    ("POST", "/api/transformations/execute-async"),
    ("POST", "/api/transformations/execute-latest-async"),
    ("POST", "/api/runtime/run"),
    ("POST", "/api/maintenance/deprecate_all_but_latest_per_group"),
    ("POST", "/api/maintenance/delete_drafts"),
    ("POST", "/api/maintenance/delete_unused_deprecated"),
    ("POST", "/api/maintenance/purge"),
    ("POST", "/api/maintenance/deploy_base_trafos"),
    ("GET", "/api/audit"),
    ("GET", "/api/objects"),
    ("GET", "/api/transformations/manifest"),
    ("POST", "/api/maintenance/trigger_autoimport"),
    ("POST", "/api/components/code"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
]


def test_the_schema_lists_every_operation(sqlite_service_url: str):
    schema = schemathesis.openapi.from_url(f"{sqlite_service_url}/openapi.json")

    listed = {(op.method.upper(), op.path) for op in (result.ok() for result in schema.get_all_operations())}

    assert listed == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), [pytest.param(*op, id=f"{op[0]} {op[1]}") for op in OPERATIONS])
def test_no_request_ends_in_a_server_error(sqlite_service_url: str, method: str, path: str):
    operation = schemathesis.openapi.from_url(f"{sqlite_service_url}/openapi.json")[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    check()
