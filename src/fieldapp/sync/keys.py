"""Sync secrets in the OS keyring: this device's X25519 and Ed25519 keys, its server token, the team key bundle.

Same rules as the database key (storage/keystore.py): only a secure keyring, never a plaintext fallback.
Entries are per device id, so two data folders on one machine are two devices with separate keys.
"""

from __future__ import annotations

import keyring.errors

from fieldapp.storage.keystore import KeyringUnavailable, secure_backend
from fieldapp.sync import crypto, identity
from fieldapp.sync.bundle import KeyBundle

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


def identity_private_key(device_id: str, *, create: bool = False) -> bytes | None:
    """This device's Ed25519 signing key (its identity in the team's roster)."""
    stored = _get(f"identity:{device_id}")
    if stored:
        return bytes.fromhex(stored)
    if not create:
        return None
    private = identity.new_identity()
    _set(f"identity:{device_id}", private.hex())
    return private


def token(device_id: str) -> str | None:
    return _get(f"token:{device_id}")


def store_token(device_id: str, value: str) -> None:
    _set(f"token:{device_id}", value)


def bundle(device_id: str) -> KeyBundle | None:
    """The last bundle this device verified (or made): every later one must extend it."""
    stored = _get(f"teamkeys:{device_id}")
    return KeyBundle.from_bytes(bytes.fromhex(stored)) if stored else None


def store_bundle(device_id: str, new: KeyBundle) -> KeyBundle:
    """Keep a verified bundle (the chain rules guarantee it holds every older key); returns it."""
    _set(f"teamkeys:{device_id}", new.to_bytes().hex())
    return new


def forget(device_id: str) -> None:
    """Delete this device id's sync secrets (after the folder left its team and took a new device id)."""
    for entry in (f"device:{device_id}", f"identity:{device_id}", f"token:{device_id}", f"teamkeys:{device_id}"):
        if _get(entry) is None:
            continue
        try:
            secure_backend().delete_password(SERVICE, entry)
        except keyring.errors.PasswordDeleteError:
            pass  # gone meanwhile
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc
