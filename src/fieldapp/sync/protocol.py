"""The versioned JSON wire format shared by the device and the server (plain dataclasses, strict parsing).

Everything the server sees is here: routing metadata and opaque ciphertext. Parsing never trusts its
input: a wrong type, a missing key or an out-of-range value raises ProtocolError, which the server turns
into a 400 and the client into a sync error. Unknown keys are ignored, so a newer peer may add fields.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any

import pybase64

# 2: signed key bundles and batches (a device's public key is X25519 || Ed25519, 64 bytes).
# 3: erasure: each participant's changes inside a batch under their own key, erasure tombstones (docs/sync.md).
PROTOCOL_VERSION = 3
# The oldest client protocol the server still serves; older ones are told to update (426). Protocol 2
# clients would send participants under the team key alone and ignore erasures: erasure could not reach them.
MIN_PROTOCOL_VERSION = 3
HEADER = "Fieldapp-Protocol"
# The enrollment code, sent in a header as well as in the body, so a server can refuse a stranger unread.
ENROLL_CODE_HEADER = "Fieldapp-Enrollment-Code"

MAX_SEQ = (1 << 62)
MAX_CURSOR = (1 << 62)

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
RECOVERY_RECIPIENT = "recovery"


class ProtocolError(ValueError):
    """A message that does not follow the wire format (the text is safe to show to the sender)."""


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, what: str, *, max_len: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ProtocolError(f"{what}: expected base64 text")
    if max_len is not None and len(text) > (max_len * 4 // 3 + 4):
        raise ProtocolError(f"{what}: too long")
    try:
        # pybase64: the strict decoding of base64.b64decode(validate=True), a dozen times as fast (SIMD); a pull
        # decodes every batch's blob here (BENCHMARKS.md, 2026-12-04 21:25 UTC). It also refuses padding after a
        # whole group ("0000="), which CPython's strict decoder took until 3.13 (a bug, gh-118314) and no encoder
        # writes (tests/sync/test_base64_strict.py).
        return pybase64.b64decode(text, validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise ProtocolError(f"{what}: not valid base64") from exc


def _obj(data: object, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProtocolError(f"{what}: expected a JSON object")
    return data


def _get(d: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
    if key not in d or d[key] is None:
        if optional:
            return None
        raise ProtocolError(f"{what}.{key}: missing")
    value = d[key]
    if isinstance(value, bool) and kind is not bool:
        raise ProtocolError(f"{what}.{key}: wrong type")
    if not isinstance(value, kind):
        raise ProtocolError(f"{what}.{key}: wrong type")
    return value


def _int(d: dict[str, Any], key: str, what: str, *, lo: int = 0, hi: int = MAX_SEQ, optional: bool = False) -> Any:
    value = _get(d, key, int, what, optional=optional)
    if value is not None and not lo <= value <= hi:
        raise ProtocolError(f"{what}.{key}: out of range")
    return value


def _str(d: dict[str, Any], key: str, what: str, *, max_len: int = 200, pattern: re.Pattern[str] | None = None,
         optional: bool = False) -> Any:
    value = _get(d, key, str, what, optional=optional)
    if value is None:
        return None
    if (len(value) > max_len or (pattern is not None and not pattern.fullmatch(value))
            or any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in value)):
        raise ProtocolError(f"{what}.{key}: not a valid value")
    return value


def uuid_text(value: object, what: str) -> str:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise ProtocolError(f"{what}: not a lowercase UUID")
    return value


def check_key_id(value: object, what: str = "key_id") -> str:
    if not isinstance(value, str) or not _KEY_ID.fullmatch(value):
        raise ProtocolError(f"{what}: not a key id (16 hex digits)")
    return value


@dataclass(frozen=True)
class WireBatch:
    """One encrypted change batch: `blob` is nonce || AES-GCM ciphertext, opaque to the server."""

    device_id: str
    seq: int
    key_id: str
    blob: bytes
    cursor: int | None = None  # assigned by the server when stored

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"device_id": self.device_id, "seq": self.seq, "key_id": self.key_id,
                               "blob": b64e(self.blob)}
        if self.cursor is not None:
            out["cursor"] = self.cursor
        return out

    @classmethod
    def from_json(cls, data: object, *, max_blob: int, what: str = "batch") -> WireBatch:
        d = _obj(data, what)
        return cls(
            device_id=uuid_text(d.get("device_id"), f"{what}.device_id"),
            seq=_int(d, "seq", what, lo=1),
            key_id=check_key_id(d.get("key_id"), f"{what}.key_id"),
            blob=_blob(d, max_blob, what),
            cursor=_int(d, "cursor", what, lo=1, hi=MAX_CURSOR, optional=True),
        )


def _blob(d: dict[str, Any], max_blob: int, what: str) -> bytes:
    blob = b64d(d.get("blob"), f"{what}.blob", max_len=max_blob)
    if len(blob) > max_blob:
        raise ProtocolError(f"{what}.blob: larger than {max_blob} bytes")
    if len(blob) < 12 + 16:
        raise ProtocolError(f"{what}.blob: too short to be a ciphertext")
    return blob


@dataclass(frozen=True)
class PushRequest:
    batches: tuple[WireBatch, ...]

    def to_json(self) -> dict[str, Any]:
        return {"batches": [b.to_json() for b in self.batches]}

    @classmethod
    def from_json(cls, data: object, *, max_blob: int, max_batches: int) -> PushRequest:
        d = _obj(data, "push")
        items = _get(d, "batches", list, "push")
        if not items or len(items) > max_batches:
            raise ProtocolError(f"push.batches: between 1 and {max_batches} batches")
        return cls(tuple(WireBatch.from_json(b, max_blob=max_blob, what=f"push.batches[{i}]")
                         for i, b in enumerate(items)))


@dataclass(frozen=True)
class Accepted:
    seq: int
    cursor: int
    duplicate: bool

    @classmethod
    def from_json(cls, data: object) -> Accepted:
        d = _obj(data, "accepted")
        return cls(_int(d, "seq", "accepted", lo=1), _int(d, "cursor", "accepted", lo=1, hi=MAX_CURSOR),
                   bool(_get(d, "duplicate", bool, "accepted")))

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "cursor": self.cursor, "duplicate": self.duplicate}


@dataclass(frozen=True)
class PullPage:
    batches: tuple[WireBatch, ...]
    next_cursor: int
    has_more: bool
    status: Status | None = None  # the team's status at the time of the page (servers since protocol 1)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"batches": [b.to_json() for b in self.batches], "next_cursor": self.next_cursor,
                               "has_more": self.has_more}
        if self.status is not None:
            out["status"] = self.status.to_json()
        return out

    @classmethod
    def from_json(cls, data: object, *, max_blob: int) -> PullPage:
        d = _obj(data, "pull")
        items = _get(d, "batches", list, "pull")
        batches = tuple(WireBatch.from_json(b, max_blob=max_blob, what="pull.batch") for b in items)
        if any(b.cursor is None for b in batches):
            raise ProtocolError("pull.batch: cursor missing")
        status = Status.from_json(d["status"]) if d.get("status") is not None else None
        return cls(batches, _int(d, "next_cursor", "pull", hi=MAX_CURSOR), bool(_get(d, "has_more", bool, "pull")),
                   status)


@dataclass(frozen=True)
class EnrollRequest:
    code: str
    device_id: str
    name: str
    public_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "device_id": self.device_id, "name": self.name,
                "public_key": b64e(self.public_key)}

    @classmethod
    def from_json(cls, data: object) -> EnrollRequest:
        d = _obj(data, "enroll")
        pub = b64d(d.get("public_key"), "enroll.public_key", max_len=64)
        # Opaque to the server: 32 bytes (X25519 only) or 64 (X25519 and the Ed25519 signing key); members
        # refuse to approve a device without a signing key.
        if len(pub) not in (32, 64):
            raise ProtocolError("enroll.public_key: 32 or 64 bytes of public keys")
        return cls(code=_str(d, "code", "enroll", max_len=40), device_id=uuid_text(d.get("device_id"), "enroll.device_id"),
                   name=_str(d, "name", "enroll", max_len=200), public_key=pub)


@dataclass(frozen=True)
class EnrollResponse:
    team_id: str
    team_name: str
    history_id: str
    token: str
    status: str  # "active" (first device of the team) or "pending" (waits for approval)

    def to_json(self) -> dict[str, Any]:
        return {"team_id": self.team_id, "team_name": self.team_name, "history_id": self.history_id,
                "token": self.token, "status": self.status}

    @classmethod
    def from_json(cls, data: object) -> EnrollResponse:
        d = _obj(data, "enrolled")
        return cls(uuid_text(d.get("team_id"), "team_id"), _str(d, "team_name", "enrolled"),
                   uuid_text(d.get("history_id"), "history_id"), _str(d, "token", "enrolled", max_len=100),
                   _str(d, "status", "enrolled", max_len=20))


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    status: str  # pending | active | revoked
    public_key: bytes
    created_at: str
    last_seen_at: str | None = None  # optional: servers before it do not send it

    def to_json(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "name": self.name, "status": self.status,
                "public_key": b64e(self.public_key), "created_at": self.created_at, "last_seen_at": self.last_seen_at}

    @classmethod
    def from_json(cls, data: object) -> DeviceInfo:
        d = _obj(data, "device")
        return cls(uuid_text(d.get("device_id"), "device.device_id"), _str(d, "name", "device"),
                   _str(d, "status", "device", max_len=20), b64d(d.get("public_key"), "device.public_key", max_len=64),
                   _str(d, "created_at", "device", max_len=40),
                   _str(d, "last_seen_at", "device", max_len=40, optional=True))


@dataclass(frozen=True)
class Status:
    team_id: str
    history_id: str
    device_id: str
    device_status: str
    key_epoch: int
    current_key_id: str | None
    rotation_needed: bool
    max_cursor: int
    protocol: int = PROTOCOL_VERSION
    active_devices: tuple[DeviceInfo, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {"team_id": self.team_id, "history_id": self.history_id, "device_id": self.device_id,
                "device_status": self.device_status, "key_epoch": self.key_epoch,
                "current_key_id": self.current_key_id, "rotation_needed": self.rotation_needed,
                "max_cursor": self.max_cursor, "protocol": self.protocol,
                "active_devices": [d.to_json() for d in self.active_devices]}

    @classmethod
    def from_json(cls, data: object) -> Status:
        d = _obj(data, "status")
        key_id = d.get("current_key_id")
        return cls(
            uuid_text(d.get("team_id"), "team_id"), uuid_text(d.get("history_id"), "history_id"),
            uuid_text(d.get("device_id"), "device_id"), _str(d, "device_status", "status", max_len=20),
            _int(d, "key_epoch", "status"), None if key_id is None else check_key_id(key_id),
            bool(_get(d, "rotation_needed", bool, "status")), _int(d, "max_cursor", "status", hi=MAX_CURSOR),
            _int(d, "protocol", "status", hi=1000),
            tuple(DeviceInfo.from_json(x) for x in _get(d, "active_devices", list, "status")),
        )


@dataclass(frozen=True)
class KeyEnvelope:
    """A key bundle wrapped for one recipient (a device's X25519 key, or the team's recovery key)."""

    recipient: str
    key_epoch: int
    blob: bytes
    created_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"recipient": self.recipient, "key_epoch": self.key_epoch, "blob": b64e(self.blob),
                "created_by": self.created_by}

    @classmethod
    def from_json(cls, data: object, what: str = "envelope") -> KeyEnvelope:
        d = _obj(data, what)
        recipient = d.get("recipient")
        if recipient != RECOVERY_RECIPIENT:
            recipient = uuid_text(recipient, f"{what}.recipient")
        blob = b64d(d.get("blob"), f"{what}.blob", max_len=64 * 1024)
        if not 60 <= len(blob) <= 64 * 1024:
            raise ProtocolError(f"{what}.blob: wrong size")
        created_by = d.get("created_by")
        return cls(recipient, _int(d, "key_epoch", what, lo=1), blob,
                   None if created_by is None else uuid_text(created_by, f"{what}.created_by"))


@dataclass(frozen=True)
class KeyUpdate:
    """First key of a team (expected_epoch 0) or a rotation: the new key id and its envelopes."""

    expected_epoch: int
    key_id: str
    envelopes: tuple[KeyEnvelope, ...]
    recovery_auth_hash: str | None = None  # only with the first key

    def to_json(self) -> dict[str, Any]:
        return {"expected_epoch": self.expected_epoch, "key_id": self.key_id,
                "envelopes": [e.to_json() for e in self.envelopes], "recovery_auth_hash": self.recovery_auth_hash}

    @classmethod
    def from_json(cls, data: object) -> KeyUpdate:
        d = _obj(data, "keys")
        items = _get(d, "envelopes", list, "keys")
        if not 1 <= len(items) <= 1000:
            raise ProtocolError("keys.envelopes: between 1 and 1000")
        auth = _str(d, "recovery_auth_hash", "keys", max_len=64, pattern=re.compile("[0-9a-f]{64}"), optional=True)
        return cls(_int(d, "expected_epoch", "keys"), check_key_id(d.get("key_id")),
                   tuple(KeyEnvelope.from_json(e, f"keys.envelopes[{i}]") for i, e in enumerate(items)), auth)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": code, "message": message, **extra}
