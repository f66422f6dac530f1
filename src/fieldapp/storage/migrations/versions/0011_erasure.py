"""erasure: participant tombstones, per-participant data keys and the erasure log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:40:00

Three local tables, none of them synced through the batch log: participant_erasure (what is left of an
erased participant: id, when, by whom, reason code), participant_key (the random key each participant's
records are encrypted under inside a batch; dropped at erasure) and erasure_log (events, no content).
Only creates tables, so it can be re-chained after any other revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('participant_erasure',
    sa.Column('handle', sa.String(length=32), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('erased_at', sa.String(length=32), nullable=False),
    sa.Column('erased_by', sa.String(length=200), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('reason_code', sa.String(length=30), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('handle', name=op.f('pk_participant_erasure'))
    )
    op.create_table('participant_key',
    sa.Column('handle', sa.String(length=32), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('key', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('handle', name=op.f('pk_participant_key'))
    )
    op.create_table('erasure_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('event', sa.String(length=30), nullable=False),
    sa.Column('handle', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('reason_code', sa.String(length=30), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_log'))
    )
    with op.batch_alter_table('erasure_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasure_log_handle'), ['handle'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('erasure_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_log_handle'))
    op.drop_table('erasure_log')
    op.drop_table('participant_key')
    op.drop_table('participant_erasure')
