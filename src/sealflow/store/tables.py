"""Database rows, private to ``sealflow.store``: other layers see domain types from ``sealflow.model``.

The schema itself is created and changed only by the migrations in ``sealflow.store.migrations``; these
classes describe it for queries, and a test checks that they and the migrations agree.

* ``code_blobs`` is the append-only code store: one row per exact code text, keyed by its SHA-256.
* ``transformation_revisions`` holds every field of a revision. A component's code lives only in
  ``code_blobs``; its row points at it through ``code_hash``. A workflow keeps its graph as JSON.
* ``nestings`` holds one row per operator of a workflow: the revision it runs. Only direct uses are
  stored, so the table never goes stale; transitive closures are computed with recursive queries.
* ``execution_records`` holds the manifest of every run. It copies the name and tag of the revision it
  ran, so it outlives that revision. ``execution_code_hashes`` lists the code each run ran, one row per
  hash: the code store keeps a text as long as a record refers to it.
* ``revision_snapshots`` keeps, content-addressed and append-only, the exact revisions runs used, so a run
  can be replayed after its revisions were overwritten or deleted; ``environment_fingerprints`` keeps
  each environment a run ran in, keyed by the fingerprint's id.
* ``execution_jobs`` holds every asynchronous execution: its status, the run order (revisions and code by
  hash), the runtime process running it and that process's last heartbeat, the callback URL and, once it
  has ended, the result. Its id is the id of the execution record the run leaves.
* ``api_tokens`` holds the service's API tokens: a name, a role and the SHA-256 of the token (the token
  itself is shown once and never stored), with when it was created, last used and revoked.
* ``consumed_messages`` holds one row per message a queue consumer took, keyed by the SHA-256 of its queue
  and message id: the job id it runs as, its status and the reply, so a redelivered message never runs
  twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sealflow.store.column_types import UTCDateTime, json_document, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATES = ("DRAFT", "RELEASED", "DISABLED")
TYPES = ("COMPONENT", "WORKFLOW")
STATUSES = ("ok", "failure")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Base(DeclarativeBase):
    """Base of all rows; its metadata is what migrations are compared against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CodeBlobRow(Base):
    """One exact component code text, keyed by the SHA-256 of its UTF-8 bytes; never updated."""

    __tablename__ = "code_blobs"
    __table_args__ = (
        CheckConstraint("length(hash) = 64", name="hash_is_sha256_hex"),
        CheckConstraint("size >= 0", name="size_not_negative"),
    )

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class TransformationRow(Base):
    """One transformation revision; a component points at its code, a workflow holds its graph."""

    __tablename__ = "transformation_revisions"
    __table_args__ = (
        # Its index also serves lookups by revision group alone.
        UniqueConstraint("revision_group_id", "version_tag"),
        CheckConstraint(_one_of("state", STATES), name="state"),
        CheckConstraint(_one_of("type", TYPES), name="type"),
        CheckConstraint(
            "(type = 'COMPONENT' AND code_hash IS NOT NULL AND workflow_content IS NULL)"
            " OR (type = 'WORKFLOW' AND code_hash IS NULL AND workflow_content IS NOT NULL)",
            name="content_by_type",
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    revision_group_id: Mapped[UUID] = mapped_column()
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(60))
    version_tag: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    released_timestamp: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled_timestamp: Mapped[datetime | None] = mapped_column(UTCDateTime())
    documentation: Mapped[str] = mapped_column(Text)
    io_interface: Mapped[dict[str, Any]] = mapped_column(json_document())
    test_wiring: Mapped[dict[str, Any]] = mapped_column(json_document())
    workflow_content: Mapped[dict[str, Any] | None] = mapped_column(json_document())
    code_hash: Mapped[str | None] = mapped_column(
        ForeignKey("code_blobs.hash", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)


class NestingRow(Base):
    """A workflow runs ``nested_transformation_id`` as its operator ``operator_id``."""

    __tablename__ = "nestings"
    workflow_id: Mapped[UUID] = mapped_column(
        ForeignKey("transformation_revisions.id", ondelete="CASCADE"), primary_key=True
    )
    operator_id: Mapped[UUID] = mapped_column(primary_key=True)
    nested_transformation_id: Mapped[UUID] = mapped_column(
        ForeignKey("transformation_revisions.id", ondelete="RESTRICT"), index=True
    )


class ExecutionRow(Base):
    """The manifest of one run; its id is the run's job id."""

    __tablename__ = "execution_records"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        CheckConstraint(_one_of("type", TYPES), name="type"),
        CheckConstraint("length(closure_hash) = 64", name="closure_hash_is_sha256_hex"),
        Index("ix_execution_records_transformation_id_started_at", "transformation_id", "started_at"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    transformation_id: Mapped[UUID] = mapped_column()
    revision_group_id: Mapped[UUID] = mapped_column()
    name: Mapped[str] = mapped_column(String(60))
    version_tag: Mapped[str] = mapped_column(String(20))
    type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration: Mapped[float] = mapped_column(Float())
    closure_hash: Mapped[str] = mapped_column(String(64))
    fingerprint_hash: Mapped[str | None] = mapped_column(String(64))
    wiring: Mapped[dict[str, Any]] = mapped_column(json_document())
    inputs: Mapped[list[Any]] = mapped_column(json_document())
    outputs: Mapped[list[Any]] = mapped_column(json_document())
    operator_timings: Mapped[list[Any]] = mapped_column(json_document())
    measured_steps: Mapped[dict[str, Any]] = mapped_column(json_document())
    error: Mapped[dict[str, Any] | None] = mapped_column(json_document())
    traceback: Mapped[str | None] = mapped_column(Text)
    revision_snapshots: Mapped[list[str] | None] = mapped_column(json_document())
    run_pure_plot_operators: Mapped[bool | None] = mapped_column()
    warnings: Mapped[list[str] | None] = mapped_column(json_document())


class ExecutionCodeRow(Base):
    """Execution ``execution_id`` ran the code ``code_hash``; the code stays while the record does."""

    __tablename__ = "execution_code_hashes"

    execution_id: Mapped[UUID] = mapped_column(
        ForeignKey("execution_records.id", ondelete="CASCADE"), primary_key=True
    )
    code_hash: Mapped[str] = mapped_column(
        ForeignKey("code_blobs.hash", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SnapshotRow(Base):
    """The exchange-format JSON of a revision as a run used it, keyed by its canonical SHA-256."""

    __tablename__ = "revision_snapshots"
    __table_args__ = (CheckConstraint("length(hash) = 64", name="hash_is_sha256_hex"),)

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(json_document())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class FingerprintRow(Base):
    """An environment fingerprint, keyed by its id (the SHA-256 of its canonical JSON)."""

    __tablename__ = "environment_fingerprints"
    __table_args__ = (CheckConstraint("length(id) = 64", name="id_is_sha256_hex"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(json_document())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


ROLES = ("viewer", "editor", "maintainer", "admin")


class ApiTokenRow(Base):
    """An API token of the service, stored as the SHA-256 of its text; revoked tokens stay listed."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role_is_known"),
        CheckConstraint("length(token_hash) = 64", name="token_hash_is_sha256_hex"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditRow(Base):
    """One destructive change: who made it, when, to which revisions, and the snapshot taken before it."""

    __tablename__ = "audit_log"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(Text)
    targets: Mapped[list[Any]] = mapped_column(json_document())
    old_code_hashes: Mapped[list[str]] = mapped_column(json_document())
    new_code_hashes: Mapped[list[str]] = mapped_column(json_document())
    snapshot: Mapped[str | None] = mapped_column(Text)


JOB_STATUSES = ("pending", "running", "ok", "failure", "cancelled")


class ExecutionJobRow(Base):
    """One asynchronous execution; a running one is alive while its runtime keeps ``heartbeat_at`` fresh."""

    __tablename__ = "execution_jobs"
    __table_args__ = (
        CheckConstraint(_one_of("status", JOB_STATUSES), name="status"),
        Index("ix_execution_jobs_status_heartbeat_at", "status", "heartbeat_at"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    transformation_id: Mapped[UUID] = mapped_column()
    label: Mapped[str] = mapped_column(String(200))
    order: Mapped[dict[str, Any]] = mapped_column(json_document())
    callback_url: Mapped[str | None] = mapped_column(Text)
    runtime_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result: Mapped[dict[str, Any] | None] = mapped_column(json_document())
    error: Mapped[str | None] = mapped_column(Text)


CONSUMED_STATUSES = ("running", "done", "dead")


class ConsumedMessageRow(Base):
    """A message a consumer took from a queue: the run it became and what was answered, so none runs twice."""

    __tablename__ = "consumed_messages"
    __table_args__ = (
        CheckConstraint(_one_of("status", CONSUMED_STATUSES), name="status"),
        CheckConstraint("length(key) = 64", name="key_is_sha256_hex"),
    )

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    queue: Mapped[str] = mapped_column(String(255))
    message_id: Mapped[str] = mapped_column(Text)
    job_id: Mapped[UUID] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16))
    reply: Mapped[dict[str, Any] | None] = mapped_column(json_document())
    reason: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
