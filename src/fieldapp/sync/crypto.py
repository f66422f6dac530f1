"""Encryption and signing of change batches (AES-256-GCM, Ed25519), key wrap (X25519), and fingerprints.

The associated data of a batch binds team, device, batch sequence number and key id, so the server
cannot replay a batch under another number, move it to another team or claim another key without the
tag check failing. The pushing device's signature over the same fields and the ciphertext's SHA-256 shows
who made it: a team key alone (which a revoked device keeps) cannot make one. A wrapped key bundle is
bound the same way to team, recipient and key epoch.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.sync import batch_signature, change_sets, identity, inflate

NONCE_BYTES = batch_signature.NONCE_BYTES
PAYLOAD_FORMAT = 2  # 2: packed by record (change_sets.py); 1: one list per field change, still read
# A decompressed batch larger than this is refused (a zip bomb from a hostile peer). A batch is at most 8 MiB
# of ciphertext on the server (max_batch_bytes) and about 2,000 field values; its JSON compresses a few times,
# so 8 × the batch limit leaves room for any batch a device makes and keeps one decode well under 100 MB.
MAX_PLAINTEXT = 64 * 1024 * 1024


class CryptoError(ValueError):
    """A ciphertext that does not decrypt with the key and context it claims (tampered, wrong key, moved)."""


def new_key() -> bytes:
    return secrets.token_bytes(32)


def new_key_id() -> str:
    return secrets.token_hex(8)


def batch_aad(*, team_id: str, device_id: str, seq: int, key_id: str) -> bytes:
    return f"fieldapp-batch-v1\0{team_id}\0{device_id}\0{seq}\0{key_id}".encode()


def encrypt_batch(key: bytes, plaintext: bytes, *, team_id: str, device_id: str, seq: int, key_id: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    aad = batch_aad(team_id=team_id, device_id=device_id, seq=seq, key_id=key_id)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def decrypt_batch(key: bytes, blob: bytes, *, team_id: str, device_id: str, seq: int, key_id: str) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise CryptoError("ciphertext too short")
    aad = batch_aad(team_id=team_id, device_id=device_id, seq=seq, key_id=key_id)
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise CryptoError("authentication tag does not match (tampered, wrong key or moved batch)") from exc


def seal_batch(key: bytes, signing_private: bytes, plaintext: bytes, *, team_id: str, device_id: str, seq: int,
               key_id: str) -> bytes:
    """The wire blob: nonce || AES-GCM ciphertext || Ed25519 signature of the pushing device."""
    ciphertext = encrypt_batch(key, plaintext, team_id=team_id, device_id=device_id, seq=seq, key_id=key_id)
    message = batch_signature.signed_message(team_id=team_id, device_id=device_id, seq=seq, key_id=key_id,
                                             ciphertext=ciphertext)
    return ciphertext + identity.sign(signing_private, message)


def split_batch(blob: bytes) -> tuple[bytes, bytes]:
    """(ciphertext, signature) of a wire blob."""
    parts = batch_signature.split(blob)
    if parts is None:
        raise CryptoError("batch too short to carry a signature")
    return parts


# The batch payload ----------------------------------------------------------------------------------

def _dec_value(v: Any) -> Any:
    try:
        return change_sets.dec_value(v)
    except change_sets.Malformed as exc:
        raise CryptoError(f"payload: {exc}") from exc


@dataclass(frozen=True)
class Payload:
    """The plaintext of a batch: field changes of one device, and the server cursor it had seen."""

    base: int
    changes: Sequence[tuple[str, str, str, Any, int]]  # entity, entity_id, field, value, hlc (FieldChanges when decoded)


def encode_payload(changes: Sequence[tuple[str, str, str, Any, int]], *, base: int) -> bytes:
    """Format 2: the changes packed by record (change_sets.py); format 1 listed every field change."""
    raw = change_sets.packed_json({"format": PAYLOAD_FORMAT, "base": base}, changes)
    sealed = sum(len(c[3]) for c in changes if type(c[3]) is bytes)
    # Mostly participant envelopes (ciphertext, as base64): no repeated strings to find, and zlib's search for
    # them took 4 times as long as coding the characters alone (Huffman only), which compresses them as well.
    packer = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_HUFFMAN_ONLY if sealed * 2 > len(raw) else
                              zlib.Z_DEFAULT_STRATEGY)
    return packer.compress(raw) + packer.flush()


def decode_payload(data: bytes) -> Payload:
    """The changes of a batch in format 2 or in format 1 (older releases; the server's history keeps them)."""
    try:
        raw = inflate.bounded(data, MAX_PLAINTEXT)
        doc, fast = change_sets.read(raw)
    except inflate.TooLarge as exc:
        raise CryptoError(f"payload: more than {MAX_PLAINTEXT // (1024 * 1024)} MiB when decompressed "
                          "(refused: no batch is that large)") from exc
    except ValueError as exc:
        raise CryptoError(f"payload: not readable ({exc})") from exc
    try:
        return _payload(doc, fast)
    except change_sets.Inexact:
        return _payload(json.loads(raw), False)


def _payload(doc: Any, fast: bool) -> Payload:
    if not isinstance(doc, dict):
        raise CryptoError("payload: no change list")
    if fast and float in (type(doc.get("format")), type(doc.get("base"))):
        raise change_sets.Inexact()
    if not isinstance(doc.get("format"), int) or doc["format"] > PAYLOAD_FORMAT:
        raise CryptoError(f"payload: format {doc.get('format')!r} is newer than this app understands")
    base = doc.get("base", 0)
    base = base if isinstance(base, int) else 0
    if doc["format"] >= 2:
        try:
            return Payload(base=base, changes=change_sets.unpack(doc.get("records"), fast=fast))
        except change_sets.Malformed as exc:
            raise CryptoError(f"payload: malformed change ({exc})") from exc
    if fast:
        raise change_sets.Inexact()  # format 1 (older releases): read by json.loads, as it always was
    if not isinstance(doc.get("changes"), list):
        raise CryptoError("payload: no change list")
    changes = checked_changes(doc["changes"])
    if changes is None:
        raise CryptoError("payload: malformed change")
    return Payload(base=base, changes=changes)


def checked_changes(changes: list[Any]) -> tuple[tuple[str, str, str, Any, int], ...] | None:
    """Format 1: decoded JSON changes as tuples with their values decoded, or None if one is malformed.

    Checked column by column with C-level map/set instead of item by item: a pull decodes hundreds of
    thousands of changes, and the per-item checks were most of the payload's cost."""
    if not changes:
        return ()
    if not (set(map(type, changes)) <= {list} and min(map(len, changes)) >= 5):
        return None
    # Extra trailing items from a newer format are ignored (zip stops at the shortest); the known ones must be right.
    columns = list(zip(*changes))[:5]
    texts = set(map(type, columns[0])) | set(map(type, columns[1])) | set(map(type, columns[2]))
    if not (texts <= {str} and set(map(type, columns[4])) <= {int}):
        return None
    values = columns[3]
    if not set(map(type, values)).isdisjoint((dict, list)):
        values = tuple(map(_dec_value, values))
    return tuple(zip(columns[0], columns[1], columns[2], values, columns[4]))


# Device keys, key wrap, fingerprints -----------------------------------------------------------------

def new_device_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 keys."""
    priv = X25519PrivateKey.generate()
    return _raw_private(priv), public_key(_raw_private(priv))


def _raw_private(priv: X25519PrivateKey) -> bytes:
    return priv.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                              serialization.NoEncryption())


def public_key(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def wrap_context(*, team_id: str, recipient: str, key_epoch: int) -> bytes:
    return f"fieldapp-keywrap-v1\0{team_id}\0{recipient}\0{key_epoch}".encode()


def _kek(shared: bytes, eph_pub: bytes, recipient_pub: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=context).derive(shared)


def wrap(secret: bytes, recipient_public: bytes, *, context: bytes) -> bytes:
    """ECIES: an ephemeral X25519 key agrees a key with the recipient's; AES-GCM seals `secret`."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(NONCE_BYTES)
    return eph_pub + nonce + AESGCM(_kek(shared, eph_pub, recipient_public, context)).encrypt(nonce, secret, context)


def unwrap(blob: bytes, private: bytes, *, context: bytes) -> bytes:
    if len(blob) < 32 + NONCE_BYTES + 16:
        raise CryptoError("wrapped key too short")
    eph_pub, nonce, ct = blob[:32], blob[32:32 + NONCE_BYTES], blob[32 + NONCE_BYTES:]
    priv = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        return AESGCM(_kek(shared, eph_pub, public_key(private), context)).decrypt(nonce, ct, context)
    except (InvalidTag, ValueError) as exc:
        raise CryptoError("the wrapped key does not open with this device's key") from exc


_B32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"  # Crockford-like: no I, L, O, U


def _b32(data: bytes, chars: int) -> str:
    n = int.from_bytes(data, "big")
    out = []
    for _ in range(chars):
        out.append(_B32[n & 31])
        n >>= 5
    return "".join(out)


def _group(text: str, size: int = 4) -> str:
    return "-".join(text[i:i + size] for i in range(0, len(text), size))


def fingerprint(device_id: str, public: bytes) -> str:
    """12 characters (60 bits) both screens show before a device is approved, e.g. "7KQ2-MX4D-9PTA"."""
    digest = hashlib.sha256(b"fieldapp-fingerprint-v1\0" + device_id.encode() + b"\0" + public).digest()
    return _group(_b32(digest[:8], 12))


def group_b32(data: bytes, chars: int) -> str:
    """`chars` characters of the fingerprint alphabet, in groups of four."""
    return _group(_b32(data, chars))


def normalise_fingerprint(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return _group(cleaned)


# Recovery key: an X25519 key whose private half is printed once, at team creation ---------------------

def recovery_text(private: bytes) -> str:
    """The printable recovery key: 52 characters of key plus 4 of checksum, in groups of four."""
    body = _b32(private, 52)
    check = _b32(hashlib.sha256(private).digest()[:3], 4)
    return _group(body + check)


def parse_recovery_text(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != 56 or any(ch not in _B32 for ch in cleaned):
        raise CryptoError("a recovery key has 56 characters (14 groups of four)")
    n = 0
    for ch in reversed(cleaned[:52]):
        n = (n << 5) | _B32.index(ch)
    if n >= 1 << 256:
        raise CryptoError("not a recovery key")
    private = n.to_bytes(32, "big")
    if _b32(hashlib.sha256(private).digest()[:3], 4) != cleaned[52:]:
        raise CryptoError("the recovery key's checksum does not match (a typing error?)")
    return private


def recovery_auth(private: bytes) -> bytes:
    """A secret derived from the recovery key that proves to the server a device holds it."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"fieldapp-recovery-auth-v1").derive(private)


def recovery_auth_hash(private: bytes) -> str:
    return hashlib.sha256(recovery_auth(private)).hexdigest()
