"""Initial schema: the code store, transformation revisions and their nestings.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sealflow.store.column_types import UTCDateTime, json_document

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_blobs",
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("hash", name="pk_code_blobs"),
        sa.CheckConstraint("length(hash) = 64", name="ck_code_blobs_hash_is_sha256_hex"),
        sa.CheckConstraint("size >= 0", name="ck_code_blobs_size_not_negative"),
    )
    op.create_table(
        "transformation_revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision_group_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(60), nullable=False),
        sa.Column("version_tag", sa.String(20), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("released_timestamp", UTCDateTime(), nullable=True),
        sa.Column("disabled_timestamp", UTCDateTime(), nullable=True),
        sa.Column("documentation", sa.Text(), nullable=False),
        sa.Column("io_interface", json_document(), nullable=False),
        sa.Column("test_wiring", json_document(), nullable=False),
        sa.Column("workflow_content", json_document(), nullable=True),
        sa.Column("code_hash", sa.String(64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transformation_revisions"),
        sa.UniqueConstraint(
            "revision_group_id",
            "version_tag",
            name="uq_transformation_revisions_revision_group_id_version_tag",
        ),
        sa.ForeignKeyConstraint(
            ["code_hash"],
            ["code_blobs.hash"],
            name="fk_transformation_revisions_code_hash_code_blobs",
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "state IN ('DRAFT', 'RELEASED', 'DISABLED')", name="ck_transformation_revisions_state"
        ),
        sa.CheckConstraint("type IN ('COMPONENT', 'WORKFLOW')", name="ck_transformation_revisions_type"),
        sa.CheckConstraint(
            "(type = 'COMPONENT' AND code_hash IS NOT NULL AND workflow_content IS NULL)"
            " OR (type = 'WORKFLOW' AND code_hash IS NULL AND workflow_content IS NOT NULL)",
            name="ck_transformation_revisions_content_by_type",
        ),
    )
    op.create_index("ix_transformation_revisions_code_hash", "transformation_revisions", ["code_hash"])
    op.create_table(
        "nestings",
        sa.Column("workflow_id", sa.Uuid(), nullable=False),
        sa.Column("operator_id", sa.Uuid(), nullable=False),
        sa.Column("nested_transformation_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("workflow_id", "operator_id", name="pk_nestings"),
        sa.ForeignKeyConstraint(
            ["workflow_id"],
            ["transformation_revisions.id"],
            name="fk_nestings_workflow_id_transformation_revisions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nested_transformation_id"],
            ["transformation_revisions.id"],
            name="fk_nestings_nested_transformation_id_transformation_revisions",
            ondelete="RESTRICT",
        ),
    )
    op.create_index("ix_nestings_nested_transformation_id", "nestings", ["nested_transformation_id"])


def downgrade() -> None:
    op.drop_index("ix_nestings_nested_transformation_id", table_name="nestings")
    op.drop_table("nestings")
    op.drop_index("ix_transformation_revisions_code_hash", table_name="transformation_revisions")
    op.drop_table("transformation_revisions")
    op.drop_table("code_blobs")
