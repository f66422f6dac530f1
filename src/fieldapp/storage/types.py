"""Column types that store values the same way on every device (UTC datetimes, JSON lists)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Dialect, String, Text
from sqlalchemy.types import TypeDecorator

from fieldapp.storage.stored_time import stored_datetime


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as ISO-8601 text in UTC, so text order is time order."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Fieldapp stores aware UTC datetimes only")
        return stored_datetime(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # fromisoformat (C, reads the trailing Z as UTC) is many times faster than strptime on big lists.
        return datetime.fromisoformat(value)


class ISODate(TypeDecorator[date]):
    """A date stored as YYYY-MM-DD text (the same bytes on every device and in the change log)."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class JSONList(TypeDecorator[tuple[Any, ...]]):
    """A tuple of JSON values stored as compact JSON text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[Any, ...] | None:
        return None if value is None else tuple(json.loads(value))
