"""The pushing device's signature on a batch: what it covers and how it is checked.

A batch's wire blob is `nonce || AES-GCM ciphertext || Ed25519 signature`. The signature covers the team,
device, sequence number and key id and the SHA-256 of nonce and ciphertext: nothing of the plaintext, so the
server checks it on push (server/batch_store.py) as every pulling device checks it on admission.
"""

from __future__ import annotations

import hashlib

from fieldapp.sync import identity

NONCE_BYTES = 12
TAG_BYTES = 16


def signed_message(*, team_id: str, device_id: str, seq: int, key_id: str, ciphertext: bytes) -> bytes:
    return (f"fieldapp-batch-sig-v2\0{team_id}\0{device_id}\0{seq}\0{key_id}\0".encode()
            + hashlib.sha256(ciphertext).digest())


def split(blob: bytes) -> tuple[bytes, bytes] | None:
    """(ciphertext, signature) of a wire blob; None when it is too short to hold both."""
    if len(blob) < NONCE_BYTES + TAG_BYTES + identity.SIGNATURE_BYTES:
        return None
    return blob[:-identity.SIGNATURE_BYTES], blob[-identity.SIGNATURE_BYTES:]


def signature_ok(signer_public: bytes, blob: bytes, *, team_id: str, device_id: str, seq: int,
                 key_id: str) -> bool:
    parts = split(blob)
    if parts is None:
        return False
    ciphertext, signature = parts
    message = signed_message(team_id=team_id, device_id=device_id, seq=seq, key_id=key_id, ciphertext=ciphertext)
    return identity.verify(signer_public, signature, message)
