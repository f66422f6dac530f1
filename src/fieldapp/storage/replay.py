"""Reading synced tables as stored (raw SQLite values), to compare devices and rebuilt folders."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from fieldapp.storage.capture import _q


def table_rows(conn: Connection, table: str) -> dict[str, dict[str, Any]]:
    """Every row of a synced table as stored (raw SQLite values), keyed by id."""
    cur = conn.exec_driver_sql(f"SELECT * FROM {_q(table)}")
    names = list(cur.keys())
    return {row[names.index("id")]: dict(zip(names, row)) for row in cur.all()}
