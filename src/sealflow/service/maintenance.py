"""``/api/maintenance``: instance-wide maintenance, guarded by the maintenance secret.

The endpoints are off (404) unless ``SEALFLOW_MAINTENANCE_SECRET`` is set. Every call is a POST whose
body carries the secret; it is compared in constant time, and a failed check is logged without the
value that was sent.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from sealflow.errors import SealflowError
from sealflow.ops import guarded, maintenance
from sealflow.ops.instance import Instance
from sealflow.service.audit import ActorDep
from sealflow.service.dependencies import InstanceDep

logger = logging.getLogger("sealflow.service.maintenance")

router = APIRouter(prefix="/api/maintenance", tags=["maintenance"])

FORBIDDEN_BODY = {"detail": {"authorization_error": "maintenance secret check failed"}}
OFF_MESSAGE = (
    "maintenance endpoints are off; set SEALFLOW_MAINTENANCE_SECRET (or SEALFLOW_MAINTENANCE_SECRET_FILE) "
    "on the server to turn them on"
)


class SecretBody(BaseModel):
    """The body of every maintenance call."""

    maintenance_secret: str = Field(description="The instance's maintenance secret.")


SecretDep = Annotated[SecretBody, Body(description="The maintenance secret.")]

_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": '`{"success": true, "error": null, "report": {...}}`'},
    403: {"description": "Wrong maintenance secret"},
    404: {"description": "Maintenance is off: no secret is configured"},
}


def _run(
    request: Request, instance: Instance, body: SecretBody, action: Callable[[Instance], Any]
) -> JSONResponse:
    try:
        secret = instance.settings.maintenance_secret_value()
    except OSError as exc:
        raise SealflowError(
            f"cannot read the maintenance secret file: {exc.strerror}; check SEALFLOW_MAINTENANCE_SECRET_FILE"
        ) from exc
    if secret is None:
        raise HTTPException(404, OFF_MESSAGE)
    if not hmac.compare_digest(body.maintenance_secret.encode(), secret.encode()):
        client = request.client.host if request.client else "unknown client"
        logger.warning("maintenance secret check failed: POST %s from %s", request.url.path, client)
        return JSONResponse(FORBIDDEN_BODY, status_code=403)
    report = action(instance)
    return JSONResponse({"success": True, "error": None, "report": report.to_json()})


DryRunDep = Annotated[
    bool, Query(description="Only plan: the report and its plan say what would change; nothing changes.")
]


class _Planned:
    """A maintenance report with the plan made before it, the snapshot and the audit entry."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report

    def to_json(self) -> dict[str, Any]:
        return self.report


def _planned(
    action: Callable[..., maintenance.MaintenanceReport], actor: str, dry_run: bool
) -> Callable[[Instance], _Planned]:
    """``action`` with a plan first: only planned in a dry run, else snapshotted and audited."""

    def run(instance: Instance) -> _Planned:
        if dry_run:
            plan = guarded.plan_maintenance(instance, action)
            return _Planned({**action(instance, dry_run=True).to_json(), "plan": plan.to_json()})
        applied = guarded.maintenance_planned(instance, action, actor=actor)
        return _Planned(
            {
                **applied.result.to_json(),
                "plan": applied.plan.to_json(),
                "snapshot": str(applied.snapshot) if applied.snapshot is not None else None,
                "audit_id": str(applied.audit.id) if applied.audit is not None else None,
            }
        )

    return run


@router.post("/deprecate_all_but_latest_per_group", summary="Deprecate older revisions", responses=_RESPONSES)
def deprecate_all_but_latest_per_group(
    request: Request, instance: InstanceDep, body: SecretDep, actor: ActorDep, dry_run: DryRunDep = False
) -> JSONResponse:
    """Disable every RELEASED revision but the newest one of its revision group."""
    action = maintenance.deprecate_all_but_latest_per_group
    return _run(request, instance, body, _planned(action, actor, dry_run))


@router.post("/delete_drafts", summary="Delete all drafts", responses=_RESPONSES)
def delete_drafts(
    request: Request, instance: InstanceDep, body: SecretDep, actor: ActorDep, dry_run: DryRunDep = False
) -> JSONResponse:
    """Delete every DRAFT revision."""
    return _run(request, instance, body, _planned(maintenance.delete_drafts, actor, dry_run))


@router.post("/delete_unused_deprecated", summary="Delete unused deprecated revisions", responses=_RESPONSES)
def delete_unused_deprecated(
    request: Request, instance: InstanceDep, body: SecretDep, actor: ActorDep, dry_run: DryRunDep = False
) -> JSONResponse:
    """Delete the DISABLED revisions that no workflow, unless DISABLED itself, contains at any depth."""
    return _run(request, instance, body, _planned(maintenance.delete_unused_deprecated, actor, dry_run))


@router.post("/purge", summary="Delete everything", responses=_RESPONSES)
def purge(
    request: Request, instance: InstanceDep, body: SecretDep, actor: ActorDep, dry_run: DryRunDep = False
) -> JSONResponse:
    """Delete every revision and the code nothing refers to any more (code of recorded runs stays)."""
    return _run(request, instance, body, _planned(maintenance.purge, actor, dry_run))


@router.post("/deploy_base_trafos", summary="Import the base library", responses=_RESPONSES)
def deploy_base_trafos(request: Request, instance: InstanceDep, body: SecretDep) -> JSONResponse:
    """Import Sealflow's base library of components and workflows; stored revisions stay unchanged."""
    return _run(request, instance, body, maintenance.deploy_base_library)


@router.post("/trigger_autoimport", summary="Run the autoimport", responses=_RESPONSES)
@router.post("/trigger_automimport", summary="Run the autoimport (hetida spelling)", include_in_schema=False)
def trigger_autoimport(request: Request, instance: InstanceDep, body: SecretDep) -> JSONResponse:
    """Import the instance's autoimport directory (``SEALFLOW_AUTOIMPORT_DIR``)."""
    return _run(request, instance, body, maintenance.trigger_autoimport)
