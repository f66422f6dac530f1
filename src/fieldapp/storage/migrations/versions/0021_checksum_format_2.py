"""row checksums in format 2 (storage/digest.py): BLAKE2b of the values as one JSON array

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 21:00:00

A pulled or saved row's checksum is taken in Python: the first format encoded each value on its own, about a
sixth of a catch-up's pull. A stored checksum that held in the first format is rewritten in the second; one
that did not (a row changed behind change capture's back) is left as it is, so `fieldapp check` still reports
that row.
"""

from __future__ import annotations

from alembic import op

from fieldapp.storage.digest import register

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def _rewrite(old: str, new: str) -> None:
    conn = op.get_bind()
    register(conn.connection.dbapi_connection)
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for (entity,) in conn.exec_driver_sql("SELECT DISTINCT entity FROM record_clock").all():
        if entity not in tables:
            continue
        names = sorted(r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{entity}")').all())
        values = ", ".join(f'x."{n}"' for n in names)  # by name, as the capture triggers sum them
        conn.exec_driver_sql(
            f'UPDATE record_clock SET digest = (SELECT {new}({values}) FROM "{entity}" x WHERE x.id = record_clock.entity_id)'
            f' WHERE entity = ? AND digest = (SELECT {old}({values}) FROM "{entity}" x WHERE x.id = record_clock.entity_id)',
            (entity,))


def upgrade() -> None:
    _rewrite('fa_digest_v1', 'fa_digest')


def downgrade() -> None:
    _rewrite('fa_digest', 'fa_digest_v1')
