"""What the server does with a team's batches: pushes stored in cursor order and pulls paged by size.

Plain synchronous functions over a SQLAlchemy engine; the app runs them in a thread pool.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import Row

from fieldapp.server import errors
from fieldapp.server.db import WRITE, batches
from fieldapp.server.store import Caller, _lock_team, _now, _status, require_active, signing_key
from fieldapp.sync import batch_signature
from fieldapp.sync.protocol import Accepted, PullPage, WireBatch

# The statements every sync runs, written once: building Core statements per request costs more than running them.
_LAST_SEQ = text("SELECT max(seq) FROM batches WHERE team_id = :team AND device_id = :device")
_STORED = text("SELECT digest, cursor FROM batches WHERE team_id = :team AND device_id = :device AND seq = :seq")
_NEXT_CURSOR = text("UPDATE teams SET next_cursor = :next WHERE id = :team")
# A page is chosen by size first (no blobs read), then only the chosen blobs are loaded.
_PAGE_SIZES = text("SELECT cursor, size FROM batches WHERE team_id = :team AND cursor > :after"
                   " ORDER BY cursor LIMIT :limit")
_PAGE = text("SELECT cursor, device_id, seq, key_id, blob FROM batches WHERE team_id = :team AND cursor > :after"
             " AND cursor <= :last ORDER BY cursor")


def push(engine: Engine, caller: Caller, items: tuple[WireBatch, ...]) -> tuple[list[Accepted], errors.ApiError | None]:
    """Store batches in order; stop at the first one refused. Returns what was stored and the refusal.

    Idempotent: a batch already stored with the same bytes is acknowledged again (same cursor). The
    team row stays locked until commit, so cursor n+1 can never become visible before cursor n:
    a reader paging by cursor never skips a change that commits late.
    """
    require_active(caller)
    for b in items:
        if b.device_id != caller.device_id:
            raise errors.forbidden("wrong_device", "a device may push only its own batches")
    accepted: list[Accepted] = []
    refusal: errors.ApiError | None = None
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        team = _lock_team(conn, caller.team_id)
        public = signing_key(conn, caller.device_id)
        next_cursor = team.next_cursor
        where = {"team": caller.team_id, "device": caller.device_id}
        last_seq = conn.execute(_LAST_SEQ, where).scalar_one() or 0
        rows = []
        for b in items:
            digest = hashlib.sha256(b.key_id.encode() + b"\0" + b.blob).hexdigest()
            if b.seq <= last_seq:
                old = conn.execute(_STORED, {**where, "seq": b.seq}).first()
                if old is not None and old.digest == digest:
                    accepted.append(Accepted(b.seq, old.cursor, True))
                    continue
                refusal = errors.conflict(
                    "batch_differs", f"batch {b.seq} of this device is already stored with different content",
                    seq=b.seq)
                break
            if b.seq != last_seq + 1:
                refusal = errors.conflict("seq_gap", f"batch {b.seq} pushed before batch {last_seq + 1}",
                                          seq=b.seq, expected=last_seq + 1)
                break
            if b.key_id != team.current_key_id:
                refusal = errors.conflict("stale_key", "the team's data key has changed; fetch it and re-encrypt",
                                          seq=b.seq, current_key_id=team.current_key_id)
                break
            # Checked here too, not only by the devices that pull it: stored and acknowledged, a batch whose
            # signature nobody admits would be deleted from its device's outbox, its changes lost. After the key
            # check, so a stale batch (sealed again anyway) is not hashed. None: a release without the key.
            if public is not None and not batch_signature.signature_ok(
                    public, b.blob, team_id=caller.team_id, device_id=b.device_id, seq=b.seq, key_id=b.key_id):
                refusal = errors.conflict(
                    "batch_bad_signature", f"batch {b.seq} is not signed with this device's enrolled key; nothing "
                    "of it was stored", seq=b.seq)
                break
            rows.append(dict(team_id=caller.team_id, cursor=next_cursor, device_id=b.device_id, seq=b.seq,
                             key_id=b.key_id, size=len(b.blob), digest=digest, blob=b.blob, created_at=_now()))
            accepted.append(Accepted(b.seq, next_cursor, False))
            next_cursor += 1
            last_seq = b.seq
        if rows:
            conn.execute(insert(batches), rows)
            conn.execute(_NEXT_CURSOR, {"next": next_cursor, "team": caller.team_id})
    return accepted, refusal


def pull(engine: Engine, caller: Caller, after: int, *, limit: int, max_bytes: int) -> PullPage:
    """Up to `limit` batches after the cursor and at most max_bytes of ciphertext (always at least one batch).
    The sizes are read first and only the chosen blobs loaded, so a page never costs more than that."""
    require_active(caller)
    with engine.begin() as conn:
        # The team's status rides along, so a sync needs no separate status request.
        team_status = _status(conn, caller)
        sizes = conn.execute(_PAGE_SIZES, {"team": caller.team_id, "after": after, "limit": limit + 1}).all()
        chosen, total = 0, 0
        for r in sizes[:limit]:
            if chosen and total + r.size > max_bytes:
                break
            chosen += 1
            total += r.size
        rows: Sequence[Row[Any]] = []
        if chosen:
            # Cursors up to one already seen are all committed (see push), so this range is what was measured.
            rows = conn.execute(_PAGE, {"team": caller.team_id, "after": after,
                                        "last": sizes[chosen - 1].cursor}).all()
    out = [WireBatch(r.device_id, r.seq, r.key_id, r.blob, r.cursor) for r in rows]
    has_more = len(sizes) > chosen
    last = out[-1].cursor if out else None
    return PullPage(tuple(out), after if last is None else last, has_more, team_status)


