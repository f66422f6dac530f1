"""Fixtures shared by the service tests."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def oslo_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Oslo's: an hour or two from UTC, summer time in between, so late-evening visits fall on the
    next local day."""
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    yield
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()
