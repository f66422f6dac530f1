"""erasure: participant tombstones, per-participant data keys and the erasure log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:40:00

Three local tables, none of them synced through the batch log: participant_erasure (what is left of an
erased participant: id, when, by whom, reason code), participant_key (the random key each participant's
records are encrypted under inside a batch; dropped at erasure) and erasure_log (events, no content).
It also turns on the full-text index's secure-delete option, so a deleted or changed visit text leaves no
trigrams behind in old index segments, and rebuilds the index once to drop those an earlier edit left. Only
creates tables and touches the index, so it can be re-chained after any other revision.
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
    if _fts_secure_delete():
        op.execute("INSERT INTO visit_search(visit_search, rank) VALUES ('secure-delete', 1)")
        op.execute("INSERT INTO visit_search(visit_search) VALUES ('rebuild')")


def _fts_secure_delete() -> bool:
    """FTS5's secure-delete came in SQLite 3.44; SQLCipher has it, a plain sqlite3 (alembic's dev check) may not."""
    version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar_one()
    return tuple(int(x) for x in str(version).split(".")[:2]) >= (3, 44)


def downgrade() -> None:
    if _fts_secure_delete():
        op.execute("INSERT INTO visit_search(visit_search, rank) VALUES ('secure-delete', 0)")
    with op.batch_alter_table('erasure_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_log_handle'))
    op.drop_table('erasure_log')
    op.drop_table('participant_key')
    op.drop_table('participant_erasure')
