"""Cutting this device's changed records into encrypted outbox batches (sync_state.py holds the rest of the outbox)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from fieldapp.storage.capture import _q, synced_tables
from fieldapp.storage.clocks import RecordClocks, decode, driver_cursor
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.erasure import owners

Encrypt = Callable[[int, list[tuple[str, str, str, Any, int]], int], tuple[str, bytes]]
# The same, also given the participant of each of the batch's records that has one ((entity, id) -> id).
OwnedEncrypt = Callable[[int, list[tuple[str, str, str, Any, int]], int, dict[tuple[str, str], str]],
                        tuple[str, bytes]]
_NO_ACK = -1
# Records cut per write transaction. Each transaction ends with a flushed commit, and a participant's records of
# one page share an envelope per batch: 5,000 instead of 2,000 took a tenth off a 10,000-visit push (2 commits
# instead of 5, 1,000 envelopes instead of 2,500); the push's peak of Python memory went from 16 to 23 MB.
CUT_PAGE = 5000
# Per table, the queued records' stored rows (raw SQLite values) and clocks, by id.
Held = dict[str, tuple[dict[str, Any], RecordClocks | None]]


def _table_order() -> dict[str, int]:
    return {t.name: i for i, t in enumerate(synced_tables())}


def fill_outbox(folder: DataFolder, encrypt: Encrypt, *, max_changes: int = 2000, page: int = CUT_PAGE) -> int:
    """fill_outbox_owned for an `encrypt` that does not need the records' participants."""
    return fill_outbox_owned(folder, lambda seq, changes, base, _owners: encrypt(seq, changes, base),
                             max_changes=max_changes, page=page)


def fill_outbox_owned(folder: DataFolder, encrypt: OwnedEncrypt, *, max_changes: int = 2000,
                      page: int = CUT_PAGE) -> int:
    """Cut this device's changed records not yet in a batch into encrypted outbox batches. Returns how many.

    A record travels whole (every field this device wrote since the server last acknowledged it), and parents
    go before children (tables in dependency order), so a receiver never meets a child before its parent.
    `encrypt(seq, changes, base, owners)` returns (key_id, blob). Up to `page` records are cut per transaction.
    """
    made = 0
    order = list(_table_order())
    while True:
        with folder.read() as session:  # the usual case, nothing new, without taking the write lock
            if session.connection().exec_driver_sql("SELECT 1 FROM outbox_record LIMIT 1").first() is None:
                return made
        with folder.write() as session:
            conn = session.connection()
            queued: list[tuple[str, str, int]] = []
            held: dict[str, Held] = {}
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
                    " ORDER BY q.r", (entity, page - len(queued), entity))
                names = [d[0] for d in cur.description][6:]
                rows = held.setdefault(entity, {})
                for b, hlc, device, fields, acked_hlc, acked_cursor, *values in cur:
                    row = dict(zip(names, values))
                    rows[row["id"]] = (row, None if hlc is None else decode(hlc, device, fields, acked_hlc,
                                                                              acked_cursor))
                    queued.append((entity, row["id"], b))
                if len(queued) >= page:
                    break
            if not queued:
                # Only entities this release does not sync (never written here): nothing to send.
                conn.exec_driver_sql("DELETE FROM outbox_record")
                return made
            made += _cut(conn, folder.device_id, queued, held, encrypt, max_changes)
            conn.exec_driver_sql("DELETE FROM outbox_record WHERE entity = ? AND entity_id = ?",
                                 [(e, i) for e, i, _ in queued])
            if len(queued) < page:
                return made  # that was the rest (a write meanwhile is picked up by the next run)


