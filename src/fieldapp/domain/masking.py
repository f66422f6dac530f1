"""What of a fødselsnummer may be on screen without a logged reveal: the birth date, the rest masked."""

from __future__ import annotations

MASK = "*****"


def masked_fodselsnummer(value: str | None) -> str:
    """170590 ***** for an 11-digit number; anything else (a typo on record) masked whole."""
    if not value:
        return ""
    if len(value) == 11 and value.isdigit():
        return f"{value[:6]} {MASK}"
    return "*" * len(value)
