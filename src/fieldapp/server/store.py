"""What the server does with teams, devices and enrollment (batches: batch_store.py; keys: key_store.py).

Plain synchronous functions over a SQLAlchemy engine; the app runs them in a thread pool.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection, DateTime, Engine, String, and_, bindparam, func, insert, or_, select, text, update,
)
from sqlalchemy.engine import Row
from sqlalchemy.exc import OperationalError

from fieldapp.server import errors
from fieldapp.server.db import WRITE, devices, enrollment_codes, teams
from fieldapp.sync import identity
from fieldapp.sync.protocol import DeviceInfo, EnrollRequest, EnrollResponse, Status

log = logging.getLogger("fieldapp.server")

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"

# The statements every sync runs, written once: building Core statements per request costs more than running them.
_TEAM = ("SELECT id, name, history_id, next_cursor, key_epoch, current_key_id, rotation_needed, recovery_auth_hash"
         " FROM teams WHERE id = :team")
# A device is known by its current token, or by the one before a rotation until the new one is first used
# (so a rotation whose answer was lost never locks the device out).
_AUTH = text("SELECT id, team_id, status, last_seen_at, token_hash, previous_token_hash FROM devices"
             " WHERE token_hash = :h UNION ALL"
             " SELECT id, team_id, status, last_seen_at, token_hash, previous_token_hash FROM devices"
             " WHERE previous_token_hash = :h").columns(
    id=String, team_id=String, status=String, last_seen_at=DateTime(timezone=True), token_hash=String,
    previous_token_hash=String)
_FORGET_PREVIOUS = text("UPDATE devices SET previous_token_hash = NULL WHERE id = :device AND token_hash = :h")
# "Last seen" is written at most once per this interval per device, not on every request.
LAST_SEEN_EVERY = timedelta(seconds=60)
_SEEN = (update(devices).where(devices.c.id == bindparam("device"),
                               or_(devices.c.last_seen_at.is_(None), devices.c.last_seen_at <= bindparam("stale")))
         .values(last_seen_at=bindparam("now")))
_TEAM_READ = text(_TEAM)
_TEAM_LOCK_PG = text(_TEAM + " FOR UPDATE")
_USE_CODE = (update(enrollment_codes)
             .where(enrollment_codes.c.code_hash == bindparam("h"), enrollment_codes.c.used_at.is_(None))
             .values(used_at=bindparam("now"), used_by=bindparam("device")))


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class UnknownTeam(LookupError):
    pass


class UnknownDevice(LookupError):
    pass


# Admin -------------------------------------------------------------------------------------------------

def create_team(engine: Engine, name: str) -> str:
    name = name.strip()
    if not name or len(name) > 200:
        raise ValueError("a team name has 1 to 200 characters")
    team_id = str(uuid.uuid4())
    with engine.begin() as conn:
        conn.execute(insert(teams).values(
            id=team_id, name=name, history_id=str(uuid.uuid4()), created_at=_now(), next_cursor=1, key_epoch=0,
            current_key_id=None, rotation_needed=False, recovery_auth_hash=None))
    return team_id


def _require_team(conn: Connection, team_id: str) -> None:
    if conn.execute(select(teams.c.id).where(teams.c.id == team_id)).first() is None:
        raise UnknownTeam(team_id)


def enrollment_code(engine: Engine, team_id: str, *, ttl_s: int) -> tuple[str, datetime]:
    """A one-time code (60 bits, shown as XXXX-XXXX-XXXX) valid for ttl_s seconds; only its hash is kept."""
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    expires = _now() + timedelta(seconds=ttl_s)
    with engine.begin() as conn:
        _require_team(conn, team_id)
        conn.execute(insert(enrollment_codes).values(code_hash=_hash(code), team_id=team_id, expires_at=expires))
    return f"{code[:4]}-{code[4:8]}-{code[8:]}", expires


def list_devices(engine: Engine, team_id: str) -> list[DeviceInfo]:
    with engine.begin() as conn:
        _require_team(conn, team_id)
        return _devices(conn, team_id)


def _devices(conn: Connection, team_id: str, status: str | None = None) -> list[DeviceInfo]:
    stmt = select(devices).where(devices.c.team_id == team_id).order_by(devices.c.created_at, devices.c.id)
    if status:
        stmt = stmt.where(devices.c.status == status)
    return [DeviceInfo(r.id, r.name, r.status, r.public_key, _iso(r.created_at),
                       None if r.last_seen_at is None else _iso(r.last_seen_at)) for r in conn.execute(stmt)]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite hands back naive datetimes


def _iso(value: datetime) -> str:
    if value.tzinfo is None:  # SQLite hands back naive datetimes
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def revoke_device(engine: Engine, device_id: str) -> str:
    """Revoke at once (the next request gets 401) and mark the team's data key for rotation."""
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        row = conn.execute(select(devices.c.team_id, devices.c.status).where(devices.c.id == device_id)).first()
        if row is None:
            raise UnknownDevice(device_id)
        _lock_team(conn, row.team_id)
        if row.status != "revoked":
            conn.execute(update(devices).where(devices.c.id == device_id).values(status="revoked", revoked_at=_now()))
            conn.execute(update(teams).where(teams.c.id == row.team_id).values(rotation_needed=True))
        team_id: str = row.team_id
        return team_id


