"""The device's sync bookkeeping: account, outbox of this device's unsent changes, quarantine, conflicts.

The outbox is two tables: outbox_record (records changed here, not yet in a batch) and sync_outbox
(encrypted batches not yet acknowledged); both are emptied as the server acknowledges.

The sync engine (fieldapp.sync.engine) calls these; it never runs SQL itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import select

from fieldapp.storage.capture import _q, close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import RecordClocks, decode, driver_cursor, read_clocks
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.erasure import owners
from fieldapp.storage.models import SyncAccount, SyncQuarantine


@dataclass(frozen=True)
class Account:
    server_url: str
    team_id: str
    team_name: str
    history_id: str
    cursor: int


@dataclass(frozen=True)
class OutboxBatch:
    seq: int
    key_id: str
    blob: bytes
    first_change_seq: int  # always 0: batches are cut by record now (kept for callers of the old shape)
    last_change_seq: int  # always 0
    change_count: int
    pushed_cursor: int | None = None
    base: int = 0


@dataclass(frozen=True)
class ConflictRow:
    id: int
    kind: str
    entity: str
    entity_id: str
    field: str
    local_value: Any
    local_hlc: int | None
    local_device: str | None
    remote_value: Any
    remote_hlc: int
    remote_device: str
    detected_at: datetime


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    cursor: int
    device_id: str
    seq: int
    key_id: str
    reason: str
    blob: bytes
    at: datetime


def get_account(folder: DataFolder) -> Account | None:
    with folder.read() as session:
        row = session.connection().exec_driver_sql(
            "SELECT server_url, team_id, team_name, history_id, cursor FROM sync_account WHERE id = 1").first()
        return None if row is None else Account(*row)


def save_account(folder: DataFolder, *, server_url: str, team_id: str, team_name: str, history_id: str) -> None:
    """Record enrollment. A folder enrolled in one team is never silently moved to another."""
    with folder.write() as session:
        row = session.get(SyncAccount, 1)
        if row is not None:
            raise ValueError("this data folder is already enrolled")
        session.add(SyncAccount(id=1, server_url=server_url, team_id=team_id, team_name=team_name,
                                history_id=history_id, cursor=0, enrolled_at=datetime.now(UTC)))


# Outbox --------------------------------------------------------------------------------------------------

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


def unpushed(folder: DataFolder, *, limit: int = 1000) -> list[OutboxBatch]:
    """The encrypted batches the server has not acknowledged, oldest first."""
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT seq, key_id, blob, change_count, base FROM sync_outbox ORDER BY seq LIMIT ?", (limit,)).all()
        return [OutboxBatch(seq, key_id, blob, 0, 0, count, base=base) for seq, key_id, blob, count, base in rows]


def mark_pushed(folder: DataFolder, acks: list[tuple[int, int]]) -> None:
    """The server holds these batches (seq, cursor): mark their records as acknowledged and drop the batches.

    When their cursors directly follow the pull cursor (nobody else's batch in between), the pull cursor
    moves past them too: no need to download our own batches."""
    if not acks:
        return
    with folder.write() as session:
        conn = session.connection()
        for seq, cursor in acks:
            members = conn.exec_driver_sql("SELECT members FROM sync_outbox WHERE seq = ?", (seq,)).scalar()
            if members is None:
                continue  # acknowledged before (a retried push answered twice)
            by_entity: dict[str, dict[str, int]] = {}
            for entity, entity_id, hlc in json.loads(members):
                by_entity.setdefault(entity, {})[entity_id] = hlc
            me = folder.device_id
            # Most records have one clock for every field: RecordClocks.acknowledge in one statement, in SQL.
            conn.exec_driver_sql(
                "UPDATE record_clock SET acked_cursor = CASE WHEN device_id = ? AND hlc <= ? AND acked_cursor IS NULL"
                " THEN ? ELSE acked_cursor END, acked_hlc = max(coalesce(acked_hlc, 0), ?)"
                " WHERE entity = ? AND entity_id = ? AND (fields IS NULL OR fields IN ('', '{}'))",
                [(me, hlc, cursor, hlc, entity, entity_id) for entity, sent in by_entity.items()
                 for entity_id, hlc in sent.items()])
            updated = []
            for entity, sent in by_entity.items():
                for entity_id, clock in read_clocks(conn, entity, sent, only_with_fields=True).items():
                    clock.acknowledge(me, sent[entity_id], cursor)
                    updated.append((clock.encoded(), clock.acked_hlc, clock.acked_cursor, entity, entity_id))
            if updated:
                conn.exec_driver_sql("UPDATE record_clock SET fields = ?, acked_hlc = ?, acked_cursor = ?"
                                     " WHERE entity = ? AND entity_id = ?", updated)
            conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq = ?", (seq,))
        pulled = conn.exec_driver_sql("SELECT cursor FROM sync_account WHERE id = 1").scalar()
        if pulled is not None:
            moved = pulled
            for cursor in sorted(c for _, c in acks):
                if cursor == moved + 1:
                    moved = cursor
            if moved != pulled:
                conn.exec_driver_sql("UPDATE sync_account SET cursor = ? WHERE id = 1", (moved,))


def reencrypt_unpushed(folder: DataFolder, reencrypt: Callable[[OutboxBatch], tuple[str, bytes]]) -> int:
    """After the server refused a stale key: seal the not-yet-stored batches again with the current key."""
    batches = unpushed(folder, limit=1 << 30)
    with folder.write() as session:
        conn = session.connection()
        for b in batches:
            key_id, blob = reencrypt(b)
            conn.exec_driver_sql("UPDATE sync_outbox SET key_id = ?, blob = ? WHERE seq = ?", (key_id, blob, b.seq))
        return len(batches)


def pending_count(folder: DataFolder) -> tuple[int, int]:
    """(records of this device changed and not yet in a batch, batches not yet acknowledged by the server)."""
    with folder.read() as session:
        conn = session.connection()
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox_record").scalar_one()
        batches = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
        return int(queued), int(batches)


def waiting_records(folder: DataFolder) -> dict[str, int]:
    """Per entity, how many records this device changed that the server does not have yet."""
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT entity, count(*) FROM (SELECT entity, entity_id FROM outbox_record UNION"
            " SELECT json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]')"
            " FROM sync_outbox, json_each(sync_outbox.members) AS m) GROUP BY entity").all()
    return {entity: int(n) for entity, n in rows}


# Conflicts and quarantine ---------------------------------------------------------------------------------

def conflicts(folder: DataFolder, *, include_resolved: bool = False) -> list[ConflictRow]:
    # Raw SQL: the value columns hold SQLite values of any type (as change_log.value does).
    sql = ("SELECT id, kind, entity, entity_id, field, local_value, local_hlc, local_device, remote_value,"
           " remote_hlc, remote_device, detected_at FROM conflict")
    if not include_resolved:
        sql += " WHERE resolved_at IS NULL"
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(sql + " ORDER BY id").all()
    return [ConflictRow(*[*r[:11], datetime.strptime(r[11], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)])
            for r in rows]


def quarantined(folder: DataFolder) -> list[QuarantineRow]:
    with folder.read() as session:
        return [QuarantineRow(q.id, q.cursor, q.device_id, q.seq, q.key_id, q.reason, q.blob, q.at)
                for q in session.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id))]


_VISIT_PARTS = ("visit_attendee", "visit_action", "visit_note")


def waiting_by_kind(folder: DataFolder) -> tuple[int, int, int]:
    """(participants, visits, other records) this device changed that the server does not have yet.

    A visit's attendees, actions and notes count as the visit: the user wrote one visit."""
    parts = " UNION ".join(f"SELECT c.visit_id FROM w JOIN {t} c ON w.entity = '{t}' AND c.id = w.entity_id"
                           for t in _VISIT_PARTS)
    skip = ", ".join(f"'{t}'" for t in ("participant", "visit", *_VISIT_PARTS))
    with folder.read() as session:
        row = session.connection().exec_driver_sql(
            "WITH w(entity, entity_id) AS (SELECT entity, entity_id FROM outbox_record UNION"
            " SELECT json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]')"
            " FROM sync_outbox, json_each(sync_outbox.members) AS m)"
            " SELECT (SELECT count(*) FROM w WHERE entity = 'participant'),"
            f" (SELECT count(*) FROM (SELECT entity_id FROM w WHERE entity = 'visit' UNION {parts})),"
            f" (SELECT count(*) FROM w WHERE entity NOT IN ({skip}))").one()
    return int(row[0]), int(row[1]), int(row[2])


def waiting_changes(folder: DataFolder) -> int:
    """How many records this device changed that the server does not have yet."""
    return sum(waiting_records(folder).values())


def change_actor(folder: DataFolder, entity: str, entity_id: str, hlc: int | None, device_id: str | None) -> str | None:
    """Who made a change that is one side of a conflict: named when the conflict was detected (the device
    keeps only the newest clock of each field, so it cannot be looked up later)."""
    if hlc is None or device_id is None:
        return None
    with folder.read() as session:
        value = session.connection().exec_driver_sql(
            "SELECT local_by FROM conflict WHERE entity = ? AND entity_id = ? AND local_hlc = ? AND local_device = ?"
            " AND local_by IS NOT NULL UNION ALL SELECT remote_by FROM conflict WHERE entity = ? AND entity_id = ?"
            " AND remote_hlc = ? AND remote_device = ? AND remote_by IS NOT NULL LIMIT 1",
            (entity, entity_id, hlc, device_id, entity, entity_id, hlc, device_id)).scalar()
    return None if value is None else str(value)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ConflictGone(LookupError):
    """The conflict does not exist or was resolved meanwhile."""


def resolve_conflict(folder: DataFolder, conflict_id: int, *, restore: bool) -> tuple[str, str]:
    """Close a conflict; with `restore`, write this device's lost value back as a new change (which syncs).

    Returns (entity, entity_id). The restored value goes through change capture with a fresh clock, so it
    wins over the value that overwrote it, on every device, and is logged like any edit.
    """
    with folder.write() as session:
        conn = session.connection()
        row = conn.exec_driver_sql(
            "SELECT kind, entity, entity_id, field, local_value FROM conflict WHERE id = ? AND resolved_at IS NULL",
            (conflict_id,)).first()
        if row is None:
            raise ConflictGone(conflict_id)
        kind, entity, entity_id, name, value = row
        tables = {t.name: t for t in synced_tables()}
        table = tables.get(entity)
        if restore:
            if kind not in ("overwritten", "merged_value") or table is None or name not in table.columns:
                raise ValueError(f"a {kind} conflict on {entity}.{name} cannot be restored")
            ts = folder.clock.now()
            now = datetime.fromtimestamp((ts >> 16) / 1000, UTC)
            open_capture(conn, hlc=ts, device_id=folder.device_id)
            sets = {name: value}
            if "updated_at" in table.columns:
                sets["updated_at"] = _stamp(now)
            if "updated_by" in table.columns:
                sets["updated_by"] = folder.actor
            conn.exec_driver_sql(f"UPDATE {_q(entity)} SET {', '.join(f'{_q(n)} = ?' for n in sets)} WHERE id = ?",
                                 (*sets.values(), entity_id))
            close_capture(conn)
        conn.exec_driver_sql("UPDATE conflict SET resolved_at = ? WHERE id = ?", (_stamp(datetime.now(UTC)), conflict_id))
        return entity, entity_id
