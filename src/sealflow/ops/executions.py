"""Use cases on execution records: list the recorded runs, show one."""

from __future__ import annotations

from uuid import UUID

from sealflow.model.execution import ExecutionRecord, ExecutionStatus
from sealflow.ops.instance import Instance
from sealflow.store.executions import ExecutionRepository


def list_executions(
    instance: Instance,
    *,
    transformation_id: UUID | str | None = None,
    status: ExecutionStatus | str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ExecutionRecord]:
    """Recorded runs, newest first, of one revision and with one status if given; ``InvalidInput`` on bad filters."""
    return ExecutionRepository(instance.database).list(
        transformation_id=transformation_id, status=status, limit=limit, offset=offset
    )


def get_execution(instance: Instance, execution_id: UUID | str) -> ExecutionRecord:
    """The record of one run; ``ExecutionNotFound`` if there is none, ``InvalidInput`` for a non-UUID id."""
    return ExecutionRepository(instance.database).get(execution_id)
