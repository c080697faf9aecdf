"""Every API call as a pure description: how to build its request and how to read its response.

``Client`` and ``AsyncClient`` differ only in how they send a ``Call``; building the request, checking
the status and parsing the body happen here and in ``call.py``, once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from uuid import UUID

import httpx
from pydantic import TypeAdapter

from sealflow import errors
from sealflow.client.call import Call, T
from sealflow.client.results import ExecutionOutcome, wiring_of
from sealflow.model.audit import AuditEntry
from sealflow.model.execution import ExecutionRecord, ExecutionStatus
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.objects import ObjectReport
from sealflow.ops.replay import ReplayReport
from sealflow.service.schemas import (
    AdapterInfo,
    ExecutionRequest,
    ExecutionResponse,
    ImportReport,
    InfoResponse,
    LatestExecutionRequest,
)


def _json(response: httpx.Response) -> Any:
    return response.json()


def _model(adapter: TypeAdapter[T]) -> Callable[[httpx.Response], T]:
    return lambda response: adapter.validate_python(response.json())


def _revision(response: httpx.Response) -> TransformationRevision:
    return parse_transformation(response.json(), f"the answer of {response.request.url}")


def _revisions(response: httpx.Response) -> list[TransformationRevision]:
    data = response.json()
    if not isinstance(data, list):
        raise ValueError("expected a list of revisions")
    return [
        parse_transformation(item, f"item {index} of the answer")
        for index, item in enumerate(data)
        if isinstance(item, dict)
    ]


def _uuid(value: UUID | str, what: str) -> UUID:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError as exc:
        raise errors.InvalidInput(
            f"{what} {value!r} is no UUID; give the id as shown by the service"
        ) from exc


def _flag(value: bool) -> str:
    return "true" if value else "false"


def info() -> Call[InfoResponse]:
    """``GET /api/info``."""
    return Call("GET", "info", _model(TypeAdapter(InfoResponse)))


def adapters() -> Call[list[AdapterInfo]]:
    """``GET /api/adapters``."""
    return Call("GET", "adapters", _model(TypeAdapter(list[AdapterInfo])))


def list_transformations(
    *,
    type: str | None = None,
    state: str | None = None,
    category: Sequence[str] = (),
    category_prefix: str | None = None,
    revision_group_id: UUID | str | None = None,
    ids: Sequence[UUID | str] = (),
    names: Sequence[str] = (),
    include_deprecated: bool = True,
    include_dependencies: bool = False,
    unused: bool = False,
) -> Call[list[TransformationRevision]]:
    """``GET /api/transformations`` with its filters."""
    params: list[tuple[str, str]] = []
    for key, value in (("type", type), ("state", state), ("category_prefix", category_prefix)):
        if value is not None:
            params.append((key, str(value)))
    if revision_group_id is not None:
        params.append(("revision_group_id", str(revision_group_id)))
    params += [("category", value) for value in category]
    params += [("id", str(value)) for value in ids]
    params += [("name", value) for value in names]
    params += [
        ("include_deprecated", _flag(include_deprecated)),
        ("include_dependencies", _flag(include_dependencies)),
        ("unused", _flag(unused)),
    ]
    return Call("GET", "transformations", _revisions, params=params)


def get_transformation(id: UUID | str) -> Call[TransformationRevision]:
    """``GET /api/transformations/{id}``."""
    return Call("GET", f"transformations/{id}", _revision)


def put_transformation(
    tr: TransformationRevision | Mapping[str, Any],
    *,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
    strip_wiring: bool = False,
    force: bool = False,
) -> Call[TransformationRevision]:
    """``PUT /api/transformations/{id}``: create or update one revision (``force``: even if it breaks
    workflows that use it)."""
    revision, params = _put(tr, allow_overwrite_released, update_component_code, strip_wiring)
    params.append(("force", _flag(force)))
    return Call(
        "PUT",
        f"transformations/{revision.id}",
        _revision,
        params=params,
        json=revision.to_json_dict(),
        ok=(201,),
    )


def plan_put(
    tr: TransformationRevision | Mapping[str, Any],
    *,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
    strip_wiring: bool = False,
) -> Call[dict[str, Any]]:
    """``PUT /api/transformations/{id}?dry_run=true``: what the PUT would change, as the server plans it."""
    revision, params = _put(tr, allow_overwrite_released, update_component_code, strip_wiring)
    params.append(("dry_run", "true"))
    return Call("PUT", f"transformations/{revision.id}", _plan, params=params, json=revision.to_json_dict())


def _put(
    tr: TransformationRevision | Mapping[str, Any],
    allow_overwrite_released: bool,
    update_component_code: bool,
    strip_wiring: bool,
) -> tuple[TransformationRevision, list[tuple[str, str]]]:
    revision = tr if isinstance(tr, TransformationRevision) else parse_transformation(tr)
    params = [
        ("allow_overwrite_released", _flag(allow_overwrite_released)),
        ("update_component_code", _flag(update_component_code)),
        ("strip_wiring", _flag(strip_wiring)),
    ]
    return revision, params


def _plan(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    if not isinstance(body, dict) or not isinstance(body.get("plan"), dict):
        raise ValueError('expected {"dry_run": true, "plan": {...}}')
    plan: dict[str, Any] = body["plan"]
    return plan


def import_transformations(
    items: Sequence[TransformationRevision | Mapping[str, Any] | str],
    *,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
    release_drafts: bool = False,
    abort_on_error: bool = False,
    force: bool = False,
) -> Call[dict[str, ImportReport]]:
    """``PUT /api/transformations``: import revisions and ``.py`` code strings; one report per item."""
    body, params = _bulk(
        items, allow_overwrite_released, update_component_code, release_drafts, abort_on_error
    )
    return Call(
        "PUT",
        "transformations",
        _model(TypeAdapter(dict[str, ImportReport])),
        params=[*params, ("force", _flag(force))],
        json=body,
        ok=(207,),
    )


def plan_import(
    items: Sequence[TransformationRevision | Mapping[str, Any] | str],
    *,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
    release_drafts: bool = False,
    abort_on_error: bool = False,
) -> Call[dict[str, Any]]:
    """``PUT /api/transformations?dry_run=true``: what the import would change; nothing changes."""
    body, params = _bulk(
        items, allow_overwrite_released, update_component_code, release_drafts, abort_on_error
    )
    return Call("PUT", "transformations", _plan, params=[*params, ("dry_run", "true")], json=body)


def _bulk(
    items: Sequence[TransformationRevision | Mapping[str, Any] | str],
    allow_overwrite_released: bool,
    update_component_code: bool,
    release_drafts: bool,
    abort_on_error: bool,
) -> tuple[list[Any], list[tuple[str, str]]]:
    body = [item.to_json_dict() if isinstance(item, TransformationRevision) else item for item in items]
    params = [
        ("allow_overwrite_released", _flag(allow_overwrite_released)),
        ("update_component_code", _flag(update_component_code)),
        ("release_drafts", _flag(release_drafts)),
        ("abort_on_error", _flag(abort_on_error)),
    ]
    return body, params


def delete_transformation(id: UUID | str) -> Call[None]:
    """``DELETE /api/transformations/{id}``: delete a draft."""
    return Call("DELETE", f"transformations/{id}", lambda response: None, ok=(204,))


def _outcome(label: str, check: bool) -> Callable[[httpx.Response], ExecutionOutcome]:
    def parse(response: httpx.Response) -> ExecutionOutcome:
        outcome = ExecutionOutcome.of(label, ExecutionResponse.model_validate(response.json()))
        if check:
            outcome.raise_for_failure()
        return outcome

    return parse


def _wiring(inputs: Mapping[str, Any] | None, wiring: WorkflowWiring | None) -> WorkflowWiring | None:
    if inputs is not None and wiring is not None:
        raise errors.InvalidInput("give either input values or a wiring, not both")
    return wiring_of(inputs) if inputs is not None else wiring


def execute(
    id: UUID | str,
    inputs: Mapping[str, Any] | None = None,
    *,
    wiring: WorkflowWiring | None = None,
    run_pure_plot_operators: bool = True,
    job_id: UUID | str | None = None,
    check: bool = True,
) -> Call[ExecutionOutcome]:
    """``POST /api/transformations/execute``; neither inputs nor wiring runs the test wiring."""
    request = ExecutionRequest(
        id=_uuid(id, "the revision id"),
        wiring=_wiring(inputs, wiring),
        run_pure_plot_operators=run_pure_plot_operators,
        job_id=_uuid(job_id, "the job id") if job_id is not None else None,
    )
    body = request.model_dump(mode="json", exclude_none=True)
    body.setdefault("wiring", None)
    return Call("POST", "transformations/execute", _outcome(f"transformation {id}", check), json=body)


def execute_latest(
    revision_group_id: UUID | str,
    inputs: Mapping[str, Any] | None = None,
    *,
    wiring: WorkflowWiring | None = None,
    run_pure_plot_operators: bool = True,
    job_id: UUID | str | None = None,
    check: bool = True,
) -> Call[ExecutionOutcome]:
    """``POST /api/transformations/execute-latest``: the newest RELEASED revision of a group."""
    request = LatestExecutionRequest(
        revision_group_id=_uuid(revision_group_id, "the revision group id"),
        wiring=_wiring(inputs, wiring) or WorkflowWiring(),
        run_pure_plot_operators=run_pure_plot_operators,
        job_id=_uuid(job_id, "the job id") if job_id is not None else None,
    )
    label = f"the latest release of group {revision_group_id}"
    return Call(
        "POST",
        "transformations/execute-latest",
        _outcome(label, check),
        json=request.model_dump(mode="json", exclude_none=True),
    )


def list_executions(
    *,
    transformation_id: UUID | str | None = None,
    status: ExecutionStatus | str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Call[list[ExecutionRecord]]:
    """``GET /api/executions``, newest first."""
    params = [("limit", str(limit)), ("offset", str(offset))]
    if transformation_id is not None:
        params.append(("transformation_id", str(transformation_id)))
    if status is not None:
        params.append(("status", str(status)))
    return Call("GET", "executions", _model(TypeAdapter(list[ExecutionRecord])), params=params)


def get_execution(execution_id: UUID | str) -> Call[ExecutionRecord]:
    """``GET /api/executions/{id}``: the manifest of one run."""
    return Call("GET", f"executions/{execution_id}", _model(TypeAdapter(ExecutionRecord)))


def replay(execution_id: UUID | str) -> Call[ReplayReport]:
    """``POST /api/executions/{id}/replay``."""
    return Call("POST", f"executions/{execution_id}/replay", _model(TypeAdapter(ReplayReport)))


def maintenance(action: str, secret: str, *, dry_run: bool = False) -> Call[dict[str, Any]]:
    """``POST /api/maintenance/{action}``: the report of the action (with ``dry_run``, and its plan)."""
    return Call(
        "POST",
        f"maintenance/{action}",
        _json,
        params=[("dry_run", _flag(dry_run))],
        json={"maintenance_secret": secret},
    )


def list_objects() -> Call[list[ObjectReport]]:
    """``GET /api/objects``: every persisted object and whether it loads on the server."""
    return Call("GET", "objects", _model(TypeAdapter(list[ObjectReport])))


def audit_log(*, limit: int = 50, offset: int = 0) -> Call[list[AuditEntry]]:
    """``GET /api/audit``: the destructive changes, newest first."""
    params = [("limit", str(limit)), ("offset", str(offset))]
    return Call("GET", "audit", _model(TypeAdapter(list[AuditEntry])), params=params)
