"""erasure log: the batch a refused late change came in, logged once per batch

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 18:05:00

A late change for an erased participant was logged as refused when its batch was opened, in a transaction of its
own: a pull cut before the batch was applied opened it again and logged it twice. The batch's number is kept
with the event, and a unique index makes the second log a no-op.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('erasure_log', sa.Column('batch_seq', sa.Integer(), nullable=True))
    op.create_index('uq_erasure_log_batch', 'erasure_log', ['event', 'handle', 'device_id', 'batch_seq'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_erasure_log_batch', table_name='erasure_log')
    with op.batch_alter_table('erasure_log') as batch_op:
        batch_op.drop_column('batch_seq')
