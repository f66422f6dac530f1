"""record_merge: one person or employer registered twice, merged under one id

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:30:00

One new synced table (its change-capture triggers are installed after migrating, as for every synced table).
Written in parallel with other revisions after 0010; the merge re-chains it. It only creates a table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('record_merge',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('from_id', sa.String(length=36), nullable=False),
    sa.Column('into_id', sa.String(length=36), nullable=False),
    sa.Column('merged_at', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_merge'))
    )
    with op.batch_alter_table('record_merge', schema=None) as batch_op:
        batch_op.create_index('ix_record_merge_from', ['entity', 'from_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('record_merge', schema=None) as batch_op:
        batch_op.drop_index('ix_record_merge_from')

    op.drop_table('record_merge')
