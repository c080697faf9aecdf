"""``/healthz``, ``/readyz`` and ``/metrics``: liveness, readiness and Prometheus metrics.

All three are public (no token), for load balancers, orchestrators and Prometheus; they show no data of
the instance. ``/healthz`` answers on the event loop without touching anything, so it stays quick while
every worker thread is busy; ``/readyz`` checks the database and the object store.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from sealflow.metrics import REGISTRY
from sealflow.ops.health import readiness
from sealflow.service.dependencies import InstanceDep

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Is the process alive")
async def healthz() -> dict[str, str]:
    """``{"status": "ok"}`` as long as the process serves requests."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Can the instance serve",
    responses={503: {"description": "A check failed; the body says which and what to do"}},
)
async def readyz(instance: InstanceDep) -> JSONResponse:
    """200 if the database answers with the current schema and the object store takes a write, else 503."""
    checks = await run_in_threadpool(readiness, instance)
    ready = all(check.ok for check in checks)
    body = {"status": "ready" if ready else "not ready", "checks": [check.to_json() for check in checks]}
    return JSONResponse(body, status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics() -> Response:
    """Runs by result, run and component durations, imports, sealed-object checks (text format)."""
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
