"""devices.previous_token_hash: the token before a rotation, valid until the new one is first used

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column without a default: a plain ALTER TABLE ADD COLUMN on SQLite and PostgreSQL alike.
    op.add_column("devices", sa.Column("previous_token_hash", sa.String(64), nullable=True))
    op.create_index("ix_devices_previous_token_hash", "devices", ["previous_token_hash"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_devices_previous_token_hash", table_name="devices")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("previous_token_hash")
