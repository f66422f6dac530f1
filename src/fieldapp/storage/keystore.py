"""The database key: a random 256-bit key per data folder, kept only in the OS keyring."""

from __future__ import annotations

import os
import re
import secrets

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from fieldapp.domain.messages import DomainError, Message

SERVICE = "no.fieldapp.database"

# Backends that would store the key in plaintext or not at all.
_REFUSED_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

_HOW_TO_FIX_NB = (
    "Fieldapp lagrer databasenøkkelen i operativsystemets nøkkelring og bruker aldri en ukryptert reserve. "
    "Windows: Legitimasjonsbehandling må være tilgjengelig. macOS: Nøkkelring må være låst opp. "
    "Linux: start en Secret Service (f.eks. gnome-keyring: «sudo apt-get install gnome-keyring») i en "
    "innlogget skrivebordsøkt, og lås den opp."
)
_HOW_TO_FIX_EN = (
    "Fieldapp keeps the database key in the operating system's keyring and never falls back to plaintext. "
    "Windows: Credential Manager must be available. macOS: the login keychain must be unlocked. "
    "Linux: run a Secret Service (e.g. gnome-keyring: 'sudo apt-get install gnome-keyring') in a "
    "logged-in desktop session and unlock it."
)


class KeyringUnavailable(DomainError):
    """No usable, secure keyring: the app must stop rather than store the key in plaintext."""

    def __init__(self, detail: str) -> None:
        super().__init__(Message(
            "keyring_unavailable",
            f"Ingen sikker nøkkelring er tilgjengelig ({detail}). {_HOW_TO_FIX_NB}",
            f"No secure keyring is available ({detail}). {_HOW_TO_FIX_EN}",
        ))


class DatabaseKeyMissing(DomainError):
    """The folder has a database, but the keyring has no key for it (another user or machine?)."""

    def __init__(self, folder_id: str) -> None:
        super().__init__(Message(
            "database_key_missing",
            f"Databasen i denne datamappen finnes, men nøkkelringen har ingen nøkkel for den (mappe-id {folder_id}). "
            "Mappen kan være kopiert fra en annen bruker eller maskin. Uten nøkkelen kan den ikke åpnes; "
            "synkroniserte data kan hentes på nytt fra serveren i en ny datamappe.",
            f"The database in this data folder exists, but the keyring holds no key for it (folder id {folder_id}). "
            "The folder may have been copied from another user or machine. It cannot be opened without the key; "
            "synced data can be fetched again from the server into a new data folder.",
        ))


def _refused(backend: KeyringBackend) -> bool:
    return f"{type(backend).__module__}.{type(backend).__name__}".startswith(_REFUSED_BACKENDS)


class _SecureChain(ChainerBackend):
    """keyring's own chain, over its secure backends only. keyring chains every backend it finds, highest priority
    first, and writes to the first that takes the secret: with keyrings.alt installed, its plaintext file backend
    can come before the Secret Service and would get the database key."""

    priority = 1  # a fixed value where the chain computes one from all backends

    def __init__(self, secure: list[KeyringBackend]) -> None:
        # Not KeyringBackend.__init__: it only reads KEYRING_PROPERTY_* settings, which the chained ones have read.
        self._secure = secure

    @property
    def backends(self) -> list[KeyringBackend]:  # this chain's own list, not every backend found
        return self._secure


def _backend() -> KeyringBackend:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring imports the backend its environment or config names: any error there means none
        named = os.environ.get("PYTHON_KEYRING_BACKEND")
        raise KeyringUnavailable(f"PYTHON_KEYRING_BACKEND={named}: {exc}" if named else f"{type(exc).__name__}: {exc}") from exc
    chained: list[KeyringBackend] = list(getattr(backend, "backends", [backend]))
    secure = [b for b in chained if not _refused(b)]
    if not secure:
        raise KeyringUnavailable(", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in chained) or "none")
    return backend if secure == chained else _SecureChain(secure)


def secure_backend() -> KeyringBackend:
    """The keyring backend, or KeyringUnavailable when only a plaintext or failing one exists."""
    return _backend()


def _entry(folder_id: str) -> str:
    if not re.fullmatch(r"[0-9a-f-]{36}", folder_id):
        raise ValueError(f"bad folder id {folder_id!r}")
    return f"folder:{folder_id}"


def read_secret(service: str, entry: str) -> str | None:
    """A secret from a secure keyring (refusing plaintext and null backends), or None when there is none."""
    try:
        return _backend().get_password(service, entry)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc


def write_secret(service: str, entry: str, value: str) -> None:
    """Store a secret in a secure keyring and read it back: a keyring that does not keep it is unusable."""
    try:
        _backend().set_password(service, entry, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if read_secret(service, entry) != value:
        raise KeyringUnavailable("the keyring did not keep the key")


class DatabaseKeyDamaged(DomainError):
    """The keyring has an entry for the folder, but it does not hold a database key (64 hexadecimal digits)."""

    def __init__(self, folder_id: str) -> None:
        super().__init__(Message(
            "database_key_damaged",
            f"Nøkkelringens oppføring for databasenøkkelen til denne datamappen er skadet (mappe-id {folder_id}, "
            f"tjeneste {SERVICE}): den inneholder ikke en gyldig nøkkel. Ingenting er endret. Sett oppføringen "
            "tilbake fra en sikkerhetskopi av nøkkelringen; uten den riktige nøkkelen kan databasen ikke åpnes, men "
            "synkroniserte data kan hentes på nytt fra serveren i en ny datamappe.",
            f"The keyring's entry for this data folder's database key is damaged (folder id {folder_id}, service "
            f"{SERVICE}): it does not hold a valid key. Nothing was changed. Put the entry back from a backup of the "
            "keyring; without the right key the database cannot be opened, but synced data can be fetched again "
            "from the server into a new data folder.",
        ))


def load_key(folder_id: str) -> bytes | None:
    stored = read_secret(SERVICE, _entry(folder_id))
    if not stored:
        return None
    if not re.fullmatch(r"[0-9a-fA-F]{64}", stored.strip()):  # create_key writes 32 bytes as hex
        raise DatabaseKeyDamaged(folder_id)
    return bytes.fromhex(stored.strip())


def create_key(folder_id: str) -> bytes:
    key = secrets.token_bytes(32)
    write_secret(SERVICE, _entry(folder_id), key.hex())
    return key
