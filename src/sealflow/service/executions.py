"""``/api/executions``: the execution records, the manifest of every run."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query

from sealflow.model.execution import ExecutionRecord, ExecutionStatus
from sealflow.model.jobs import Job
from sealflow.ops import executions as ops
from sealflow.ops import jobs, replay
from sealflow.ops.replay import ReplayReport
from sealflow.service.dependencies import InstanceDep
from sealflow.service.schemas import ErrorBody

router = APIRouter(prefix="/api/executions", tags=["executions"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "No such execution"}}


@router.get("", summary="List execution records, newest first", response_model_exclude_none=True)
def list_executions(
    instance: InstanceDep,
    transformation_id: Annotated[UUID | None, Query(description="Only runs of this revision")] = None,
    status: Annotated[ExecutionStatus | None, Query(description="Only runs that ended so")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> list[ExecutionRecord]:
    """Execution records, newest first, optionally of one revision or with one status."""
    return ops.list_executions(
        instance, transformation_id=transformation_id, status=status, limit=limit, offset=offset
    )


@router.get(
    "/{execution_id}", summary="One execution record", responses=_NOT_FOUND, response_model_exclude_none=True
)
def get_execution(execution_id: UUID, instance: InstanceDep) -> ExecutionRecord | Job:
    """The manifest of one run; for an asynchronous run its job: status, and the result once ended."""
    return jobs.execution_status(instance, execution_id)


@router.post("/{execution_id}/replay", summary="Replay a recorded run", responses=_NOT_FOUND)
def replay_execution(execution_id: UUID, instance: InstanceDep) -> ReplayReport:
    """Re-run exactly the recorded code on the recorded inputs and compare the outputs with the record."""
    return replay.replay_execution(instance, execution_id)
