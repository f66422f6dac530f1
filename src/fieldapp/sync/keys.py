"""Sync secrets in the OS keyring: this device's X25519 key, its server token, and the team key bundle.

Same rules as the database key (storage/keystore.py): only a secure keyring, never a plaintext fallback.
Entries are per device id, so two data folders on one machine are two devices with separate keys.
"""

from __future__ import annotations

import keyring.errors

from fieldapp.storage.keystore import KeyringUnavailable, secure_backend
from fieldapp.sync import crypto

SERVICE = "no.fieldapp.sync"


def _get(entry: str) -> str | None:
    try:
        return secure_backend().get_password(SERVICE, entry)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc


def _set(entry: str, value: str) -> None:
    try:
        secure_backend().set_password(SERVICE, entry, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if _get(entry) != value:
        raise KeyringUnavailable("the keyring did not keep the sync key")


def device_private_key(device_id: str, *, create: bool = False) -> bytes | None:
    stored = _get(f"device:{device_id}")
    if stored:
        return bytes.fromhex(stored)
    if not create:
        return None
    private, _ = crypto.new_device_keypair()
    _set(f"device:{device_id}", private.hex())
    return private


def token(device_id: str) -> str | None:
    return _get(f"token:{device_id}")


def store_token(device_id: str, value: str) -> None:
    _set(f"token:{device_id}", value)


def bundle(device_id: str) -> crypto.KeyBundle | None:
    stored = _get(f"teamkeys:{device_id}")
    return crypto.KeyBundle.from_bytes(bytes.fromhex(stored)) if stored else None


def store_bundle(device_id: str, new: crypto.KeyBundle) -> crypto.KeyBundle:
    """Keep every key ever held (old batches stay readable); returns what is now stored."""
    old = bundle(device_id)
    merged = old.merged(new) if old is not None and old.team_id == new.team_id else new
    _set(f"teamkeys:{device_id}", merged.to_bytes().hex())
    return merged
