"""A record's clock row: the short form for one clock on every field is the row the clocks object gives."""

from __future__ import annotations

from fieldapp.storage.clocks import RecordClocks, new_clocks, uniform_row


def test_the_uniform_row_is_the_clocks_row_of_a_record_with_one_clock() -> None:
    stamps = {name: (7_000_123, "dev-a") for name in ("summary", "place", "channel")}
    assert uniform_row("visit", "v1", 7_000_123, "dev-a") == new_clocks(stamps).row("visit", "v1")
    assert uniform_row("visit", "v1", 5, "d") == RecordClocks((5, "d"), {}).row("visit", "v1")
