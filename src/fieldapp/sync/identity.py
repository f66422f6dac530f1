"""Device signing identities (Ed25519): signing and checking bundles and batches, and the recovery signing key."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SIGNATURE_BYTES = 64
# On the wire a device's public keys are one value: X25519 (key wrap) then Ed25519 (signatures).
DEVICE_KEYS_BYTES = 64


def new_identity() -> bytes:
    """A raw 32-byte Ed25519 private key."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def identity_public(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    if len(public) != 32 or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def recovery_signing_private(recovery_private: bytes) -> bytes:
    """The Ed25519 key a recovery enrollment signs its bundle with, derived from the printed recovery key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"fieldapp-recovery-signing-v1").derive(recovery_private)


def join_device_keys(x25519_public: bytes, ed25519_public: bytes) -> bytes:
    return x25519_public + ed25519_public


def split_device_keys(value: bytes) -> tuple[bytes, bytes] | None:
    """(X25519, Ed25519) public keys, or None for a device of an older release (no signing identity)."""
    if len(value) != DEVICE_KEYS_BYTES:
        return None
    return value[:32], value[32:]
