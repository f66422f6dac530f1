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

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from fieldapp.storage.digest import register as register_digest

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


@contextmanager
def _checksums_follow(conn: sa.Connection, table: str) -> Iterator[None]:
    """Keep the rows' checksums (record_clock.digest, over every column by name) true across a column change.

    Adding or dropping a column changes every row's checksum, and `fieldapp check` would report each row as
    changed behind change capture's back. A row whose checksum held before gets the new one; a row that was
    already changed behind capture's back stays reported.
    """
    register_digest(conn.connection.dbapi_connection)

    def checksum() -> str:
        names = sorted(r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all())
        return f"fa_digest({', '.join(f'x.{chr(34)}{n}{chr(34)}' for n in names)})"

    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.checksum_held")
    conn.exec_driver_sql(
        f'CREATE TEMP TABLE checksum_held AS SELECT x.id FROM "{table}" x JOIN record_clock c'
        f" ON c.entity = ? AND c.entity_id = x.id WHERE c.digest = {checksum()}", (table,))
    yield
    conn.exec_driver_sql(
        f'UPDATE record_clock SET digest = (SELECT {checksum()} FROM "{table}" x WHERE x.id = record_clock.entity_id)'
        " WHERE entity = ? AND entity_id IN (SELECT id FROM temp.checksum_held)", (table,))
    conn.exec_driver_sql("DROP TABLE temp.checksum_held")


def upgrade() -> None:
    conn = op.get_bind()
    with _checksums_follow(conn, 'read_log'), op.batch_alter_table('read_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='participant'))
        batch_op.add_column(sa.Column('target_id', sa.String(length=36), nullable=True))
    with _checksums_follow(conn, 'participant'), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_end', sa.String(length=10), nullable=True))


def downgrade() -> None:
    conn = op.get_bind()
    with _checksums_follow(conn, 'participant'), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('follow_up_end')
    with _checksums_follow(conn, 'read_log'), op.batch_alter_table('read_log', schema=None) as batch_op:
        batch_op.drop_column('target_id')
        batch_op.drop_column('kind')
