"""The app PIN that unlocks a locked window: kept only as a salted scrypt hash in the OS keyring."""

from __future__ import annotations

import base64
import secrets

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage.keystore import read_secret, write_secret

SERVICE = "no.fieldapp.app-pin"
ENTRY = "pin"
# scrypt at n=2^14 costs about 0.1 s and 16 MiB per try: cheap for one unlock, slow for guessing offline.
N, R, P = 2 ** 14, 8, 1
MIN_LENGTH = 4
MAX_TRIES = 5


def _kdf(salt: bytes, n: int = N, r: int = R, p: int = P) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def check_pin_format(pin: str) -> None:
    if len(pin) < MIN_LENGTH or not pin.isdigit():
        raise DomainError(Message("pin.format", f"PIN-koden må være minst {MIN_LENGTH} sifre.",
                                  f"The PIN must be at least {MIN_LENGTH} digits."))


def set_pin(pin: str) -> None:
    """Store a new PIN's hash (raises DomainError for a too short PIN, KeyringUnavailable without a keyring)."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = _kdf(salt).derive(pin.encode("utf-8"))
    b64 = base64.b64encode
    write_secret(SERVICE, ENTRY, f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}")


def clear_pin() -> None:
    write_secret(SERVICE, ENTRY, "none")


def has_pin() -> bool:
    stored = read_secret(SERVICE, ENTRY)
    return bool(stored and stored.startswith("scrypt$"))


def verify_pin(pin: str) -> bool:
    stored = read_secret(SERVICE, ENTRY)
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    try:
        _kdf(base64.b64decode(salt), int(n), int(r), int(p)).verify(pin.encode("utf-8"), base64.b64decode(digest))
    except InvalidKey:
        return False
    return True
