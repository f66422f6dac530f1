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

from typing import Any

from alembic import op

from fieldapp.storage.digest import digest
from fieldapp.storage.digest_v1 import digest_v1

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def _rewrite(old: Any, new: Any) -> None:
    conn = op.get_bind()

    def rewritten(stored: int | None, *values: Any) -> int | None:
        """The row's checksum in the new format if `stored` holds in the old one; else `stored`, unchanged."""
        return new(*values) if stored is not None and stored == old(*values) else stored

    # One call per row, both formats inside it: with one SQL function per format a folder of 10,000 participants
    # took 18.2 s instead of 11.5 s (BENCHMARKS.md, 2026-12-04).
    conn.connection.dbapi_connection.create_function("fa_digest_rewritten", -1, rewritten, deterministic=True)
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for (entity,) in conn.exec_driver_sql("SELECT DISTINCT entity FROM record_clock").all():
        if entity not in tables:
            continue
        names = sorted(r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{entity}")').all())
        values = ", ".join(f'x."{n}"' for n in names)  # by name, as the capture triggers sum them
        conn.exec_driver_sql(
            f"UPDATE record_clock SET digest = coalesce((SELECT fa_digest_rewritten(record_clock.digest, {values})"
            f' FROM "{entity}" x WHERE x.id = record_clock.entity_id), digest) WHERE entity = ? AND digest IS NOT NULL',
            (entity,))


def upgrade() -> None:
    _rewrite(digest_v1, digest)


def downgrade() -> None:
    _rewrite(digest, digest_v1)
