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
from typing import Any

from sqlalchemy import select

from fieldapp.storage.capture import _q, close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import driver_cursor, read_clocks
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.stored_time import stored_datetime
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


# Outbox (cutting it into batches: outbox_cut.py) ------------------------------------------------------------

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
    me = folder.device_id
    with folder.write() as session:
        conn = session.connection()
        cur = driver_cursor(conn)
        # One statement of each kind for all the batches (a push acknowledges up to a hundred at a time), in
        # the order acknowledged, as one batch after the other would: a record sent again in a later batch
        # keeps the cursor of the first acknowledgement of its current value.
        members_of = dict(cur.execute("SELECT seq, members FROM sync_outbox WHERE seq IN"
                                      " (SELECT value FROM json_each(?))", (json.dumps([s for s, _ in acks]),)))
        sent: list[tuple[str, str, int, int]] = []
        done: list[tuple[int]] = []
        for seq, cursor in acks:
            members = members_of.pop(seq, None)
            if members is None:
                continue  # acknowledged before (a retried push answered twice)
            sent += [(entity, entity_id, hlc, cursor) for entity, entity_id, hlc in json.loads(members)]
            done.append((seq,))
        # Most records have one clock for every field: RecordClocks.acknowledge in one statement, in SQL.
        cur.executemany(
            "UPDATE record_clock SET acked_cursor = CASE WHEN device_id = ? AND hlc <= ? AND acked_cursor IS NULL"
            " THEN ? ELSE acked_cursor END, acked_hlc = max(coalesce(acked_hlc, 0), ?)"
            " WHERE entity = ? AND entity_id = ? AND (fields IS NULL OR fields IN ('', '{}'))",
            [(me, hlc, cursor, hlc, entity, entity_id) for entity, entity_id, hlc, cursor in sent])
        by_entity: dict[str, list[tuple[str, int, int]]] = {}
        for entity, entity_id, hlc, cursor in sent:
            by_entity.setdefault(entity, []).append((entity_id, hlc, cursor))
        updated = []
        for entity, items in by_entity.items():
            clocks = read_clocks(conn, entity, dict.fromkeys(i for i, _, _ in items), only_with_fields=True)
            for entity_id, hlc, cursor in items:
                if entity_id in clocks:
                    clocks[entity_id].acknowledge(me, hlc, cursor)
            updated += [(c.encoded(), c.acked_hlc, c.acked_cursor, entity, i) for i, c in clocks.items()]
        if updated:
            cur.executemany("UPDATE record_clock SET fields = ?, acked_hlc = ?, acked_cursor = ?"
                            " WHERE entity = ? AND entity_id = ?", updated)
        cur.executemany("DELETE FROM sync_outbox WHERE seq = ?", done)
        pulled = conn.exec_driver_sql("SELECT cursor FROM sync_account WHERE id = 1").scalar()
        if pulled is not None:
            moved = pulled
            for cursor in sorted(c for _, c in acks):
                if cursor == moved + 1:
                    moved = cursor
            if moved != pulled:
                conn.exec_driver_sql("UPDATE sync_account SET cursor = ? WHERE id = 1", (moved,))


def reencrypt_unpushed(folder: DataFolder, reencrypt: Callable[[OutboxBatch], tuple[str, bytes]]) -> int:
    """After the server refused a stale key or a batch's signature: seal the not-yet-stored batches again."""
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
                sets["updated_at"] = stored_datetime(now)
            if "updated_by" in table.columns:
                sets["updated_by"] = folder.actor
            conn.exec_driver_sql(f"UPDATE {_q(entity)} SET {', '.join(f'{_q(n)} = ?' for n in sets)} WHERE id = ?",
                                 (*sets.values(), entity_id))
            close_capture(conn)
        conn.exec_driver_sql("UPDATE conflict SET resolved_at = ? WHERE id = ?", (stored_datetime(datetime.now(UTC)), conflict_id))
        return entity, entity_id
