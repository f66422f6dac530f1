"""Erasing one participant from this device: every row that hangs on them, their key, the index, WAL and backups.

What hangs on a participant is found by following foreign keys from the participant down (child_of): rows
with a participant_id, and their children (a visit's notes, an agreement's versions and their signatures).
Synced rows are never deleted otherwise (capture.py refuses DELETE), so the erasure lifts that refusal for its
own transaction only. `secure_delete` (on in every SQLCipher connection, and set again here) zeroes what is
deleted, as it zeroed every older version of an edited text; a TRUNCATE checkpoint then empties the WAL.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp.files import OWNER_ONLY
from fieldapp.storage import cipher_format
from fieldapp.storage.base import Base
from fieldapp.storage.capture import TRIGGER_PREFIX, _q, synced_tables, trigger_ddl
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.migrate import head_revision
from fieldapp.storage.search_index import TABLE as SEARCH_TABLE
from fieldapp.storage.written import note_inserted

EXPORTS_FOLDER = "exports"  # inside the data folder: where exports land unless the user picks another place


# Derived from the static schema, but asked for every batch a push seals (sorting the tables each time was a
# quarter of a push): kept per number of mapped tables, so a table mapped later is still seen.
_schema_facts: dict[tuple[str, int], Any] = {}


def _cached(name: str, make: Callable[[], Any]) -> Any:
    key = (name, len(Base.metadata.tables))
    if key not in _schema_facts:
        _schema_facts[key] = make()
    return _schema_facts[key]


def child_of() -> dict[str, tuple[str, str]]:
    """Tables whose rows belong to a participant through a parent: table -> (foreign key column, parent table)."""
    return dict(_cached("child_of", _child_of))


def _child_of() -> dict[str, tuple[str, str]]:
    """Tables whose rows belong to a participant through a parent: table -> (foreign key column, parent table).

    Derived from the foreign keys, so a new table hanging on a participant's records cannot be forgotten: a
    synced table without participant_id belongs through its reference to an owned table (the one nearest the
    participant when there are several, as an agreement event's agreement before its version)."""
    depth = {t.name: 0 for t in synced_tables() if t.name == "participant" or "participant_id" in t.columns}
    found: dict[str, tuple[str, str]] = {}
    for table in synced_tables():  # parents before children
        if table.name in depth:
            continue
        parents = [(depth[fk.column.table.name], column.name, fk.column.table.name)
                   for column in table.columns for fk in column.foreign_keys
                   if fk.column.table.name != table.name and fk.column.table.name in depth]
        if parents:
            level, column_name, parent = min(parents)
            depth[table.name] = level + 1
            found[table.name] = (column_name, parent)
    return found


def owned_tables() -> list[str]:
    """Synced tables whose rows belong to one participant, parents before children."""
    return list(_cached("owned_tables", _owned_tables))


def _owned_tables() -> list[str]:
    out = []
    children = child_of()
    for t in synced_tables():
        if t.name == "participant" or "participant_id" in t.columns or t.name in children:
            out.append(t.name)
    return out


def _owner_sql(table: str) -> str:
    """SELECT id, participant_id for the rows of `table` whose ids are bound as a JSON array."""
    if table == "participant":
        return "SELECT t.id, t.id FROM participant t WHERE t.id IN (SELECT value FROM json_each(?))"
    joins: list[str] = []
    alias, current, children = "t", table, _cached("child_of", _child_of)
    while current in children:
        column, parent = children[current]
        nxt = f"p{len(joins)}"
        joins.append(f"JOIN {_q(parent)} {nxt} ON {nxt}.id = {alias}.{_q(column)}")
        alias, current = nxt, parent
    return (f"SELECT t.id, {alias}.participant_id FROM {_q(table)} t {' '.join(joins)}"
            " WHERE t.id IN (SELECT value FROM json_each(?))")


def owners(conn: Any, entity: str, ids: Sequence[str]) -> dict[str, str]:
    """Record id -> participant id, for the records of `entity` that belong to a participant."""
    if entity not in _cached("owned_set", lambda: frozenset(owned_tables())) or not ids:
        return {}
    return dict(conn.exec_driver_sql(_owner_sql(entity), (json.dumps(list(ids)),)).all())


def owned_records(conn: Any, participant_id: str) -> dict[str, list[str]]:
    """Table -> ids of the rows that hang on the participant, parents first."""
    found: dict[str, list[str]] = {}
    children = child_of()
    for table in owned_tables():
        if table == "participant":
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM participant WHERE id = ?", (participant_id,))]
        elif table in children:
            column, parent = children[table]
            parents = found.get(parent, [])
            ids = [r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM {_q(table)} WHERE {_q(column)} IN (SELECT value FROM json_each(?))",
                (_json(parents),))] if parents else []
        else:
            ids = [r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM {_q(table)} WHERE participant_id = ?", (participant_id,))]
        if ids:
            found[table] = ids
    return found


def _json(ids: Iterable[str]) -> str:
    return json.dumps(list(ids))


@dataclass(frozen=True)
class Tombstone:
    handle: str
    participant_id: str | None  # None: erased elsewhere, never seen here
    erased_at: str
    erased_by: str
    device_id: str
    reason_code: str
    signature: bytes | None = None


@dataclass(frozen=True)
class LocalErasure:
    """What went: rows per table, unsent local changes dropped, and texts to look for in files."""

    rows: dict[str, int]
    unsent_changes: int
    already_erased: bool
    names: tuple[str, ...]  # name and fødselsnummer: to find export files naming the person (never stored)


def stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def erase_rows(folder: DataFolder, tomb: Tombstone, *, event: str, sent: bool) -> LocalErasure:
    """Delete everything that hangs on the participant and leave the tombstone, in one transaction."""
    with folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        already = conn.exec_driver_sql("SELECT 1 FROM participant_erasure WHERE handle = ?",
                                       (tomb.handle,)).first() is not None
        pid = tomb.participant_id or participant_for_handle(conn, tomb.handle)
        person = conn.exec_driver_sql("SELECT first_name, last_name, fodselsnummer FROM participant WHERE id = ?",
                                      (pid,)).first() if pid else None
        names: tuple[str, ...] = ()
        if person is not None:
            full = f"{person[0] or ''} {person[1] or ''}".strip()
            names = tuple(n for n in (full, person[2]) if n)
        owned = owned_records(conn, pid) if pid else {}
        pairs = [(t, i) for t, ids in owned.items() for i in ids]
        unsent = sum(conn.exec_driver_sql(
            "SELECT count(*) FROM outbox_record WHERE entity = ? AND entity_id = ?", p).scalar_one() for p in pairs)
        ddl = trigger_ddl()
        guards = [f"{TRIGGER_PREFIX}{t}_no_delete" for t in owned]
        if "visit" in owned:
            # Out of the full-text index first, by rowid (the index is contentless with contentless_delete, and a
            # visit saved since the last drain is not in it yet). A delete only adds a marker; the trigrams stay in
            # older segments (with those of every earlier version of an edited text) until 'optimize' below merges
            # them away. FTS5's secure-delete option would avoid that, but costs ~170 ms on every visit save at
            # 3,000 participants (BENCHMARKS.md), so the erasure pays once instead.
            conn.exec_driver_sql(
                f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN (SELECT rowid FROM visit"
                " WHERE id IN (SELECT value FROM json_each(?)))", (_json(owned["visit"]),))
        for name in guards:  # lifted for this transaction only; a failure rolls the DROP back too
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")
        rows: dict[str, int] = {}
        for table in reversed(list(owned)):
            rows[table] = conn.exec_driver_sql(
                f"DELETE FROM {_q(table)} WHERE id IN (SELECT value FROM json_each(?))",
                (_json(owned[table]),)).rowcount
        for name in guards:
            conn.exec_driver_sql(ddl[name])
        for table, ids in owned.items():  # reported like any write: open views read again, the tombstone is pushed
            note_inserted(session, table, ids)
        for bookkeeping in ("record_clock", "outbox_record", "foreign_change", "conflict"):
            if pairs:
                conn.exec_driver_sql(f"DELETE FROM {bookkeeping} WHERE entity = ? AND entity_id = ?", pairs)
        conn.exec_driver_sql("DELETE FROM participant_key WHERE handle = ?", (tomb.handle,))
        if "visit" in owned:
            conn.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('optimize')")
        if not already:
            conn.exec_driver_sql(
                "INSERT INTO participant_erasure (handle, participant_id, erased_at, erased_by, device_id, reason_code,"
                " signature, sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (tomb.handle, pid, tomb.erased_at, tomb.erased_by, tomb.device_id, tomb.reason_code,
                 tomb.signature, int(sent)))
            log_event(conn, event, tomb.handle, tomb.device_id, tomb.reason_code, sum(rows.values()))
        if unsent and event == "erasure_received" and not already:
            log_event(conn, "late_change_refused", tomb.handle, folder.device_id, None, unsent)
    return LocalErasure(rows, unsent, already, names)


def log_event(conn: Any, event: str, handle: str, device_id: str, reason_code: str | None, count: int,
              batch_seq: int | None = None) -> None:
    """Log an event; one naming a batch is logged once for that batch (a pull taken again opens it again)."""
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO erasure_log (at, event, handle, device_id, reason_code, count, batch_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (stamp(), event, handle, device_id, reason_code, count, batch_seq))


def participant_for_handle(conn: Any, handle: str) -> str | None:
    """The local participant an erasure from elsewhere names (by its handle), if this device has them."""
    from fieldapp.domain.erasure import participant_handle

    for (pid,) in conn.exec_driver_sql("SELECT id FROM participant"):
        if participant_handle(pid) == handle:
            return str(pid)
    return None


def compact(folder: DataFolder, *, vacuum: bool = False) -> int:
    """Empty the WAL (its frames hold old page images); with `vacuum`, rewrite every page first. Returns the
    checkpoint's busy flag (0: all written). VACUUM is not needed for erasure: SQLCipher keeps `secure_delete`
    on for keyed databases (tests/privacy/test_erasure_local.py checks), so every deleted or overwritten value
    was zeroed where it stood; and a VACUUM of a 2.4 GB folder would take minutes."""
    raw = folder.engine.raw_connection()
    try:
        cur = raw.cursor()
        if vacuum:
            cur.execute("PRAGMA secure_delete = ON")
            cur.execute("PRAGMA temp_store = MEMORY")  # VACUUM's temporary copy never reaches a file
            cur.execute("VACUUM")
        busy = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        cur.close()
        return int(busy)
    finally:
        raw.close()


def renew_backups(folder: DataFolder, backups: Path) -> tuple[int, Path | None]:
    """Delete every backup made before the erasure and take one fresh backup. Returns (deleted, new one)."""
    deleted = 0
    if backups.is_dir():
        for f in backups.iterdir():
            if f.is_file():
                f.unlink()
                deleted += 1
    if deleted == 0:
        return 0, None
    backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = backups / f"fieldapp-{head_revision()}-{stamp().replace(':', '').replace('-', '')}.db"
    tmp = target.with_suffix(".tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    raw = folder.engine.raw_connection()
    try:
        cipher_format.copy_into(raw.driver_connection, tmp)
    finally:
        raw.close()
    tmp.replace(target)
    return deleted, target


def purge_exports(folder_path: Path, participant_id: str, names: Sequence[str]) -> int:
    """Delete files in the exports folder that name the participant (in the file name or as text)."""
    exports = folder_path / EXPORTS_FOLDER
    if not exports.is_dir():
        return 0
    needles = [participant_id, *names]
    texts = [n.encode() for n in needles if n] + [n.encode("utf-16-le") for n in names if n]
    lowered = [n.lower() for n in needles if n] + [n.lower().replace(" ", "_") for n in names if n]
    # The subject access export names its files innsyn-<date>-<first 8 of the id>; its PDF is compressed, so
    # neither the name nor the id is in its bytes.
    lowered.append(f"-{participant_id[:8].lower()}.")
    gone = 0
    for f in exports.rglob("*"):
        if not f.is_file():
            continue
        hit = any(n in f.name.lower() for n in lowered)
        if not hit:
            data = f.read_bytes()
            hit = any(t in data for t in texts)
        if hit:
            f.unlink()
            gone += 1
    return gone


def erased_handles(folder: DataFolder) -> set[str]:
    with folder.read() as session:
        return {r[0] for r in session.connection().exec_driver_sql("SELECT handle FROM participant_erasure")}


def tombstones(folder: DataFolder, *, unsent_only: bool = False) -> list[Tombstone]:
    sql = ("SELECT handle, participant_id, erased_at, erased_by, device_id, reason_code, signature FROM participant_erasure"
           + (" WHERE sent = 0" if unsent_only else "") + " ORDER BY erased_at")
    with folder.read() as session:
        return [Tombstone(*r) for r in session.connection().exec_driver_sql(sql)]


def mark_sent(folder: DataFolder, handles: Sequence[str], signatures: dict[str, bytes],
              signers: dict[str, str] | None = None) -> None:
    """The tombstones are on the server, with the signature sent and the device that signed it (after a reset,
    this device under its new id signs tombstones another id had made: the row names the signer the server has)."""
    signers = signers or {}
    with folder.write() as session:
        conn = session.connection()
        for handle in handles:
            conn.exec_driver_sql("UPDATE participant_erasure SET sent = 1, signature = coalesce(?, signature),"
                                 " device_id = coalesce(?, device_id) WHERE handle = ?",
                                 (signatures.get(handle), signers.get(handle), handle))


def mark_unsent(folder: DataFolder, handle: str, device_id: str) -> bool:
    """Send this device's own tombstone again (a forged one held its place on the server). True if there is one."""
    with folder.write() as session:
        return bool(session.connection().exec_driver_sql(
            "UPDATE participant_erasure SET sent = 0 WHERE handle = ? AND device_id = ?", (handle, device_id)).rowcount)


def record_refused(folder: DataFolder, counts: dict[tuple[str, str], int], *, seq: int) -> None:
    """Note changes for erased participants that arrived in batch `seq` of their device and were dropped:
    (handle, from device) -> count. Once per batch: a pull cut before the batch was applied opens it again."""
    if not counts:
        return
    with folder.write() as session:
        conn = session.connection()
        for (handle, device), n in counts.items():
            log_event(conn, "late_change_refused", handle, device, None, n, batch_seq=seq)


@dataclass(frozen=True)
class LogRow:
    at: str
    event: str
    handle: str
    device_id: str
    reason_code: str | None
    count: int


def log_mark(folder: DataFolder) -> int:
    """The newest entry of the erasure log (0 when it is empty): it moves when an erasure happens here."""
    with folder.read() as session:
        return int(session.connection().exec_driver_sql("SELECT coalesce(max(id), 0) FROM erasure_log").scalar_one())


def erasure_log(folder: DataFolder) -> list[LogRow]:
    with folder.read() as session:
        return [LogRow(*r) for r in session.connection().exec_driver_sql(
            "SELECT at, event, handle, device_id, reason_code, count FROM erasure_log ORDER BY id")]


@dataclass(frozen=True)
class ErasureOutcome:
    local: LocalErasure
    checkpoint_busy: int
    backups_deleted: int
    new_backup: Path | None
    exports_deleted: int


def erase_participant(folder: DataFolder, tomb: Tombstone, *, event: str, sent: bool) -> ErasureOutcome:
    """Rows, free pages, WAL, backups and exports: everything of the participant on this device goes."""
    from fieldapp import paths

    local = erase_rows(folder, tomb, event=event, sent=sent)
    if local.already_erased and not any(local.rows.values()):
        return ErasureOutcome(local, 0, 0, None, 0)
    busy = compact(folder)
    deleted, fresh = renew_backups(folder, paths.backups_dir(folder.path))
    exports = purge_exports(folder.path, tomb.participant_id or tomb.handle, local.names)
    return ErasureOutcome(local, busy, deleted, fresh, exports)


def describe(folder: DataFolder, participant_id: str) -> tuple[str, dict[str, int]] | None:
    """(full name, rows per table) of what an erasure would delete; None for no such participant."""
    with folder.read() as session:
        conn = session.connection()
        person = conn.exec_driver_sql("SELECT first_name, last_name FROM participant WHERE id = ?",
                                      (participant_id,)).first()
        if person is None:
            return None
        owned = owned_records(conn, participant_id)
    return f"{person[0]} {person[1]}".strip(), {t: len(ids) for t, ids in owned.items()}
