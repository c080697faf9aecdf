"""Revision snapshots and environment fingerprints; what each run used of them, and its plot option.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sealflow.store.column_types import UTCDateTime, json_document

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revision_snapshots",
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("data", json_document(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("length(hash) = 64", name=op.f("ck_revision_snapshots_hash_is_sha256_hex")),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_revision_snapshots")),
    )
    op.create_table(
        "environment_fingerprints",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("data", json_document(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("length(id) = 64", name=op.f("ck_environment_fingerprints_id_is_sha256_hex")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_environment_fingerprints")),
    )
    with op.batch_alter_table("execution_records") as batch:
        batch.add_column(sa.Column("revision_snapshots", json_document(), nullable=True))
        batch.add_column(sa.Column("run_pure_plot_operators", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("execution_records") as batch:
        batch.drop_column("run_pure_plot_operators")
        batch.drop_column("revision_snapshots")
    op.drop_table("environment_fingerprints")
    op.drop_table("revision_snapshots")
