"""What the server does with a team's keys: key envelopes, key updates and approvals, recovery.

Plain synchronous functions over a SQLAlchemy engine; the app runs them in a thread pool.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Connection, Engine, and_, insert, select, update

from fieldapp.server import errors
from fieldapp.server.db import WRITE, devices, key_envelopes, teams
from fieldapp.server.store import Caller, _devices, _lock_team, _now, require_active
from fieldapp.sync.protocol import RECOVERY_RECIPIENT, KeyEnvelope, KeyUpdate


def my_envelopes(engine: Engine, caller: Caller) -> list[KeyEnvelope]:
    with engine.begin() as conn:
        rows = conn.execute(select(key_envelopes).where(and_(
            key_envelopes.c.team_id == caller.team_id, key_envelopes.c.recipient == caller.device_id))
            .order_by(key_envelopes.c.key_epoch)).all()
    return [KeyEnvelope(r.recipient, r.key_epoch, r.blob, r.created_by) for r in rows]


def recovery_envelope(engine: Engine, caller: Caller) -> KeyEnvelope:
    with engine.begin() as conn:
        row = conn.execute(select(key_envelopes).where(and_(
            key_envelopes.c.team_id == caller.team_id, key_envelopes.c.recipient == RECOVERY_RECIPIENT))
            .order_by(key_envelopes.c.key_epoch.desc()).limit(1)).first()
    if row is None:
        raise errors.not_found("the team has no recovery key yet")
    return KeyEnvelope(row.recipient, row.key_epoch, row.blob, row.created_by)


def _store_envelopes(conn: Connection, team_id: str, created_by: str, envelopes: tuple[KeyEnvelope, ...]) -> None:
    conn.execute(insert(key_envelopes), [
        dict(team_id=team_id, recipient=e.recipient, key_epoch=e.key_epoch, blob=e.blob, created_by=created_by,
             created_at=_now()) for e in envelopes])


def update_keys(engine: Engine, caller: Caller, upd: KeyUpdate, *, approve: str | None = None) -> int:
    """A new key bundle epoch, wrapped for exactly every active device and the recovery key: the team's first
    key (expected_epoch 0), a rotation (a new key id), a member list change (the same key id), or, with
    `approve`, the approval of that pending device (which gets an envelope and becomes active)."""
    require_active(caller)
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        team = _lock_team(conn, caller.team_id)
        if upd.expected_epoch != team.key_epoch:
            raise errors.conflict("epoch_changed", "the team's keys changed meanwhile; fetch them and retry",
                                  key_epoch=team.key_epoch)
        new_epoch: int = team.key_epoch + 1
        if any(e.key_epoch != new_epoch for e in upd.envelopes):
            raise errors.bad_request(f"every envelope must be for epoch {new_epoch}")
        active = {d.device_id for d in _devices(conn, caller.team_id, "active")}
        if approve is not None:
            row = conn.execute(select(devices.c.status).where(and_(
                devices.c.id == approve, devices.c.team_id == caller.team_id))).first()
            if row is None:
                raise errors.not_found("no such device in this team")
            if row.status != "pending":
                raise errors.conflict("not_pending", f"the device is {row.status}, not pending")
            if upd.key_id != team.current_key_id:
                raise errors.conflict("epoch_changed", "an approval keeps the current key",
                                      key_epoch=team.key_epoch)
            active.add(approve)
        recipients = [e.recipient for e in upd.envelopes]
        if len(set(recipients)) != len(recipients) or set(recipients) != active | {RECOVERY_RECIPIENT}:
            raise errors.conflict("members_changed",
                                  "envelopes must be exactly one per active device plus the recovery key",
                                  active=sorted(active))
        values: dict[str, object] = dict(key_epoch=new_epoch, current_key_id=upd.key_id)
        if upd.key_id != team.current_key_id:
            values["rotation_needed"] = False  # only a new key ends what a revocation started
        if team.key_epoch == 0:
            if upd.recovery_auth_hash is None:
                raise errors.bad_request("the first key needs recovery_auth_hash")
            values["recovery_auth_hash"] = upd.recovery_auth_hash
        _store_envelopes(conn, caller.team_id, caller.device_id, upd.envelopes)
        conn.execute(update(teams).where(teams.c.id == caller.team_id).values(**values))
        if approve is not None:
            conn.execute(update(devices).where(devices.c.id == approve).values(status="active"))
    return new_epoch


def approve(engine: Engine, caller: Caller, device_id: str, upd: KeyUpdate) -> int:
    return update_keys(engine, caller, upd, approve=device_id)


def recover(engine: Engine, caller: Caller, auth: bytes) -> None:
    """A pending device that proves it holds the recovery key becomes active without another member."""
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        team = _lock_team(conn, caller.team_id)
        if team.recovery_auth_hash is None or not secrets.compare_digest(
                team.recovery_auth_hash, hashlib.sha256(auth).hexdigest()):
            raise errors.forbidden("bad_recovery_key", "the recovery key does not match this team")
        conn.execute(update(devices).where(devices.c.id == caller.device_id).values(status="active"))
        # The device then adds itself to the member list with a key update of its own (engine._recover).
