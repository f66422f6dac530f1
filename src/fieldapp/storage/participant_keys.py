"""The per-participant data keys kept on this device (in the encrypted database), and which reached the server."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from fieldapp.domain.erasure import participant_handle
from fieldapp.storage.datafolder import DataFolder


def missing_keys(folder: DataFolder) -> list[tuple[str, bytes]]:
    """Make a key for every participant that has none; return (handle, key) of every key not yet uploaded."""
    with folder.read() as session:  # the usual case, every participant has a key, without a write transaction
        conn = session.connection()
        known = {r[0] for r in conn.exec_driver_sql("SELECT handle FROM participant_key")}
        new = [(participant_handle(pid), pid) for (pid,) in conn.exec_driver_sql("SELECT id FROM participant")]
        if all(h in known for h, _ in new):
            return _unuploaded(conn)
    with folder.write() as session:
        conn = session.connection()
        known = {r[0] for r in conn.exec_driver_sql("SELECT handle FROM participant_key")}
        new = [(participant_handle(pid), pid) for (pid,) in conn.exec_driver_sql("SELECT id FROM participant")]
        new = [(h, pid) for h, pid in new if h not in known]
        if new:
            conn.exec_driver_sql("INSERT INTO participant_key (handle, participant_id, key, uploaded) VALUES (?, ?, ?, 0)",
                                 [(h, pid, secrets.token_bytes(32)) for h, pid in new])
        return _unuploaded(conn)


def _unuploaded(conn: Any) -> list[tuple[str, bytes]]:
    return [(h, bytes(key)) for h, key in conn.exec_driver_sql(
        "SELECT handle, key FROM participant_key WHERE uploaded = 0 ORDER BY handle")]


def keep(folder: DataFolder, found: Sequence[tuple[str, bytes]], *, uploaded: bool = True) -> None:
    """Store (handle, key) pairs the server holds: they win over a local one (the first uploaded is everyone's)."""
    if not found:
        return
    with folder.read() as session:
        # Most often the keys this device uploaded itself, coming back: already held as they are, no write.
        held = {h: (bytes(key), flag) for h, key, flag in session.connection().exec_driver_sql(
            "SELECT handle, key, uploaded FROM participant_key")}
    found = [(h, key) for h, key in found if held.get(h) != (key, int(uploaded))]
    if not found:
        return
    with folder.write() as session:
        conn = session.connection()
        erased = {r[0] for r in conn.exec_driver_sql("SELECT handle FROM participant_erasure")}
        rows = [(h, key, int(uploaded)) for h, key in found if h not in erased]
        if rows:
            conn.exec_driver_sql(
                "INSERT INTO participant_key (handle, key, uploaded) VALUES (?, ?, ?)"
                " ON CONFLICT (handle) DO UPDATE SET key = excluded.key, uploaded = excluded.uploaded", rows)


def keys_by_handle(folder: DataFolder) -> dict[str, bytes]:
    with folder.read() as session:
        return {h: bytes(key) for h, key in session.connection().exec_driver_sql(
            "SELECT handle, key FROM participant_key")}


def record_owners(folder: DataFolder, changes: Sequence[tuple[str, str, str, object, int]]) -> dict[tuple[str, str], str]:
    """(entity, id) -> participant id for every change whose record belongs to a participant."""
    from fieldapp.storage.erasure import owners

    by_entity: dict[str, set[str]] = {}
    for entity, entity_id, *_ in changes:
        by_entity.setdefault(entity, set()).add(entity_id)
    out: dict[tuple[str, str], str] = {}
    with folder.read() as session:
        conn = session.connection()
        for entity, ids in by_entity.items():
            for rid, pid in owners(conn, entity, sorted(ids)).items():
                out[(entity, rid)] = pid
    return out


def read_cursor(folder: DataFolder, name: str) -> int:
    """How far this device has read one of the server's erasure lists (participant keys, tombstones)."""
    with folder.read() as session:
        value = session.connection().exec_driver_sql("SELECT value FROM meta WHERE key = ?", (name,)).scalar()
    return int(value) if value else 0


def save_cursor(folder: DataFolder, name: str, value: int) -> None:
    with folder.write() as session:
        session.connection().exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                             (name, str(value)))
