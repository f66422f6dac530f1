"""Cutting this device's changed records into encrypted outbox batches (sync_state.py holds the rest of the outbox)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

import orjson

from fieldapp.domain.record_changes import Change, Record, field_changes
from fieldapp.storage.capture import _q, synced_tables
from fieldapp.storage.clocks import RecordClocks, decode, driver_cursor
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.stored_time import stored_datetime
from fieldapp.storage.erasure import child_of, owned_tables, owners

Encrypt = Callable[[int, list[Change], int], tuple[str, bytes]]
# The same, given the batch's whole records (record_changes.Record) instead of their field changes, and the
# participant of each record that has one ((entity, id) -> id): the push groups, packs and seals a record at a
# time, with no tuple per field.
RecordEncrypt = Callable[[int, list[Record], int, dict[tuple[str, str], str]], tuple[str, bytes]]
_NO_ACK = -1
# Records cut per write transaction. Each transaction ends with a flushed commit, and a participant's records of
# one page share an envelope per batch: 5,000 instead of 2,000 took a tenth off a 10,000-visit push (2 commits
# instead of 5, 1,000 envelopes instead of 2,500); the push's peak of Python memory went from 16 to 23 MB.
CUT_PAGE = 5000
# A queued row as read: base, the clock columns (hlc, device_id, fields, acked_hlc, acked_cursor), then t.*.
_CLOCK_AT = 1
_ROW_AT = 6


def _table_order() -> dict[str, int]:
    # Plain str: SQLAlchemy's table names are a str subclass the driver asks for an adapter, once per value bound.
    return {str(t.name): i for i, t in enumerate(synced_tables())}


def fill_outbox(folder: DataFolder, encrypt: Encrypt, *, max_changes: int = 2000, page: int = CUT_PAGE) -> int:
    """fill_outbox_records for an `encrypt` given the field changes, without the records' participants."""
    return fill_outbox_records(folder, lambda seq, records, base, _owners: encrypt(seq, field_changes(records), base),
                               max_changes=max_changes, page=page)


def fill_outbox_records(folder: DataFolder, encrypt: RecordEncrypt, *, max_changes: int = 2000,
                        page: int = CUT_PAGE) -> int:
    """Cut this device's changed records not yet in a batch into encrypted outbox batches. Returns how many.

    A record travels whole (every field this device wrote since the server last acknowledged it), and parents
    go before children (tables in dependency order), so a receiver never meets a child before its parent.
    `encrypt(seq, records, base, owners)` returns (key_id, blob); a batch holds about `max_changes` field
    values. Up to `page` records are cut per transaction.
    """
    made = 0
    order = list(_table_order())
    while True:
        with folder.read() as session:  # the usual case, nothing new, without taking the write lock
            if session.connection().exec_driver_sql("SELECT 1 FROM outbox_record LIMIT 1").first() is None:
                return made
        with folder.write() as session:
            conn = session.connection()
            queued: list[tuple[str, list[str], list[tuple[Any, ...]]]] = []
            count = 0
            cur = driver_cursor(conn)
            for entity in order:
                # Tables in dependency order, and within a table in the order the rows were stored here (rowid):
                # a record may refer to an older one of its own table (an action carried over from an earlier
                # visit), often written in the same flush, so with the same clock. The rows and their clocks
                # come with them: read once, not looked up again by id.
                # Ordered and limited on the narrow rows first: sorting whole rows cost more than reading them twice.
                cur.execute(
                    "SELECT q.base, c.hlc, c.device_id, c.fields, c.acked_hlc, c.acked_cursor, t.* FROM"
                    f" (SELECT o.base, t.rowid AS r FROM outbox_record o JOIN {_q(entity)} t ON t.id = o.entity_id"
                    "  WHERE o.entity = ? ORDER BY t.rowid LIMIT ?) q"
                    f" JOIN {_q(entity)} t ON t.rowid = q.r LEFT JOIN record_clock c ON c.entity = ? AND c.entity_id = t.id"
                    " ORDER BY q.r", (entity, page - count, entity))
                rows = cur.fetchall()
                if rows:
                    queued.append((entity, [d[0] for d in cur.description][_ROW_AT:], rows))
                    count += len(rows)
                if count >= page:
                    break
            if not count:
                # Only entities this release does not sync (never written here): nothing to send.
                conn.exec_driver_sql("DELETE FROM outbox_record")
                return made
            made += _cut(conn, folder.device_id, queued, encrypt, max_changes)
            for entity, columns, rows in queued:
                at = _ROW_AT + columns.index("id")
                cur.executemany("DELETE FROM outbox_record WHERE entity = ? AND entity_id = ?",
                                [(entity, r[at]) for r in rows])
            if count < page:
                return made  # that was the rest (a write meanwhile is picked up by the next run)


class _Batches:
    """The batch being filled, and the sealed ones waiting to be written (in one statement, at the page's end or
    when they hold WRITE_AT bytes: a page of large records, such as sealed PDFs, is not held twice in memory)."""

    WRITE_AT = 4 * 1024 * 1024

    def __init__(self, conn: Any, encrypt: RecordEncrypt) -> None:
        self.conn, self.encrypt = conn, encrypt
        self.seq = int(conn.exec_driver_sql(
            "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_batch_seq'), 0)"
        ).scalar_one())
        self.made = 0
        self.sealed: list[tuple[Any, ...]] = []
        self.sealed_bytes = 0
        self.records: list[Record] = []
        self.members: list[tuple[str, str, int]] = []
        self.owned: dict[tuple[str, str], str] = {}
        self.base: int | None = None
        self.changes = 0

    def seal(self) -> None:
        self.seq += 1
        base = self.base or 0
        key_id, blob = self.encrypt(self.seq, self.records, base, self.owned)
        self.sealed.append((self.seq, self.changes, base, orjson.dumps(self.members).decode(), key_id, blob,
                            stored_datetime(datetime.now(UTC))))
        self.sealed_bytes += len(blob)
        self.records, self.members, self.owned, self.base, self.changes = [], [], {}, None, 0
        if self.sealed_bytes >= self.WRITE_AT:
            self._flush()

    def write(self) -> int:
        """Seal what is left and write every sealed batch; returns how many batches this page made."""
        if self.records:
            self.seal()
        self._flush()
        return self.made

    def _flush(self) -> None:
        if not self.sealed:
            return
        self.conn.exec_driver_sql(
            "INSERT INTO sync_outbox (seq, change_count, base, members, key_id, blob, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", self.sealed)
        self.conn.exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_batch_seq', ?)",
                                  (str(self.seq),))
        self.made += len(self.sealed)
        self.sealed, self.sealed_bytes = [], 0


