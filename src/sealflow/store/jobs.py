"""Stored asynchronous executions: each state change is one conditional UPDATE, so it is atomic.

A job moves ``pending`` → ``running`` → ``ok`` | ``failure``; ``cancelled`` is reachable from either
open state. Every transition names the states it starts from, so two processes that race (a runtime
finishing a run, a user cancelling it, a backend failing it for a stale heartbeat) cannot both win.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sealflow.errors import Conflict, ExecutionNotFound
from sealflow.model.jobs import Job, JobStatus, RunOrder
from sealflow.store.column_types import utc_now
from sealflow.store.database import Scope, as_uuid, translate_errors
from sealflow.store.tables import ExecutionJobRow

_OPEN = (JobStatus.PENDING.value, JobStatus.RUNNING.value)


class JobRepository:
    """Asynchronous executions in the database, as ``Job`` objects."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def create(self, job: Job) -> None:
        """Store a new job; ``Conflict`` if one with its id exists."""
        values = job.model_dump(mode="json")
        values.update(id=job.id, transformation_id=job.transformation_id, created_at=job.created_at)
        with translate_errors(), self._scope.writing() as session:
            try:
                session.execute(insert(ExecutionJobRow), [values])
            except IntegrityError as exc:
                raise Conflict(
                    f"a job with id {job.id} exists already; give every run its own job id",
                    execution_id=str(job.id),
                ) from exc

    def find(self, id: UUID | str) -> Job | None:
        """The job with this id, or ``None``."""
        key = as_uuid(id, "execution id")
        with translate_errors(), self._scope.reading() as session:
            row = session.get(ExecutionJobRow, key)
            return _job(row) if row is not None else None

    def get(self, id: UUID | str) -> Job:
        """The job with this id; ``ExecutionNotFound`` if there is none."""
        found = self.find(id)
        if found is None:
            raise ExecutionNotFound(
                f"no execution with id {id}; see 'sealflow executions list' for the recorded runs",
                execution_id=str(id),
            )
        return found

    def start(self, id: UUID, runtime_id: str) -> bool:
        """Mark a pending job running on ``runtime_id``; ``False`` if it is no longer pending."""
        now = utc_now()
        return self._move(
            id,
            (JobStatus.PENDING.value,),
            status="running",
            runtime_id=runtime_id,
            started_at=now,
            heartbeat_at=now,
        )

    def finish(
        self, id: UUID, status: JobStatus, *, result: dict[str, Any] | None, error: str | None
    ) -> bool:
        """End a running job; ``False`` if it ended otherwise meanwhile (cancelled, failed as stale)."""
        return self._move(
            id,
            (JobStatus.RUNNING.value,),
            status=status.value,
            result=result,
            error=error,
            finished_at=utc_now(),
        )

    def fail(self, id: UUID, error: str) -> bool:
        """End an open job as failed with ``error``; ``False`` if it had ended already."""
        return self._move(id, _OPEN, status="failure", error=error, finished_at=utc_now())

    def cancel(self, id: UUID, reason: str) -> bool:
        """Cancel an open job; ``False`` if it had ended already."""
        return self._move(id, _OPEN, status="cancelled", error=reason, finished_at=utc_now())

    def beat(self, ids: Iterable[UUID]) -> None:
        """Refresh the heartbeat of these running jobs."""
        keys = builtins.list(ids)
        if not keys:
            return
        with translate_errors(), self._scope.writing() as session:
            session.execute(
                update(ExecutionJobRow)
                .where(ExecutionJobRow.id.in_(keys), ExecutionJobRow.status == JobStatus.RUNNING.value)
                .values(heartbeat_at=utc_now())
            )

    def stale(self, before: datetime) -> builtins.list[Job]:
        """Running jobs whose last heartbeat is older than ``before``."""
        query = select(ExecutionJobRow).where(
            ExecutionJobRow.status == JobStatus.RUNNING.value, ExecutionJobRow.heartbeat_at < before
        )
        with translate_errors(), self._scope.reading() as session:
            return [_job(row) for row in session.scalars(query)]

    def pending(self) -> builtins.list[Job]:
        """Jobs that wait to run, oldest first."""
        query = (
            select(ExecutionJobRow)
            .where(ExecutionJobRow.status == JobStatus.PENDING.value)
            .order_by(ExecutionJobRow.created_at)
        )
        with translate_errors(), self._scope.reading() as session:
            return [_job(row) for row in session.scalars(query)]

    def fail_if_stale(self, id: UUID, before: datetime, error: str) -> bool:
        """Fail a running job whose heartbeat is still older than ``before``; ``False`` if it moved on."""
        with translate_errors(), self._scope.writing() as session:
            done = session.execute(
                update(ExecutionJobRow)
                .where(
                    ExecutionJobRow.id == id,
                    ExecutionJobRow.status == JobStatus.RUNNING.value,
                    ExecutionJobRow.heartbeat_at < before,
                )
                .values(status="failure", error=error, finished_at=utc_now())
            )
            return bool(done.rowcount)  # type: ignore[attr-defined]

    def counts(self) -> dict[str, int]:
        """How many jobs are in each status."""
        query = select(ExecutionJobRow.status, func.count()).group_by(ExecutionJobRow.status)
        with translate_errors(), self._scope.reading() as session:
            return {str(status): int(count) for status, count in session.execute(query)}

    def _move(self, id: UUID, sources: tuple[str, ...], **values: Any) -> bool:
        with translate_errors(), self._scope.writing() as session:
            return _update(session, id, sources, values)


def _update(session: Session, id: UUID, sources: tuple[str, ...], values: dict[str, Any]) -> bool:
    done = session.execute(
        update(ExecutionJobRow)
        .where(ExecutionJobRow.id == id, ExecutionJobRow.status.in_(sources))
        .values(**values)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def _job(row: ExecutionJobRow) -> Job:
    data = {column.key: getattr(row, column.key) for column in ExecutionJobRow.__table__.columns}
    data["order"] = RunOrder.model_validate(row.order)
    return Job.model_validate(data)