def signing_key(conn: Connection, device_id: str) -> bytes | None:
    """The Ed25519 key the device enrolled with; None for a device of a release without one."""
    row = conn.execute(select(devices.c.public_key).where(devices.c.id == device_id)).first()
    pair = identity.split_device_keys(bytes(row.public_key)) if row is not None else None
    return pair[1] if pair is not None else None


def _lock_team(conn: Connection, team_id: str) -> Row[Any]:
    # FOR UPDATE on PostgreSQL serialises every writer of this team until commit; SQLite has one writer anyway.
    stmt = _TEAM_LOCK_PG if conn.dialect.name == "postgresql" else _TEAM_READ
    row = conn.execute(stmt, {"team": team_id}).first()
    if row is None:
        raise errors.not_found("no such team")
    return row


# Devices -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Caller:
    device_id: str
    team_id: str
    status: str
    token_hash: str = ""  # of the token this request presented


def authenticate(engine: Engine, token: str) -> Caller:
    presented = _hash(token)
    with engine.begin() as conn:
        row = conn.execute(_AUTH, {"h": presented}).first()
    if row is None or row.status == "revoked":
        raise errors.unauthorised()
    if row.previous_token_hash is not None and row.token_hash == presented:
        _forget_previous(engine, row.id, presented)
    now = _now()
    if row.last_seen_at is None or _aware(row.last_seen_at) <= now - LAST_SEEN_EVERY:
        _mark_seen(engine, row.id, now)
    return Caller(row.id, row.team_id, row.status, presented)


def _forget_previous(engine: Engine, device_id: str, current: str) -> None:
    """The device uses its new token: the old one stops working. Best effort, like "last seen"."""
    try:
        with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
            conn.execute(_FORGET_PREVIOUS, {"device": device_id, "h": current})
    except OperationalError as exc:
        log.info("old token of %s not yet forgotten (%s)", device_id, type(exc.orig).__name__)


def rotate_token(engine: Engine, caller: Caller) -> str:
    """A new token for the calling device. The token it presented keeps working until the new one is first
    used, so a lost answer is harmless; every other earlier token stops working at once."""
    require_active(caller)
    token = secrets.token_urlsafe(32)
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        done = conn.execute(update(devices).where(and_(
            devices.c.id == caller.device_id, devices.c.status == "active",
            or_(devices.c.token_hash == caller.token_hash, devices.c.previous_token_hash == caller.token_hash)))
            .values(token_hash=_hash(token), previous_token_hash=caller.token_hash))
        if done.rowcount != 1:
            raise errors.unauthorised()
    return token


