"""The participant list's filters in memory give what the database query gives for the same filters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fieldapp.demo.generate import generate
from fieldapp.services import participants as ps

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def everyone(workspace):
    generate(workspace, participants=40, today=NOW.date())
    return ps.list_participants(workspace, now=NOW)


def _ids(rows) -> list[str]:
    return [r.id for r in rows]


@pytest.mark.parametrize("filters", [
    {"status": "in_work"}, {"method": "ips"}, {"overdue_only": True},
    {"status": "active", "method": "se", "overdue_only": True}, {},
])
def test_status_method_and_overdue_match_the_database(workspace, everyone, filters) -> None:
    assert _ids(ps.filter_rows(everyone, **filters)) == _ids(ps.list_participants(workspace, now=NOW, **filters))


def test_text_matches_names_and_numbers_like_the_database(workspace, everyone) -> None:
    person = everyone[7]
    spaced = f"{person.fodselsnummer[:6]} {person.fodselsnummer[6:]}"
    for text in (person.last_name.upper(), f"{person.first_name[:3]} {person.last_name[-3:]}", spaced,
                 person.fodselsnummer, "ø", "zzzz"):
        assert _ids(ps.filter_rows(everyone, text=text)) == _ids(ps.list_participants(workspace, now=NOW, text=text)), text
    assert person.id in _ids(ps.filter_rows(everyone, text=spaced))
