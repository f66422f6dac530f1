"""Wire format of participant keys and erasure tombstones (shared by device and server; no plaintext).

A participant is known to the server only by its handle, a hash of its random id (domain/erasure.py). A
participant key on the wire is K_p wrapped under a team data key (`key_id`): opaque to the server, which keeps
it in a table it deletes from, apart from the append-only batch log. A tombstone carries no personal data:
the handle, when, which device, a reason code and that device's signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.protocol import ProtocolError, _int, _obj, _str, b64d, b64e, check_key_id, uuid_text

# The codes themselves are domain knowledge (domain/erasure.py); the wire only checks their shape.
_REASON = re.compile(r"[a-z_]{1,30}")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z")
_HANDLE = re.compile(r"[0-9a-f]{32}")
MAX_WRAPPED = 128
SIGNATURE_BYTES = 64
MAX_ITEMS = 10_000


def _handle(value: object, what: str) -> str:
    if not isinstance(value, str) or not _HANDLE.fullmatch(value):
        raise ProtocolError(f"{what}: not a participant handle (32 hex digits)")
    return value


@dataclass(frozen=True)
class WireParticipantKey:
    handle: str
    key_id: str
    wrapped: bytes
    cursor: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"handle": self.handle, "key_id": self.key_id,
                               "wrapped": b64e(self.wrapped)}
        if self.cursor is not None:
            out["cursor"] = self.cursor
        return out

    @classmethod
    def from_json(cls, data: object, what: str = "participant_key") -> WireParticipantKey:
        d = _obj(data, what)
        wrapped = b64d(d.get("wrapped"), f"{what}.wrapped", max_len=MAX_WRAPPED)
        if len(wrapped) > MAX_WRAPPED:
            raise ProtocolError(f"{what}.wrapped: too long")
        return cls(_handle(d.get("handle"), f"{what}.handle"),
                   check_key_id(d.get("key_id"), f"{what}.key_id"), wrapped,
                   _int(d, "cursor", what, optional=True))


@dataclass(frozen=True)
class WireErasure:
    handle: str
    erased_at: str
    device_id: str
    reason_code: str
    signature: bytes
    cursor: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"handle": self.handle, "erased_at": self.erased_at,
                               "device_id": self.device_id, "reason_code": self.reason_code,
                               "signature": b64e(self.signature)}
        if self.cursor is not None:
            out["cursor"] = self.cursor
        return out

    @classmethod
    def from_json(cls, data: object, what: str = "erasure") -> WireErasure:
        d = _obj(data, what)
        signature = b64d(d.get("signature"), f"{what}.signature", max_len=SIGNATURE_BYTES)
        if len(signature) != SIGNATURE_BYTES:
            raise ProtocolError(f"{what}.signature: not {SIGNATURE_BYTES} bytes")
        return cls(_handle(d.get("handle"), f"{what}.handle"),
                   _str(d, "erased_at", what, max_len=32, pattern=_STAMP),
                   uuid_text(d.get("device_id"), f"{what}.device_id"),
                   _str(d, "reason_code", what, max_len=30, pattern=_REASON), signature,
                   _int(d, "cursor", what, optional=True))


def erasure_message(team_id: str, e: WireErasure) -> bytes:
    """What the erasing device signs: a server cannot invent an erasure, nor move one to another team."""
    return (f"fieldapp-erasure-v1\0{team_id}\0{e.handle}\0{e.erased_at}\0{e.device_id}\0"
            f"{e.reason_code}").encode()


def parse_list(body: object, key: str, parser: Any, what: str) -> list[Any]:
    d = _obj(body, what)
    items = d.get(key)
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise ProtocolError(f"{what}.{key}: expected a list of at most {MAX_ITEMS}")
    return [parser(item) for item in items]
