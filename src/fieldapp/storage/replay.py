"""Rebuilding records from field-level changes: last writer wins per field, ordered by HLC.

This is the one merge rule: the rebuild test, `fieldapp check` and sync all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from fieldapp.storage.capture import _q, close_capture, replay_context, synced_tables


@dataclass(frozen=True)
class Change:
    entity: str
    entity_id: str
    field: str
    value: Any
    hlc: int
    device_id: str

    @property
    def order(self) -> tuple[int, str]:
        # Equal clocks from two devices are broken by device id, the same way everywhere.
        return (self.hlc, self.device_id)


def read_changes(conn: Connection, *, after_seq: int = 0, batch: int = 5000) -> Iterator[Change]:
    """Stream the local change log in commit order, in bounded memory."""
    last = after_seq
    while True:
        rows = conn.exec_driver_sql(
            "SELECT seq, entity, entity_id, field, value, hlc, device_id FROM change_log"
            " WHERE seq > ? ORDER BY seq LIMIT ?",
            (last, batch),
        ).all()
        if not rows:
            return
        for row in rows:
            yield Change(*row[1:])
        last = rows[-1][0]


def fold(changes: Iterable[Change]) -> dict[tuple[str, str], dict[str, tuple[tuple[int, str], Any]]]:
    """(entity, id) -> field -> (winning order, value)."""
    state: dict[tuple[str, str], dict[str, tuple[tuple[int, str], Any]]] = {}
    for ch in changes:
        fields = state.setdefault((ch.entity, ch.entity_id), {})
        current = fields.get(ch.field)
        if current is None or ch.order >= current[0]:
            fields[ch.field] = (ch.order, ch.value)
    return state


def table_rows(conn: Connection, table: str) -> dict[str, dict[str, Any]]:
    """Every row of a synced table as stored (raw SQLite values), keyed by id."""
    cur = conn.exec_driver_sql(f"SELECT * FROM {_q(table)}")
    names = list(cur.keys())
    return {row[names.index("id")]: dict(zip(names, row)) for row in cur.all()}


def rebuild(conn: Connection, changes: Iterable[Change], *, device_id: str) -> int:
    """Write the folded state of `changes` into empty synced tables, and the changes into change_log.

    Runs in the caller's transaction. Returns the number of records written.
    """
    changes = list(changes)
    state = fold(changes)
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    replay_context(conn, hlc=max((c.hlc for c in changes), default=0), device_id=device_id)
    written = 0
    for table in synced_tables():
        columns = [c.name for c in table.columns]
        for (entity, entity_id), fields in state.items():
            if entity != table.name:
                continue
            values = [entity_id if c == "id" else fields.get(c, (None, None))[1] for c in columns]
            conn.exec_driver_sql(
                f"INSERT INTO {_q(table.name)} ({', '.join(map(_q, columns))}) VALUES ({', '.join('?' * len(columns))})",
                tuple(values),
            )
            written += 1
    if changes:
        conn.exec_driver_sql(
            "INSERT INTO change_log(entity, entity_id, field, value, hlc, device_id) VALUES (?, ?, ?, ?, ?, ?)",
            [(c.entity, c.entity_id, c.field, c.value, c.hlc, c.device_id) for c in changes],
        )
    close_capture(conn)
    return written