def _cut(conn: Any, me: str, queued: list[tuple[str, str, int]], held: dict[str, Held], encrypt: OwnedEncrypt,
         max_changes: int) -> int:
    """Encrypt the queued records into batches of about `max_changes` field values; returns how many."""
    made = 0
    changes: list[tuple[str, str, str, Any, int]] = []
    members: list[tuple[str, str, int]] = []
    owned: dict[tuple[str, str], str] = {}
    base: int | None = None

    def seal() -> None:
        nonlocal changes, members, owned, base, made
        seq = int(conn.exec_driver_sql(
            "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_batch_seq'), 0)"
        ).scalar_one()) + 1
        key_id, blob = encrypt(seq, changes, base or 0, owned)
        conn.exec_driver_sql(
            "INSERT INTO sync_outbox (seq, change_count, base, members, key_id, blob, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, len(changes), base or 0, json.dumps(members, separators=(",", ":")), key_id, blob,
             _stamp(datetime.now(UTC))))
        conn.exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_batch_seq', ?)", (str(seq),))
        made += 1
        changes, members, owned, base = [], [], {}, None

    self_referring = _self_referring()
    by_entity: dict[str, list[tuple[str, int]]] = {}
    for entity, entity_id, b in queued:
        by_entity.setdefault(entity, []).append((entity_id, b))
    for entity, items in by_entity.items():  # already in dependency order
        items, owner = _by_owner(conn, entity, items, self_referring)
        rows = held[entity]
        names = [n for n in next(iter(rows.values()), ({},))[0] if n != "id"]  # SELECT *: the same for every row
        values_of = itemgetter(*names) if len(names) > 1 else _values_getter(names)
        for entity_id, b in items:
            row, clock = rows.get(entity_id, (None, None))
            if row is None or clock is None:
                continue
            acked = clock.acked_hlc if clock.acked_hlc is not None else _NO_ACK
            if not clock.fields:  # most records: one clock for every field, so all or none of them are sent
                hlc, device = clock.base
                if device != me or hlc <= acked:
                    continue  # overwritten by a remote change before it was sent
                width = len(names)
                sent = list(zip(repeat(entity, width), repeat(entity_id, width), names, values_of(row),
                                repeat(hlc, width)))
            else:
                sent = []
                for name in names:
                    hlc, device = clock.of(name)
                    if device == me and hlc > acked:
                        sent.append((entity, entity_id, name, row[name], hlc))
            if not sent:
                continue  # overwritten by a remote change before it was sent
            changes += sent
            if entity_id in owner:
                owned[(entity, entity_id)] = owner[entity_id]
            members.append((entity, entity_id, max(c[4] for c in sent)))
            base = b if base is None else min(base, b)
            if len(changes) >= max_changes:
                seal()
    if changes:
        seal()
    return made


def _values_getter(names: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """What itemgetter(*names) gives for two names or more (a tuple), for fewer."""
    return lambda row: tuple(row[n] for n in names)


def _self_referring() -> frozenset[str]:
    return frozenset(t.name for t in synced_tables() if any(fk.column.table is t for fk in t.foreign_keys))


def _by_owner(conn: Any, entity: str, items: list[tuple[str, int]],
              self_referring: frozenset[str]) -> tuple[list[tuple[str, int]], dict[str, str]]:
    """The records of one table with each participant's records together, in stored order within each, and
    the participant of each record that has one (the envelopes are sealed with it: looked up once).

    Each participant's changes in a batch travel in one envelope under their own key (erasure), so records
    cut in plain stored order cost one envelope, one AES-GCM and one JSON document per record on both sides;
    grouped, it is about one per participant per batch. A table whose rows may refer to rows of the same
    table keeps its stored order (a referred row must come first)."""
    owner = owners(conn, entity, [i for i, _ in items])
    if len(items) < 2 or not owner or entity in self_referring:
        return items, owner
    first: dict[str, int] = {}
    for n, (entity_id, _) in enumerate(items):
        first.setdefault(owner.get(entity_id, ""), n)
    # Stable: by the position of the owner's first record, then stored order.
    return sorted(items, key=lambda item: first[owner.get(item[0], "")]), owner


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
