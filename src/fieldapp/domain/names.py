"""Names in Norwegian alphabetical order."""

from __future__ import annotations

_NB_ORDER = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def name_sort_key(text: str | None) -> str:
    """Norwegian alphabetical order: Æ, Ø and Å come after Z, in that order."""
    return (text or "").casefold().translate(_NB_ORDER)
