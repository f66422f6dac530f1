"""Crypto-shredding: each participant's changes travel inside a batch under their own key (AES-256-GCM).

A batch's payload keeps records without a participant (employers, team) as plain changes under the team key;
the changes of each participant go into one inner envelope, a pseudo-change `("$participant", id, "", blob,
0)` whose blob is nonce || AES-GCM(K_p, changes) bound to team, device, batch number and participant. K_p is
random, kept on each device and, wrapped under a team data key, in a deletable table on the server. Erasure
destroys every copy of K_p: what the batch log still holds of the person can then be read by no one.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.domain.record_changes import Change, FieldChanges, Record, Row, field_changes, records_of
from fieldapp.sync import inflate
from fieldapp.sync.change_sets import Inexact, Malformed, packed_records_json, read, unpack
from fieldapp.sync.crypto import MAX_PLAINTEXT, NONCE_BYTES, CryptoError, checked_changes

ENVELOPE = "$participant"


def _aad(*, team_id: str, device_id: str, seq: int, participant_id: str) -> bytes:
    return f"fieldapp-participant-v1\0{team_id}\0{device_id}\0{seq}\0{participant_id}".encode()


def _wrap_aad(*, team_id: str, handle: str, key_id: str) -> bytes:
    return f"fieldapp-participant-key-v1\0{team_id}\0{handle}\0{key_id}".encode()


def wrap_key(team_key: bytes, participant_key: bytes, *, team_id: str, handle: str, key_id: str) -> bytes:
    """K_p under a team data key, for the server's deletable key table."""
    nonce = os.urandom(NONCE_BYTES)
    aad = _wrap_aad(team_id=team_id, handle=handle, key_id=key_id)
    return nonce + AESGCM(team_key).encrypt(nonce, participant_key, aad)


def unwrap_key(team_key: bytes, wrapped: bytes, *, team_id: str, handle: str, key_id: str) -> bytes:
    aad = _wrap_aad(team_id=team_id, handle=handle, key_id=key_id)
    try:
        key = AESGCM(team_key).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as exc:
        raise CryptoError(f"the key of participant {handle} does not open with team key {key_id}") from exc
    if len(key) != 32:
        raise CryptoError(f"the key of participant {handle} is not 32 bytes")
    return key


class KeyMissing(LookupError):
    """A change belongs to a participant this device has no key for yet (made while the outbox was cut)."""


def seal_envelopes(changes: Sequence[Change], owners: Mapping[tuple[str, str], str], keys: Mapping[str, bytes], *,
                   team_id: str, device_id: str, seq: int) -> list[Change]:
    """seal_records for field changes (consecutive changes of one record make one record)."""
    return seal_records(records_of(changes), owners, keys, team_id=team_id, device_id=device_id, seq=seq)


def seal_records(records: Sequence[Record], owners: Mapping[tuple[str, str], str], keys: Mapping[str, bytes], *,
                 team_id: str, device_id: str, seq: int) -> list[Change]:
    """seal_envelopes for whole records (as the outbox cuts them): the same changes and envelopes, grouped and
    packed a record at a time instead of a field at a time."""
    plain: list[Record] = []
    groups: dict[str, list[Record]] = {}
    get = owners.get
    for record in records:
        pid = get((record[0], record[1]))
        if pid is None:
            plain.append(record)
        else:
            groups.setdefault(pid, []).append(record)
    out = field_changes(plain)
    for pid, items in groups.items():
        key = keys.get(pid)
        if key is None:
            raise KeyMissing(pid)
        out.append((ENVELOPE, pid, "", _sealed(key, packed_records_json({}, items), team_id=team_id,
                                                 device_id=device_id, seq=seq, participant_id=pid), 0))
    return out


def _sealed(key: bytes, packed: bytes, *, team_id: str, device_id: str, seq: int, participant_id: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    # Compressed before encryption: ciphertext does not compress, and the batch's own zlib comes after.
    return nonce + AESGCM(key).encrypt(nonce, zlib.compress(packed, 1), _aad(
        team_id=team_id, device_id=device_id, seq=seq, participant_id=participant_id))


def envelope_ids(changes: Sequence[Change]) -> list[str]:
    return [c[1] for c in changes if c[0] == ENVELOPE]


def open_envelopes(changes: Sequence[Change], key_of: Callable[[str], bytes | None], erased: Callable[[str], bool], *,
                   team_id: str, device_id: str, seq: int) -> tuple[FieldChanges, dict[str, int]]:
    """(plain changes, participant -> changes dropped because the participant is erased).

    Plain changes of an erased participant's own record (from an older device) are dropped too. A missing key
    for a participant who is not erased raises KeyMissing; a wrong one raises CryptoError (quarantine)."""
    out: list[Row] = []
    opened: list[tuple[str, Any]] = []  # (participant, decoded JSON items): checked together at the end
    dropped: dict[str, int] = {}
    for change in changes:
        entity, pid, name, value, hlc = change
        if entity != ENVELOPE:
            if entity == "participant" and erased(pid):
                dropped[pid] = dropped.get(pid, 0) + 1
                continue
            out.append((entity, pid, (name,), (value,), hlc))
            continue
        if erased(pid):
            dropped[pid] = dropped.get(pid, 0) + 1
            continue
        key = key_of(pid)
        if key is None:
            raise KeyMissing(pid)
        if not isinstance(value, bytes) or len(value) < NONCE_BYTES + 16:
            raise CryptoError(f"participant envelope {pid}: malformed")
        try:
            body = AESGCM(key).decrypt(value[:NONCE_BYTES], value[NONCE_BYTES:],
                                       _aad(team_id=team_id, device_id=device_id, seq=seq, participant_id=pid))
            raw = inflate.bounded(body, MAX_PLAINTEXT)
            items, fast = read(raw)
        except inflate.TooLarge as exc:
            raise CryptoError(f"participant envelope {pid}: too large when decompressed") from exc
        except (InvalidTag, ValueError) as exc:
            raise CryptoError(f"participant envelope {pid} does not open with that participant's key") from exc
        if isinstance(items, dict):
            try:
                try:
                    out += unpack(items.get("records"), fast=fast).rows
                except Inexact:
                    out += unpack(json.loads(raw).get("records")).rows
            except Malformed as exc:
                raise CryptoError(f"participant envelope {pid}: malformed change ({exc})") from exc
            continue
        if fast:
            items = json.loads(raw)  # format 1 (older releases): read by json.loads, as it always was
        if not isinstance(items, list):
            raise CryptoError(f"participant envelope {pid}: malformed change")
        opened.append((pid, items))
    if not opened:
        return FieldChanges(out), dropped
    # Format 1 bodies: one column-wise check over every envelope of the batch (a batch held about one envelope
    # per record): checking each envelope's items one by one was most of the cost of opening them.
    every = [item for _, items in opened for item in items]
    try:
        inner = checked_changes(every)
    except CryptoError:
        inner = None
    if inner is None:
        bad = next((pid for pid, items in opened if _malformed(items)), opened[0][0] if opened else "?")
        raise CryptoError(f"participant envelope {bad}: malformed change")
    out += FieldChanges.of(inner).rows
    return FieldChanges(out), dropped


def _malformed(items: list[Any]) -> bool:
    try:
        return checked_changes(items) is None
    except CryptoError:
        return True
