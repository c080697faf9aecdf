"""``/api/transformations/execute[-latest]``: run a revision and answer with its result.

A run answers 200 with the result, also when it failed (``result: "failure"`` and a structured error);
only a request that cannot start a run gets an error status (404 unknown revision, 422 a wiring that
does not fit). Routes are plain functions: the run happens in a worker thread, never on the event loop.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops import transformations as ops
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.runtimes import execute_on_runtime
from sealflow.service.runtime import ScaleOut, result_response
from sealflow.service.schemas import ErrorBody, ExecutionRequest, ExecutionResponse, LatestExecutionRequest

router = APIRouter(prefix="/api/transformations", tags=["execution"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": ExecutionResponse, "description": "The result of the run, successful or not"},
    404: {"model": ErrorBody, "description": "No such revision"},
    422: {"model": ErrorBody, "description": "Invalid request or wiring"},
}


@router.post("/execute", summary="Run a revision", responses=_RESPONSES)
def execute(request: ExecutionRequest, http: Request) -> Response:
    """Run the revision with this id; without a wiring, its test wiring is used."""
    instance, scale = _opened(http)
    tr = ops.get_transformation(instance, request.id)
    wiring = request.wiring if request.wiring is not None else tr.test_wiring
    return _run(instance, scale, tr, wiring, request.run_pure_plot_operators, request.job_id)


@router.post("/execute-latest", summary="Run the latest released revision of a group", responses=_RESPONSES)
def execute_latest(request: LatestExecutionRequest, http: Request) -> Response:
    """Run the RELEASED revision of the group with the newest release time."""
    instance, scale = _opened(http)
    tr = ops.latest_released(instance, request.revision_group_id)
    return _run(instance, scale, tr, request.wiring, request.run_pure_plot_operators, request.job_id)


def _opened(http: Request) -> tuple[Instance, ScaleOut]:
    """The instance and scale-out parts the application opened, read from its state.

    The run routes read them directly instead of through dependencies: they are the hot path, and
    resolving two dependencies per request costs about as much as running a small component.
    """
    return http.app.state.instance, http.app.state.scale_out


def _run(
    instance: Instance,
    scale: ScaleOut,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    run_pure_plot_operators: bool,
    job_id: Any,
) -> Response:
    if scale.runtimes is not None:
        result = execute_on_runtime(
            instance,
            scale.runtimes,
            tr,
            wiring,
            run_pure_plot_operators=run_pure_plot_operators,
            job_id=str(job_id) if job_id is not None else None,
        )
        return result_response(result)
    result = execute_transformation(
        instance,
        tr,
        wiring,
        run_pure_plot_operators=run_pure_plot_operators,
        job_id=str(job_id) if job_id is not None else None,
    )
    return result_response(result)
