"""Execution records: the manifest of every run, and the code hashes each run ran.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sealflow.store.column_types import UTCDateTime, json_document

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "execution_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("transformation_id", sa.Uuid(), nullable=False),
        sa.Column("revision_group_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("version_tag", sa.String(20), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=False),
        sa.Column("duration", sa.Float(), nullable=False),
        sa.Column("closure_hash", sa.String(64), nullable=False),
        sa.Column("fingerprint_hash", sa.String(64), nullable=True),
        sa.Column("wiring", json_document(), nullable=False),
        sa.Column("inputs", json_document(), nullable=False),
        sa.Column("outputs", json_document(), nullable=False),
        sa.Column("operator_timings", json_document(), nullable=False),
        sa.Column("measured_steps", json_document(), nullable=False),
        sa.Column("error", json_document(), nullable=True),
        sa.Column("traceback", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_execution_records"),
        sa.CheckConstraint("status IN ('ok', 'failure')", name="ck_execution_records_status"),
        sa.CheckConstraint("type IN ('COMPONENT', 'WORKFLOW')", name="ck_execution_records_type"),
        sa.CheckConstraint(
            "length(closure_hash) = 64", name="ck_execution_records_closure_hash_is_sha256_hex"
        ),
    )
    op.create_index("ix_execution_records_started_at", "execution_records", ["started_at"])
    op.create_index(
        "ix_execution_records_transformation_id_started_at",
        "execution_records",
        ["transformation_id", "started_at"],
    )
    op.create_table(
        "execution_code_hashes",
        sa.Column("execution_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("execution_id", "code_hash", name="pk_execution_code_hashes"),
        sa.ForeignKeyConstraint(
            ["execution_id"],
            ["execution_records.id"],
            name="fk_execution_code_hashes_execution_id_execution_records",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["code_hash"],
            ["code_blobs.hash"],
            name="fk_execution_code_hashes_code_hash_code_blobs",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_execution_code_hashes_code_hash", "execution_code_hashes", ["code_hash"])


def downgrade() -> None:
    op.drop_index("ix_execution_code_hashes_code_hash", table_name="execution_code_hashes")
    op.drop_table("execution_code_hashes")
    op.drop_index("ix_execution_records_transformation_id_started_at", table_name="execution_records")
    op.drop_index("ix_execution_records_started_at", table_name="execution_records")
    op.drop_table("execution_records")
