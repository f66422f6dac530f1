"""A checksum of a record's stored values, kept with its clocks, so `fieldapp check` finds rows changed
behind change capture's back (the device keeps no change log to compare values with)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FUNCTION = "fa_digest"


def digest(*values: Any) -> int:
    """A signed 64-bit checksum of SQLite values, the same on every platform and Python version."""
    parts: list[bytes] = []  # hashed in one update: the same digest as one update per value, at a fraction of the calls
    add = parts.append
    for v in values:
        # Exact type checks first: this runs for every row written, and str, None and int are nearly all of them.
        t = type(v)
        if t is str:
            raw = v.encode("utf-8", "surrogatepass")
            add(b"s%d:" % len(raw))
            add(raw)
        elif v is None:
            add(b"\x00")
        elif t is int:
            add(b"i%d;" % v)
        elif isinstance(v, bytes):
            add(b"b%d:" % len(v))
            add(v)
        elif isinstance(v, str):
            raw = v.encode("utf-8", "surrogatepass")
            add(b"s%d:" % len(raw))
            add(raw)
        elif isinstance(v, float):
            add(b"f" + repr(v).encode() + b";")
        else:
            add(b"i" + str(int(v)).encode() + b";")
    return int.from_bytes(hashlib.blake2b(b"".join(parts), digest_size=8).digest(), "big", signed=True)


def register(dbapi_conn: Any) -> None:
    """Make fa_digest(...) callable from SQL (the capture triggers and `fieldapp check` use it)."""
    dbapi_conn.create_function(FUNCTION, -1, digest, deterministic=True)


@contextmanager
def checksums_follow(conn: Any, table: str) -> Iterator[None]:
    """For a migration that adds or drops a column of `table` (on a SQLAlchemy connection): keep the rows'
    checksums (record_clock.digest, over every column by name) true across the change.

    Adding or dropping a column changes every row's checksum, and `fieldapp check` would report each row as
    changed behind change capture's back. A row whose checksum held before gets the new one; a row that was
    already changed behind capture's back stays reported.
    """
    register(conn.connection.dbapi_connection)

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
