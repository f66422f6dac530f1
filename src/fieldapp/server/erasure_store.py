"""The server's side of erasure: wrapped per-participant keys (deletable) and erasure tombstones.

An erasure physically deletes the participant's wrapped key in the same transaction that stores the
tombstone; a key uploaded for an erased participant afterwards (an offline device catching up) is refused.
A tombstone is stored only when the calling device signed it with the key it enrolled with: the first one
stored for a participant wins, so one nobody can verify must never take that place.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Row

from fieldapp.server import errors
from fieldapp.server.db import BUSY_TIMEOUT_MS, WRITE, erasures, shred_keys
from fieldapp.server.store import Caller, _lock_team, require_active, signing_key
from fieldapp.sync import identity
from fieldapp.sync.erasure_protocol import WireErasure, WireParticipantKey, erasure_message

log = logging.getLogger("fieldapp.server")


def keys_after(engine: Engine, caller: Caller, after: int, *, limit: int) -> tuple[list[WireParticipantKey], bool]:
    require_active(caller)
    with engine.begin() as conn:
        rows = conn.execute(select(shred_keys).where(and_(
            shred_keys.c.team_id == caller.team_id, shred_keys.c.cursor > after))
            .order_by(shred_keys.c.cursor).limit(limit + 1)).all()
    found = [WireParticipantKey(r.handle, r.key_id, r.wrapped, r.cursor) for r in rows[:limit]]
    return found, len(rows) > limit


def store_keys(engine: Engine, caller: Caller, items: list[WireParticipantKey]) -> tuple[list[WireParticipantKey],
                                                                                            list[str]]:
    """Keep the first key uploaded for each participant. Returns the keys held for the ids asked about, and
    which of them are erased (their keys are never stored again)."""
    require_active(caller)
    ids = sorted({k.handle for k in items})
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        _lock_team(conn, caller.team_id)  # one writer per team: two first uploads of one id cannot both win
        erased = set(conn.execute(select(erasures.c.handle).where(and_(
            erasures.c.team_id == caller.team_id, erasures.c.handle.in_(ids)))).scalars())
        held = {r.handle for r in conn.execute(select(shred_keys.c.handle).where(and_(
            shred_keys.c.team_id == caller.team_id, shred_keys.c.handle.in_(ids))))}
        new = [dict(team_id=caller.team_id, handle=k.handle, key_id=k.key_id, wrapped=k.wrapped,
                    created_by=caller.device_id, created_at=datetime.now(UTC))
               for k in items if k.handle not in erased and k.handle not in held]
        if new:
            conn.execute(insert(shred_keys), new)
        rows = conn.execute(select(shred_keys).where(and_(
            shred_keys.c.team_id == caller.team_id, shred_keys.c.handle.in_(ids)))).all()
    return [WireParticipantKey(r.handle, r.key_id, r.wrapped, r.cursor) for r in rows], sorted(erased)


def erase(engine: Engine, caller: Caller, items: list[WireErasure]) -> int:
    """Store tombstones and delete the participants' wrapped keys, in one transaction. Returns how many new.

    Refuses the whole request (nothing stored) when a tombstone names another device than the caller or its
    signature does not verify with the caller's enrolled key. A stored tombstone that does not verify (written
    before this check, or by someone with access to the database) gives way to a verified one."""
    require_active(caller)
    stored = 0
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        _lock_team(conn, caller.team_id)
        public = signing_key(conn, caller.device_id)
        for n, e in enumerate(items):
            if e.device_id != caller.device_id:
                raise errors.forbidden("erasure_not_yours", f"erasure {n}: made by device {e.device_id}, not by the"
                                       " calling device; a device sends only tombstones it signed itself")
            if public is None or not identity.verify(public, e.signature, erasure_message(caller.team_id, e)):
                raise errors.forbidden("erasure_bad_signature", f"erasure {n}: the signature does not verify with"
                                       " this device's enrolled key; nothing was stored")
        for e in items:
            conn.execute(delete(shred_keys).where(and_(
                shred_keys.c.team_id == caller.team_id, shred_keys.c.handle == e.handle)))
            known = conn.execute(select(erasures).where(and_(
                erasures.c.team_id == caller.team_id, erasures.c.handle == e.handle))).first()
            values = dict(erased_at=e.erased_at, device_id=e.device_id, reason_code=e.reason_code,
                          signature=e.signature, received_at=datetime.now(UTC))
            if known is None:
                conn.execute(insert(erasures).values(team_id=caller.team_id, handle=e.handle, **values))
                stored += 1
            elif not _verifies(conn, caller.team_id, known):
                # Under a new cursor, so devices that already read past the unverifiable one see this one.
                conn.execute(update(erasures).where(erasures.c.cursor == known.cursor)
                             .values(cursor=_next_cursor(conn), **values))
                stored += 1
    if engine.dialect.name == "sqlite":
        _empty_wal(engine)
    return stored


CHECKPOINT_WAIT_MS = 1000


def _empty_wal(engine: Engine) -> bool:
    """The WAL still holds earlier copies of the pages the keys were on: write the zeroed pages back and empty
    it. A reader still inside an older snapshot keeps those copies until it ends (the checkpoint waits for it
    a second): then it is logged, and the next checkpoint writes over them.
    True if emptied."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # None only for a closed connection
        raw.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")  # the erasure's answer waits no longer
        try:
            busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if busy:
        log.warning("after an erasure the WAL could not be emptied: a reader held an older snapshot; the erased "
                    "key's earlier page copies stay in server.db-wal until the next checkpoint")
    return not busy


def erasures_after(engine: Engine, caller: Caller, after: int, *, limit: int) -> tuple[list[WireErasure], bool]:
    require_active(caller)
    with engine.begin() as conn:
        rows = conn.execute(select(erasures).where(and_(
            erasures.c.team_id == caller.team_id, erasures.c.cursor > after))
            .order_by(erasures.c.cursor).limit(limit + 1)).all()
    found = [WireErasure(r.handle, r.erased_at, r.device_id, r.reason_code, r.signature, r.cursor)
             for r in rows[:limit]]
    return found, len(rows) > limit


def _verifies(conn: Connection, team_id: str, row: Row[Any]) -> bool:
    e = WireErasure(row.handle, row.erased_at, row.device_id, row.reason_code, bytes(row.signature))
    public = signing_key(conn, e.device_id)
    return public is not None and identity.verify(public, e.signature, erasure_message(team_id, e))


def _next_cursor(conn: Connection) -> int:
    if conn.dialect.name == "postgresql":  # from the column's own sequence, so later inserts never collide
        return int(conn.execute(text("SELECT nextval(pg_get_serial_sequence('erasures', 'cursor'))")).scalar_one())
    return int(conn.execute(select(func.coalesce(func.max(erasures.c.cursor), 0) + 1)).scalar_one())
