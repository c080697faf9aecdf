"""Roles of the service: the runtime endpoint, and the runtimes, heartbeat and job workers a role needs.

``backend`` serves the API and sends every run to ``SEALFLOW_RUNTIME_URL``; ``runtime`` serves
``POST /api/runtime/run`` and runs the orders sent to it (``/api/info`` shows its fingerprint; it has no
asynchronous routes); ``all`` serves both and runs in its own process unless a runtime URL is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sealflow.config import Settings
from sealflow.errors import InvalidInput
from sealflow.model.jobs import RunOrder
from sealflow.ops.dispatch import run_order
from sealflow.ops.instance import Instance
from sealflow.ops.jobs import Heartbeat, JobRunner, run_job
from sealflow.ops.runtimes import RUN_PATH, RuntimePool
from sealflow.runtime.results import ExecutionResult
from sealflow.service.dependencies import InstanceDep
from sealflow.service.schemas import ErrorBody

router = APIRouter(tags=["runtime"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {
        "model": ErrorBody,
        "description": "Environment unlike the pinned one (strict), or job not pending",
    },
    422: {"model": ErrorBody, "description": "Code that the order does not list, or an invalid wiring"},
}


@dataclass
class ScaleOut:
    """What a role runs beside the API: runtimes to send runs to, the heartbeat, the job workers."""

    runtimes: RuntimePool | None
    heartbeat: Heartbeat
    jobs: JobRunner | None

    @classmethod
    def open(cls, instance: Instance, settings: Settings) -> ScaleOut:
        """Start what ``settings.role`` needs; ``InvalidInput`` for a backend without runtimes."""
        if settings.role == "backend" and not settings.runtime_urls:
            raise InvalidInput(
                "the backend role sends runs to a runtime service; set SEALFLOW_RUNTIME_URL to its URL, "
                "or serve with --role all"
            )
        runtimes = RuntimePool.from_settings(settings) if settings.role != "runtime" else None
        heartbeat = Heartbeat(instance, settings.heartbeat_interval)
        jobs = JobRunner(instance, settings, runtimes, heartbeat) if settings.role != "runtime" else None
        return cls(runtimes, heartbeat, jobs)

    def close(self) -> None:
        """Wait for running jobs, then stop the heartbeat and close the connections to runtimes."""
        if self.jobs is not None:
            self.jobs.close()
        self.heartbeat.close()
        if self.runtimes is not None:
            self.runtimes.close()


async def scale_out(request: Request) -> ScaleOut:
    """The scale-out parts the application started."""
    opened: ScaleOut = request.app.state.scale_out
    return opened


ScaleOutDep = Annotated[ScaleOut, Depends(scale_out)]


@router.post(RUN_PATH, summary="Run an order sent by a backend", responses=_RESPONSES)
def run(order: RunOrder, instance: InstanceDep, scale: ScaleOutDep) -> Response:
    """Run exactly the revisions and code hashes of the order, record the run and answer its result."""
    result = run_job(instance, order, scale.heartbeat) if order.job else run_order(instance, order)
    return result_response(result)


def result_response(result: ExecutionResult) -> Response:
    """A run's result as JSON, written by pydantic in one step (``NaN`` becomes ``null``)."""
    return Response(result.model_dump_json(exclude_none=True), media_type="application/json")
