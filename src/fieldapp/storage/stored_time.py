"""How an aware datetime is stored as text (UTCDateTime's form); no SQLAlchemy here: the first paint uses it."""

from __future__ import annotations

from datetime import UTC, datetime


def stored_datetime(value: datetime) -> str:
    """An aware datetime as UTCDateTime stores it, so text order is time order (for statements that bind the
    text themselves)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
