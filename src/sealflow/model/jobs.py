"""Asynchronous executions (jobs) and the run orders a backend sends to a runtime.

A run order names what to run only by content hashes: the revision snapshots of the closure (the
executed revision first) and the code hashes of every component in it. A runtime reads both from the
shared store, so it can never run "the current code of id X", only exactly the code it was asked for.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from sealflow.model.wiring import WorkflowWiring

FingerprintPolicy = Literal["warn", "strict"]


class JobStatus(StrEnum):
    """Where an asynchronous execution stands; the last three are final."""

    PENDING = "pending"
    RUNNING = "running"
    OK = "ok"
    FAILURE = "failure"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        """Whether the job has ended."""
        return self in (JobStatus.OK, JobStatus.FAILURE, JobStatus.CANCELLED)


class RunOrder(BaseModel):
    """What a runtime is asked to run: revisions and code by hash, the wiring and the environment pin."""

    execution_id: UUID
    snapshots: list[str] = Field(min_length=1)
    """Content hashes of the revision snapshots of the closure, the executed revision first."""
    code_hashes: list[str]
    """Code hashes of every component of the closure; a runtime refuses any other code."""
    wiring: WorkflowWiring
    run_pure_plot_operators: bool = False
    job: bool = False
    """Whether the order runs an asynchronous execution (the runtime then updates its job)."""
    pinned_fingerprint: str | None = None
    """Id of the environment fingerprint the instance pins; ``None`` accepts any."""
    fingerprint_policy: FingerprintPolicy = "warn"


class Job(BaseModel):
    """An asynchronous execution: its status, where it runs, and its result once it has ended."""

    id: UUID
    status: JobStatus
    transformation_id: UUID
    label: str
    callback_url: str | None = None
    runtime_id: str | None = None
    """The runtime process running or having run the job (``host:pid``)."""
    created_at: datetime
    started_at: datetime | None = None
    heartbeat_at: datetime | None = None
    finished_at: datetime | None = None
    result: dict[str, Any] | None = None
    """The execution result (as ``/execute`` answers it) once the run has ended."""
    error: str | None = None
    """Why the job failed or was cancelled, when no result says it."""
    order: RunOrder
