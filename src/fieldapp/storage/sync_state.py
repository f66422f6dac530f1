"""The device's sync bookkeeping: account, outbox of this device's unsent changes, quarantine, conflicts.

The sync engine (fieldapp.sync.engine) calls these; it never runs SQL itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select

from fieldapp.storage.capture import _q, close_capture, open_capture, synced_tables
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.models import SyncAccount, SyncOutbox, SyncQuarantine


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
    first_change_seq: int
    last_change_seq: int
    change_count: int
    pushed_cursor: int | None = None


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


def fill_outbox(folder: DataFolder, encrypt: Encrypt, *, max_changes: int = 2000) -> int:
    """Cut this device's changes not yet in a batch into encrypted outbox batches. Returns how many were made.

    A batch never splits the fields one write gave one record (every column of a new record travels
    together). `encrypt(seq, changes, base)` returns (key_id, blob).
    """
    made = 0
    me = folder.device_id
    # Plain SQL: this runs on every sync, and compiling Core statements costs more than running them.
    last_batched = "SELECT coalesce(max(last_change_seq), 0) FROM sync_outbox"
    while True:
        with folder.read() as session:  # the usual case, nothing new, without taking the write lock
            conn = session.connection()
            after = conn.exec_driver_sql(last_batched).scalar_one()
            if conn.exec_driver_sql("SELECT 1 FROM change_log WHERE device_id = ? AND seq > ? LIMIT 1",
                                    (me, after)).first() is None:
                return made
        with folder.write() as session:
            conn = session.connection()
            after = conn.exec_driver_sql(last_batched).scalar_one()
            seq = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar_one() + 1
            rows = conn.exec_driver_sql(
                "SELECT seq, entity, entity_id, field, value, hlc FROM change_log"
                " WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?", (me, after, max_changes)).all()
            if not rows:
                return made
            if len(rows) == max_changes:
                # Finish the record being cut: its fields from one write travel together, so a new record
                # always arrives whole (a bulk write of many records may still span several batches).
                last_row = rows[-1]
                rows += conn.exec_driver_sql(
                    "SELECT seq, entity, entity_id, field, value, hlc FROM change_log WHERE device_id = ? AND seq > ?"
                    " AND hlc = ? AND entity = ? AND entity_id = ? ORDER BY seq",
                    (me, last_row[0], last_row[5], last_row[1], last_row[2])).all()
            first, last = rows[0][0], rows[-1][0]
            base = conn.exec_driver_sql("SELECT coalesce(max(cursor), 0) FROM sync_mark WHERE change_seq < ?",
                                        (first,)).scalar_one()
            key_id, blob = encrypt(seq, [tuple(r[1:]) for r in rows], base)  # type: ignore[misc]
            conn.exec_driver_sql(
                "INSERT INTO sync_outbox (seq, first_change_seq, last_change_seq, change_count, key_id, blob,"
                " created_at, pushed_cursor) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                (seq, first, last, len(rows), key_id, blob, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")))
            made += 1
            if len(rows) < max_changes:
                return made  # that was the rest (a write meanwhile is picked up by the next run)


def unpushed(folder: DataFolder, *, limit: int = 1000) -> list[OutboxBatch]:
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT seq, key_id, blob, first_change_seq, last_change_seq, change_count, pushed_cursor FROM sync_outbox"
            " WHERE pushed_cursor IS NULL ORDER BY seq LIMIT ?", (limit,)).all()
        return [OutboxBatch(*r) for r in rows]


def _outbox(r: SyncOutbox) -> OutboxBatch:
    return OutboxBatch(r.seq, r.key_id, r.blob, r.first_change_seq, r.last_change_seq, r.change_count,
                       r.pushed_cursor)


def mark_pushed(folder: DataFolder, acks: list[tuple[int, int]]) -> None:
    """Record the server cursors of our stored batches. When they directly follow the pull cursor (nobody
    else's batch in between), the pull cursor moves past them too: no need to download our own batches."""
    if not acks:
        return
    with folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("UPDATE sync_outbox SET pushed_cursor = ? WHERE seq = ?",
                             [(cursor, seq) for seq, cursor in acks])
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
    with folder.write() as session:
        rows = session.scalars(select(SyncOutbox).where(SyncOutbox.pushed_cursor.is_(None))).all()
        for r in rows:
            r.key_id, r.blob = reencrypt(_outbox(r))
        return len(rows)


def pending_count(folder: DataFolder) -> tuple[int, int]:
    """(changes of this device not yet in a batch, batches not yet on the server)."""
    with folder.read() as session:
        conn = session.connection()
        after = conn.execute(select(func.coalesce(func.max(SyncOutbox.last_change_seq), 0))).scalar_one()
        changes = conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE device_id = ? AND seq > ?",
                                       (folder.device_id, after)).scalar_one()
        batches = conn.execute(select(func.count()).select_from(SyncOutbox)
                               .where(SyncOutbox.pushed_cursor.is_(None))).scalar_one()
        return changes, batches


def outbox_for_change(folder: DataFolder, change_seq: int) -> OutboxBatch | None:
    with folder.read() as session:
        row = session.scalars(select(SyncOutbox).where(SyncOutbox.first_change_seq <= change_seq,
                                                       SyncOutbox.last_change_seq >= change_seq)).first()
        return None if row is None else _outbox(row)


# Conflicts and quarantine ---------------------------------------------------------------------------------

def conflicts(folder: DataFolder, *, include_resolved: bool = False) -> list[ConflictRow]:
    # Raw SQL: the value columns hold SQLite values of any type (as change_log.value does).
    sql = ("SELECT id, kind, entity, entity_id, field, local_value, local_hlc, local_device, remote_value,"
           " remote_hlc, remote_device, detected_at FROM conflict")
    if not include_resolved:
        sql += " WHERE resolved_at IS NULL"
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(sql + " ORDER BY id").all()
    return [ConflictRow(*r[:11], datetime.strptime(r[11], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC))
            for r in rows]


def quarantined(folder: DataFolder) -> list[QuarantineRow]:
    with folder.read() as session:
        return [QuarantineRow(q.id, q.cursor, q.device_id, q.seq, q.key_id, q.reason, q.blob, q.at)
                for q in session.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id))]


def forget_quarantined(folder: DataFolder, ids: list[int]) -> None:
    with folder.write() as session:
        session.execute(delete(SyncQuarantine).where(SyncQuarantine.id.in_(ids)))


def waiting_changes(folder: DataFolder) -> int:
    """This device's changes the server does not have yet: not yet in a batch, or in a batch not yet pushed."""
    changes, _ = pending_count(folder)
    with folder.read() as session:
        in_batches = session.connection().exec_driver_sql(
            "SELECT coalesce(sum(change_count), 0) FROM sync_outbox WHERE pushed_cursor IS NULL").scalar_one()
    return int(changes) + int(in_batches)


def change_actor(folder: DataFolder, entity: str, entity_id: str, hlc: int | None, device_id: str | None) -> str | None:
    """Who made a change: the `updated_by` that device had last written on the record at that time, if any
    (it is only logged when it changes, so an unchanged name is found at an earlier clock)."""
    if hlc is None or device_id is None:
        return None
    with folder.read() as session:
        value = session.connection().exec_driver_sql(
            "SELECT value FROM change_log WHERE entity = ? AND entity_id = ? AND field = 'updated_by' AND hlc <= ?"
            " AND device_id = ? ORDER BY hlc DESC, seq DESC LIMIT 1", (entity, entity_id, hlc, device_id)).scalar()
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
            if kind != "overwritten" or table is None or name not in table.columns:
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
