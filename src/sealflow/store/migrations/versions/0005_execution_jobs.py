"""Asynchronous executions: job status, run order, runtime and heartbeat; warnings of each run.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sealflow.store.column_types import UTCDateTime, json_document

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "execution_jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("transformation_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("order", json_document(), nullable=False),
        sa.Column("callback_url", sa.Text(), nullable=True),
        sa.Column("runtime_id", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("result", json_document(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'ok', 'failure', 'cancelled')",
            name=op.f("ck_execution_jobs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_execution_jobs")),
    )
    op.create_index("ix_execution_jobs_status_heartbeat_at", "execution_jobs", ["status", "heartbeat_at"])
    with op.batch_alter_table("execution_records") as batch:
        batch.add_column(sa.Column("warnings", json_document(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("execution_records") as batch:
        batch.drop_column("warnings")
    op.drop_index("ix_execution_jobs_status_heartbeat_at", table_name="execution_jobs")
    op.drop_table("execution_jobs")
