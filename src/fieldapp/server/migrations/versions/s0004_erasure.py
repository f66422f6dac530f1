"""shred_keys (deletable, wrapped per-participant keys) and erasures (tombstones without personal data)

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shred_keys",
        sa.Column("cursor", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("handle", sa.String(32), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_shred_keys_team_id_teams"),
        sa.PrimaryKeyConstraint("cursor", name="pk_shred_keys"),
        sa.UniqueConstraint("team_id", "handle", name="uq_shred_keys_handle"),
    )
    op.create_table(
        "erasures",
        sa.Column("cursor", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("handle", sa.String(32), nullable=False),
        sa.Column("erased_at", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("reason_code", sa.String(30), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_erasures_team_id_teams"),
        sa.PrimaryKeyConstraint("cursor", name="pk_erasures"),
        sa.UniqueConstraint("team_id", "handle", name="uq_erasures_handle"),
    )


def downgrade() -> None:
    op.drop_table("erasures")
    op.drop_table("shred_keys")