def _cut(conn: Any, me: str, queued: list[tuple[str, list[str], list[tuple[Any, ...]]]], encrypt: RecordEncrypt,
         max_changes: int) -> int:
    """Encrypt the queued records into batches of about `max_changes` field values; returns how many."""
    out = _Batches(conn, encrypt)
    self_referring = _self_referring()
    for entity, columns, rows in queued:  # already in dependency order
        id_at = _ROW_AT + columns.index("id")
        names = tuple(n for n in columns if n != "id")
        at = [_ROW_AT + k for k, n in enumerate(columns) if n != "id"]
        values_of = itemgetter(*at) if len(at) > 1 else _values_getter(at)
        rows, owner = _by_owner(conn, entity, columns, rows, id_at, self_referring)
        for row in rows:
            hlc, device, fields, acked_hlc = row[_CLOCK_AT:_CLOCK_AT + 4]
            if hlc is None:
                continue  # no clock: nothing this device wrote to send
            acked = acked_hlc if acked_hlc is not None else _NO_ACK
            entity_id = row[id_at]
            if not fields or fields == "{}":  # most records: one clock for every field, so all or none are sent
                if device != me or hlc <= acked or not names:
                    continue  # overwritten by a remote change before it was sent (or no field to send)
                record: Record = (entity, entity_id, names, values_of(row), hlc, None)
                top, width = hlc, len(names)
            else:
                found = _partial(entity, entity_id, names, values_of(row), decode(*row[_CLOCK_AT:_ROW_AT]), me, acked)
                if found is None:
                    continue  # overwritten by a remote change before it was sent
                record, top = found
                width = len(record[2])
            out.records.append(record)
            if entity_id in owner:
                out.owned[(entity, entity_id)] = owner[entity_id]
            out.members.append((entity, entity_id, top))
            b = row[0]
            out.base = b if out.base is None or b < out.base else out.base
            out.changes += width
            if out.changes >= max_changes:
                out.seal()
    return out.write()


def _partial(entity: str, entity_id: str, names: tuple[str, ...], values: Sequence[Any], clock: RecordClocks,
             me: str, acked: int) -> tuple[Record, int] | None:
    """The fields of a record with several clocks that this device wrote and the server does not hold yet, as
    a record (the first field's clock its own, the others' by position) and the newest of their clocks."""
    sent: list[tuple[str, Any, int]] = []
    for name, value in zip(names, values):
        hlc, device = clock.of(name)
        if device == me and hlc > acked:
            sent.append((name, value, hlc))
    if not sent:
        return None
    first = sent[0][2]
    odd = [x for k, (_, _, hlc) in enumerate(sent) if hlc != first for x in (k, hlc)]
    return ((entity, entity_id, tuple(s[0] for s in sent), tuple(s[1] for s in sent), first, odd or None),
            max(s[2] for s in sent))


def _values_getter(at: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """What itemgetter(*at) gives for two positions or more (a tuple), for fewer."""
    return lambda row: tuple(row[k] for k in at)


def _self_referring() -> frozenset[str]:
    return frozenset(t.name for t in synced_tables() if any(fk.column.table is t for fk in t.foreign_keys))


def _by_owner(conn: Any, entity: str, columns: list[str], rows: list[tuple[Any, ...]], id_at: int,
              self_referring: frozenset[str]) -> tuple[list[tuple[Any, ...]], dict[str, str]]:
    """The rows of one table with each participant's records together, in stored order within each, and
    the participant of each record that has one (the envelopes are sealed with it: looked up once).

    Each participant's changes in a batch travel in one envelope under their own key (erasure), so records
    cut in plain stored order cost one envelope, one AES-GCM and one JSON document per record on both sides;
    grouped, it is about one per participant per batch. A table whose rows may refer to rows of the same
    table keeps its stored order (a referred row must come first)."""
    owner = _owners(conn, entity, columns, rows, id_at)
    if len(rows) < 2 or not owner or entity in self_referring:
        return rows, owner
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(owner.get(row[id_at], ""), []).append(row)
    # By the position of the owner's first record (a dict keeps the order its keys came in), then stored order.
    return [row for group in grouped.values() for row in group], owner


def _owners(conn: Any, entity: str, columns: list[str], rows: list[tuple[Any, ...]], id_at: int) -> dict[str, str]:
    """erasure.owners for these rows (those with a participant): read from the rows in hand where the table names
    its participant itself."""
    if entity not in owned_tables():
        return {}
    if entity == "participant":
        return {r[id_at]: r[id_at] for r in rows}
    if "participant_id" in columns and entity not in child_of():
        at = _ROW_AT + columns.index("participant_id")
        return {r[id_at]: r[at] for r in rows if r[at] is not None}
    return {i: p for i, p in owners(conn, entity, [r[id_at] for r in rows]).items() if p is not None}


