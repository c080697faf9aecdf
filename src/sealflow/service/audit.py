"""``/api/audit``: the audit log of destructive changes; and who the API names as the actor."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse

from sealflow.ops.audit import audit_log, who
from sealflow.service.dependencies import InstanceDep
from sealflow.service.security.guard import ANONYMOUS

router = APIRouter(prefix="/api/audit", tags=["audit"])


async def actor(
    request: Request,
    instance: InstanceDep,
    x_sealflow_actor: Annotated[
        str | None,
        Header(description="Who makes the change, for the audit log, when no token names the caller."),
    ] = None,
) -> str:
    """Who a request acts as: the authenticated caller, else the header, else ``api``."""
    principal = getattr(request.state, "principal", ANONYMOUS)
    authenticated = principal.name if principal is not ANONYMOUS else None
    return who(instance.settings, x_sealflow_actor, "api", authenticated=authenticated)


ActorDep = Annotated[str, Depends(actor)]


@router.get(
    "",
    summary="List the audit log",
    responses={
        200: {
            "description": 'Entries newest first: `{"id", "at", "actor", "action", "summary", "targets", '
            '"old_code_hashes", "new_code_hashes", "snapshot"}`',
            "content": {"application/json": {"schema": {"type": "array", "items": {}}}},
        }
    },
)
def list_audit(
    instance: InstanceDep,
    limit: Annotated[int, Query(ge=0, le=1000, description="At most this many entries.")] = 50,
    offset: Annotated[
        int, Query(ge=0, le=2**31 - 1, description="Skip this many of the newest entries.")
    ] = 0,
) -> JSONResponse:
    """Who changed what when, with the old and new code hashes and the snapshot taken before."""
    entries: list[dict[str, Any]] = [
        entry.model_dump(mode="json") for entry in audit_log(instance, limit=limit, offset=offset)
    ]
    return JSONResponse(entries)
