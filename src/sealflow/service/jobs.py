"""Asynchronous executions: ``execute[-latest]-async`` answer 202 with the job id at once.

The run happens in a job worker (in this process, or on a runtime); ``GET /api/executions/{id}`` shows
its status and, once it has ended, its result; ``POST /api/executions/{id}/cancel`` (or ``DELETE``)
cancels it. With ``callback_url``, the result is POSTed there when the run ends.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, FastAPI, Query
from fastapi.responses import JSONResponse

from sealflow.config import Settings
from sealflow.model.jobs import Job
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops import jobs as ops
from sealflow.ops import transformations
from sealflow.ops.instance import Instance
from sealflow.service import runtime
from sealflow.service.dependencies import InstanceDep
from sealflow.service.runtime import ScaleOut, ScaleOutDep
from sealflow.service.schemas import ErrorBody, ExecutionRequest, LatestExecutionRequest

router = APIRouter(prefix="/api/transformations", tags=["execution"])
executions_router = APIRouter(prefix="/api/executions", tags=["executions"])

CallbackUrl = Annotated[
    str | None, Query(description="URL the result is POSTed to when the run ends (failures are only logged)")
]

_ACCEPTED: dict[int | str, dict[str, Any]] = {
    202: {"description": "Accepted: ``{message, job_id}``; follow it at /api/executions/{job_id}"},
    404: {"model": ErrorBody, "description": "No such revision"},
    409: {"model": ErrorBody, "description": "The job id is taken"},
    422: {"model": ErrorBody, "description": "Invalid request or callback URL"},
}
_CANCEL: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such execution"},
    409: {"model": ErrorBody, "description": "The execution has ended already"},
}


@router.post("/execute-async", status_code=202, summary="Start a run; answer at once", responses=_ACCEPTED)
def execute_async(
    request: ExecutionRequest, instance: InstanceDep, scale: ScaleOutDep, callback_url: CallbackUrl = None
) -> JSONResponse:
    """Start running the revision with this id (its test wiring without a wiring); answer its job id."""
    tr = transformations.get_transformation(instance, request.id)
    wiring = request.wiring if request.wiring is not None else tr.test_wiring
    return _start(instance, scale, tr, wiring, request.run_pure_plot_operators, request.job_id, callback_url)


@router.post(
    "/execute-latest-async",
    status_code=202,
    summary="Start a run of the latest released revision of a group",
    responses=_ACCEPTED,
)
def execute_latest_async(
    request: LatestExecutionRequest,
    instance: InstanceDep,
    scale: ScaleOutDep,
    callback_url: CallbackUrl = None,
) -> JSONResponse:
    """Start running the RELEASED revision of the group with the newest release time."""
    tr = transformations.latest_released(instance, request.revision_group_id)
    return _start(
        instance, scale, tr, request.wiring, request.run_pure_plot_operators, request.job_id, callback_url
    )


@executions_router.post(
    "/{execution_id}/cancel", summary="Cancel a pending or running execution", responses=_CANCEL
)
def cancel_execution(execution_id: UUID, instance: InstanceDep) -> Job:
    """Cancel it: a pending run never starts; a running one ends as cancelled and its result is dropped."""
    return ops.cancel(instance, execution_id)


@executions_router.delete(
    "/{execution_id}", summary="Cancel a pending or running execution", responses=_CANCEL
)
def delete_execution(execution_id: UUID, instance: InstanceDep) -> Job:
    """The same as ``POST /api/executions/{id}/cancel``."""
    return ops.cancel(instance, execution_id)


def _start(
    instance: Instance,
    scale: ScaleOut,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    run_pure_plot_operators: bool,
    job_id: UUID | None,
    callback_url: str | None,
) -> JSONResponse:
    assert scale.jobs is not None
    pinned = (
        scale.runtimes.pin(instance) if scale.runtimes is not None else instance.settings.pinned_fingerprint
    )
    job = ops.submit(
        instance,
        tr,
        wiring,
        run_pure_plot_operators=run_pure_plot_operators,
        job_id=str(job_id) if job_id is not None else None,
        callback_url=callback_url,
        pinned_fingerprint=pinned,
    )
    scale.jobs.enqueue(job)
    return JSONResponse(
        {"message": f"Execution request with job id {job.id} accepted", "job_id": str(job.id)},
        status_code=202,
    )


def install_roles(app: FastAPI, settings: Settings) -> None:
    """Add the routes of ``settings.role``: the runtime endpoint unless a backend, jobs unless a runtime."""
    if settings.role != "backend":
        app.include_router(runtime.router)
    if settings.role != "runtime":
        app.include_router(router)
        app.include_router(executions_router)
