"""The overview's overdue follow-ups, read by their own lean query, agree with the participant list's."""

from __future__ import annotations

from datetime import UTC, datetime

from fieldapp.demo.generate import generate
from fieldapp.services import outcomes
from fieldapp.services import participants as ps

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_follow_up_facts_match_the_participant_list(workspace) -> None:  # type: ignore[no-untyped-def]
    generate(workspace, participants=80, today=NOW.date())
    listed = {r.id: (r.overdue, r.days_overdue) for r in ps.list_participants(workspace, now=NOW)
              if r.status != "ended"}
    facts = {f.participant_id: (f.overdue, f.days_overdue) for f in outcomes.follow_up_facts(workspace, now=NOW)}
    assert facts == listed
    assert sum(overdue for overdue, _ in facts.values()) > 0  # the demo has overdue follow-ups to compare
    assert any(not overdue for overdue, _ in facts.values())
