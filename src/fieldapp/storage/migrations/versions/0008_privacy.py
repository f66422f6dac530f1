"""privacy: the access log records what was seen (kind and target), and a participant's follow-up end date

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 10:00:00

read_log grows from "who opened which participant" into the access log: `kind` (participant, visit,
agreement, pdf, print, export, reveal_fnr, access_export) and `target_id` (the visit's or agreement's id).
It still holds references only, never content, and every entry names its participant, so that erasing a
participant can delete their entries. participant.follow_up_end starts the retention period once the
follow-up has ended. Runs after 0007 (compact change tracking): the new columns change every row's
checksum kept with its clocks, so the checksums of rows that matched are renewed with them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fieldapp.storage.digest import checksums_follow
from fieldapp.storage.digest_v1 import FUNCTION_V1

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    with checksums_follow(conn, 'read_log', FUNCTION_V1), op.batch_alter_table('read_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='participant'))
        batch_op.add_column(sa.Column('target_id', sa.String(length=36), nullable=True))
    with checksums_follow(conn, 'participant', FUNCTION_V1), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_end', sa.String(length=10), nullable=True))


def downgrade() -> None:
    conn = op.get_bind()
    with checksums_follow(conn, 'participant', FUNCTION_V1), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('follow_up_end')
    with checksums_follow(conn, 'read_log', FUNCTION_V1), op.batch_alter_table('read_log', schema=None) as batch_op:
        batch_op.drop_column('target_id')
        batch_op.drop_column('kind')
