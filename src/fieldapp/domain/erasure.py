"""Erasure of a participant: the reason codes a tombstone may carry (no free text: it could hold personal data)."""

from __future__ import annotations

import hashlib

from fieldapp.domain.messages import DomainError, Message

# code -> (bokmål, English)
REASONS: dict[str, tuple[str, str]] = {
    "retention_expired": ("Oppbevaringstiden er ute", "Retention period has run out"),
    "participant_request": ("Deltakeren har bedt om sletting", "The participant asked to be erased"),
    "registered_in_error": ("Registrert ved en feil", "Registered in error"),
    "other": ("Annen grunn", "Other reason"),
}


def reason_code(text: str) -> str:
    """The code for `text` (a code, or its label in either language). Raises DomainError otherwise."""
    wanted = text.strip().lower()
    for code, (nb, en) in REASONS.items():
        if wanted in (code, nb.lower(), en.lower()):
            return code
    codes = ", ".join(REASONS)
    raise DomainError(Message("erasure.reason", f"Ukjent grunn «{text}». Bruk en av: {codes}.",
                              f"Unknown reason '{text}'. Use one of: {codes}."))


def participant_handle(participant_id: str) -> str:
    """What the server knows a participant by (key table, tombstone): a hash of the random id, never the id."""
    return hashlib.sha256(b"fieldapp-participant-handle-v1\0" + participant_id.encode()).hexdigest()[:32]
