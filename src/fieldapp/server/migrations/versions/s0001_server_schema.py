"""server schema: teams, devices, enrollment codes, encrypted batches, key envelopes

Revision ID: s0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("history_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_cursor", sa.BigInteger(), nullable=False),
        sa.Column("key_epoch", sa.Integer(), nullable=False),
        sa.Column("current_key_id", sa.String(16), nullable=True),
        sa.Column("rotation_needed", sa.Boolean(), nullable=False),
        sa.Column("recovery_auth_hash", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_devices_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    op.create_index(op.f("ix_devices_team_id"), "devices", ["team_id"], unique=False)
    op.create_table(
        "enrollment_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_enrollment_codes_team_id_teams")),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrollment_codes")),
    )
    op.create_table(
        "batches",
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_batches_team_id_teams")),
        sa.PrimaryKeyConstraint("team_id", "cursor", name=op.f("pk_batches")),
        sa.UniqueConstraint("team_id", "device_id", "seq", name="uq_batches_device_seq"),
    )
    op.create_table(
        "key_envelopes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("recipient", sa.String(36), nullable=False),
        sa.Column("key_epoch", sa.Integer(), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_key_envelopes_team_id_teams")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_envelopes")),
        sa.UniqueConstraint("team_id", "recipient", "key_epoch", name="uq_key_envelopes_recipient_epoch"),
    )
    op.create_index("ix_key_envelopes_team_recipient", "key_envelopes", ["team_id", "recipient"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_key_envelopes_team_recipient", table_name="key_envelopes")
    op.drop_table("key_envelopes")
    op.drop_table("batches")
    op.drop_table("enrollment_codes")
    op.drop_index(op.f("ix_devices_team_id"), table_name="devices")
    op.drop_table("devices")
    op.drop_table("teams")
