"""Reading and writing record_clock rows: the newest (hlc, device) of each field of a record."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table

Stamp = tuple[int, str]
# SQLite's default limit on bound parameters is far above this; chunks keep statements small.
CHUNK = 500


@dataclass
class RecordClocks:
    """One record's clocks: `base` for every field not in `fields`."""

    base: Stamp
    fields: dict[str, Stamp] = field(default_factory=dict)
    acked_hlc: int | None = None
    acked_cursor: int | None = None  # where the server acknowledged the `base` write (if this device's)
    acks: dict[str, int] = field(default_factory=dict)  # the same for fields in `fields`

    def of(self, name: str) -> Stamp:
        return self.fields.get(name, self.base)

    def acked_at(self, name: str) -> int | None:
        """The server cursor at which this device's current value of the field was acknowledged, if it was."""
        return self.acks.get(name) if name in self.fields else self.acked_cursor

    def set(self, name: str, stamp: Stamp) -> None:
        self.acks.pop(name, None)  # a new value: not acknowledged yet
        if stamp == self.base:
            self.fields.pop(name, None)
        else:
            self.fields[name] = stamp

    def acknowledge(self, me: str, up_to_hlc: int, cursor: int) -> None:
        """The server holds this device's writes to the record up to `up_to_hlc`, stored at `cursor`."""
        if self.base[1] == me and self.base[0] <= up_to_hlc and self.acked_cursor is None:
            self.acked_cursor = cursor
        for name, (hlc, device) in self.fields.items():
            if device == me and hlc <= up_to_hlc and name not in self.acks:
                self.acks[name] = cursor
        self.acked_hlc = max(self.acked_hlc or 0, up_to_hlc)

    @property
    def last_hlc(self) -> int:
        return max([self.base[0], *(h for h, _ in self.fields.values())])

    def encoded(self) -> str:
        if not self.fields:
            return "{}"  # most records: one clock for every field
        return json.dumps({k: [h, d] if k not in self.acks else [h, d, self.acks[k]]
                           for k, (h, d) in sorted(self.fields.items())}, separators=(",", ":"))

    def row(self, entity: str, entity_id: str) -> tuple[Any, ...]:
        return (entity, entity_id, self.base[0], self.base[1], self.encoded(), self.last_hlc, self.acked_hlc,
                self.acked_cursor)


def uniform_row(entity: str, entity_id: str, hlc: int, device: str) -> tuple[Any, ...]:
    """RecordClocks((hlc, device), {}).row(entity, entity_id), without the object: a record whose every field has
    the one clock (nearly every pulled record)."""
    return (entity, entity_id, hlc, device, "{}", hlc, None, None)


def new_clocks(stamps: dict[str, Stamp]) -> RecordClocks:
    """Clocks for a record first seen with these field stamps: the most common one is stored once."""
    counts: dict[Stamp, int] = {}
    for s in stamps.values():
        counts[s] = counts.get(s, 0) + 1
    base = max(counts, key=lambda s: (counts[s], s))
    return RecordClocks(base, {k: s for k, s in stamps.items() if s != base})


def decode(hlc: int, device: str, fields: str, acked_hlc: int | None = None,
           acked_cursor: int | None = None) -> RecordClocks:
    if not fields or fields == "{}":  # most records: one clock for every field
        return RecordClocks((hlc, device), {}, acked_hlc, acked_cursor, {})
    raw = json.loads(fields)
    return RecordClocks((hlc, device), {k: (int(v[0]), str(v[1])) for k, v in raw.items()}, acked_hlc, acked_cursor,
                        {k: int(v[2]) for k, v in raw.items() if len(v) > 2})


def upsert_with_digests(conn: Connection, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write these clock rows (as RecordClocks.row gives them) with the checksum of each record's stored row.

    The same result as writing the clocks and then calling refresh_digests, with one write of each clock
    instead of two (a fresh device catching up writes every record's clock once)."""
    q = '"' + table.name.replace('"', '""') + '"'
    values = ", ".join(f't."{c}"' for c in sorted(c.name for c in table.columns))  # as capture.digest_columns
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO record_clock (entity, entity_id, hlc, device_id, fields, last_hlc, acked_hlc,"
        f" acked_cursor, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT fa_digest({values}) FROM {q} t WHERE t.id = ?))",
        [(*r, r[1]) for r in rows])


def write_clocks(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write these clock rows (RecordClocks.row followed by the row's checksum, taken from the values in hand)."""
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO record_clock (entity, entity_id, hlc, device_id, fields, last_hlc, acked_hlc,"
        " acked_cursor, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def refresh_digests(conn: Connection, table: Table, ids: Sequence[str]) -> None:
    """Store the checksum of these rows with their clocks (after writing them outside the capture triggers)."""
    q = '"' + table.name.replace('"', '""') + '"'
    values = ", ".join(f't."{c}"' for c in sorted(c.name for c in table.columns))  # as capture.digest_columns
    for part in chunks(ids):
        conn.exec_driver_sql(
            f"UPDATE record_clock SET digest = (SELECT fa_digest({values}) FROM {q} t WHERE t.id = record_clock.entity_id)"
            f" WHERE entity = ? AND entity_id IN ({', '.join('?' * len(part))})", (table.name, *part))


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def driver_cursor(conn: Connection) -> Any:
    """The driver's cursor on the same connection and transaction: rows as plain tuples, without the
    per-row cost of SQLAlchemy's result objects (these reads run over every record of a sync)."""
    return cast(Any, conn.connection.driver_connection).cursor()



def read_clocks(conn: Connection, entity: str, ids: Iterable[str], *,
                only_with_fields: bool = False) -> dict[str, RecordClocks]:
    """The clocks of these records (with `only_with_fields`, of those whose fields do not all share one)."""
    out: dict[str, RecordClocks] = {}
    cur = driver_cursor(conn)
    some = " AND fields IS NOT NULL AND fields NOT IN ('', '{}')" if only_with_fields else ""
    for part in chunks(list(ids)):
        for entity_id, *rest in cur.execute(
                "SELECT entity_id, hlc, device_id, fields, acked_hlc, acked_cursor FROM record_clock"
                f" WHERE entity = ? AND entity_id IN ({', '.join('?' * len(part))}){some}", (entity, *part)):
            out[entity_id] = decode(*rest)
    return out


def read_rows(conn: Connection, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored rows (raw SQLite values) of these ids, keyed by id."""
    out: dict[str, dict[str, Any]] = {}
    quoted = '"' + table.replace('"', '""') + '"'
    cur = driver_cursor(conn)
    for part in chunks(list(ids)):
        cur.execute(f"SELECT * FROM {quoted} WHERE id IN ({', '.join('?' * len(part))})", tuple(part))
        names = [d[0] for d in cur.description]
        for row in cur:
            values = dict(zip(names, row))
            out[values["id"]] = values
    return out


def field_stamps(conn: Connection, columns: dict[str, list[str]]) -> set[tuple[str, str, str, int, str]]:
    """Every (entity, id, field, hlc, device) this folder holds, for the given table -> columns: the
    same on two devices that hold the same history, however each stores it."""
    out: set[tuple[str, str, str, int, str]] = set()
    for entity, entity_id, hlc, device, fields in conn.exec_driver_sql(
            "SELECT entity, entity_id, hlc, device_id, fields FROM record_clock"):
        clock = decode(hlc, device, fields)
        out.update((entity, entity_id, name, *clock.of(name)) for name in columns.get(entity, ()))
    return out
