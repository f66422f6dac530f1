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

# What an erasure log entry records, event -> (bokmål, English): the CLI's `erase --log` and the app's log use these.
EVENTS: dict[str, tuple[str, str]] = {
    "erased": ("slettet her", "erased here"),
    "erasure_received": ("sletting mottatt", "erasure received"),
    "late_change_refused": ("endring for slettet deltaker avvist", "change for erased participant refused"),
}


def event_label(event: str, lang: str) -> str:
    """The event's label in `lang` ("nb" or "en"); an event unknown to this version shows as its code."""
    nb, en = EVENTS.get(event, (event, event))
    return nb if lang == "nb" else en


def reason_label(code: str | None, lang: str) -> str:
    """The reason code's label in `lang`; empty for none (a refused change has no reason), the code if unknown."""
    if not code:
        return ""
    nb, en = REASONS.get(code, (code, code))
    return nb if lang == "nb" else en


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