def _mark_seen(engine: Engine, device_id: str, now: datetime) -> None:
    """Best effort: a busy database never fails a request over its "last seen" time."""
    try:
        with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
            conn.execute(_SEEN, {"now": now, "device": device_id, "stale": now - LAST_SEEN_EVERY})
    except OperationalError as exc:
        log.info("last seen of %s not recorded (%s)", device_id, type(exc.orig).__name__)


def check_code(engine: Engine, code: str) -> None:
    """Refuse an unknown, used or expired code before the request body is read (the code comes in a header)."""
    with engine.begin() as conn:
        row = conn.execute(select(enrollment_codes).where(
            enrollment_codes.c.code_hash == _hash(normalise_code(code)))).first()
    _refuse_code(row)


def _refuse_code(row: Row[Any] | None) -> Row[Any]:
    """The code's row, when it may still be used."""
    if row is None or row.used_at is not None:
        raise errors.forbidden("bad_code", "unknown or already used enrollment code")
    if _aware(row.expires_at) < _now():
        raise errors.forbidden("code_expired", "the enrollment code has expired; ask for a new one")
    return row


def enroll(engine: Engine, req: EnrollRequest) -> EnrollResponse:
    code_hash = _hash(normalise_code(req.code))
    token = secrets.token_urlsafe(32)  # 256 bits; only its hash is stored
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        code = conn.execute(select(enrollment_codes).where(enrollment_codes.c.code_hash == code_hash)).first()
        code = _refuse_code(code)
        team = _lock_team(conn, code.team_id)
        # Used only if still unused, in one statement under the team lock: of two devices racing with one code,
        # exactly one gets it (on PostgreSQL both may have read it unused above).
        now = _now()
        if conn.execute(_USE_CODE, {"now": now, "device": req.device_id, "h": code_hash}).rowcount != 1:
            raise errors.forbidden("bad_code", "unknown or already used enrollment code")
        if conn.execute(select(devices.c.id).where(devices.c.id == req.device_id)).first() is not None:
            raise errors.conflict("device_exists", "a device with this id is already enrolled")
        has_members = conn.execute(select(func.count()).select_from(devices).where(
            and_(devices.c.team_id == team.id, devices.c.status == "active"))).scalar_one()
        # The very first device of a team (no key yet) is trusted by the enrollment code alone.
        status = "active" if not has_members and team.key_epoch == 0 else "pending"
        conn.execute(insert(devices).values(id=req.device_id, team_id=team.id, name=req.name,
                                            public_key=req.public_key, token_hash=_hash(token), status=status,
                                            created_at=now))
    return EnrollResponse(team.id, team.name, team.history_id, token, status)


def status(engine: Engine, caller: Caller) -> Status:
    with engine.begin() as conn:
        return _status(conn, caller)


def _status(conn: Connection, caller: Caller) -> Status:
    team = conn.execute(_TEAM_READ, {"team": caller.team_id}).one()
    # The member list is what a rotation wraps the new key for; only sent when one is due.
    active = _devices(conn, caller.team_id, "active") if team.rotation_needed else []
    return Status(team.id, team.history_id, caller.device_id, caller.status, team.key_epoch, team.current_key_id,
                  bool(team.rotation_needed), team.next_cursor - 1, active_devices=tuple(active))


def require_active(caller: Caller) -> None:
    if caller.status != "active":
        raise errors.forbidden("awaiting_approval",
                               "this device waits for approval by a member device (fieldapp devices approve)")


def team_devices(engine: Engine, caller: Caller) -> list[DeviceInfo]:
    require_active(caller)
    with engine.begin() as conn:
        return _devices(conn, caller.team_id)


def revoke_by_member(engine: Engine, caller: Caller, device_id: str) -> None:
    """A member device revokes another device of its team (a lost laptop), as `device revoke` does."""
    require_active(caller)
    with engine.begin() as conn:
        team = conn.execute(select(devices.c.team_id).where(devices.c.id == device_id)).scalar()
    if team != caller.team_id:
        raise errors.not_found("no such device in this team")
    revoke_device(engine, device_id)
