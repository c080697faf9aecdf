"""Messages a consumer has taken, so none runs twice.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sealflow.store.column_types import UTCDateTime, json_document

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consumed_messages",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("queue", sa.String(255), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reply", json_document(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("status IN ('running', 'done', 'dead')", name=op.f("ck_consumed_messages_status")),
        sa.CheckConstraint("length(key) = 64", name=op.f("ck_consumed_messages_key_is_sha256_hex")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_consumed_messages")),
    )
    op.create_index(op.f("ix_consumed_messages_job_id"), "consumed_messages", ["job_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_consumed_messages_job_id"), table_name="consumed_messages")
    op.drop_table("consumed_messages")
