"""The overview's lean reads give the same figures: overdue follow-ups agree with the participant list, and
reading only the period's visits changes no figure."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fieldapp.demo.generate import generate
from fieldapp.domain.outcomes.inputs import Period
from fieldapp.services import outcomes
from fieldapp.services import participants as ps

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_follow_up_facts_match_the_participant_list(workspace) -> None:
    generate(workspace, participants=80, today=NOW.date())
    listed = {r.id: (r.overdue, r.days_overdue) for r in ps.list_participants(workspace, now=NOW)
              if r.status != "ended"}
    facts = {f.participant_id: (f.overdue, f.days_overdue) for f in outcomes.follow_up_facts(workspace, now=NOW)}
    assert facts == listed
    assert sum(overdue for overdue, _ in facts.values()) > 0  # the demo has overdue follow-ups to compare
    assert any(not overdue for overdue, _ in facts.values())


def test_reading_only_the_periods_visits_changes_no_figure(workspace) -> None:
    generate(workspace, participants=60, today=NOW.date())
    today = NOW.date()
    every = outcomes.load_inputs(workspace, today=today)
    some = next(iter(every.specialists))
    for period in (Period(date(2026, 1, 1), today), Period(date(2026, 9, 1), date(2026, 9, 30)),
                   Period(date(2025, 6, 15), date(2026, 2, 28))):
        lean = outcomes.load_inputs(workspace, today=today, visits_from=period.start)
        assert lean.covers(period) and not lean.covers(Period(date(2024, 1, 1), today))
        assert len(lean.visits) < len(every.visits)
        for who in (None, some):
            full = outcomes.overview(workspace, period, specialist_id=who, inputs=every, today=today)
            assert outcomes.overview(workspace, period, specialist_id=who, inputs=lean, today=today) == full
            assert full.share_out_of_office is not None
    # Facts read for a later period are read again for an earlier one, never used short.
    late = outcomes.load_inputs(workspace, today=today, visits_from=date(2026, 9, 1))
    year = Period(date(2026, 1, 1), today)
    assert outcomes.overview(workspace, year, inputs=late, today=today) == \
        outcomes.overview(workspace, year, inputs=every, today=today)


def test_visit_facts_take_each_visits_local_day(workspace, monkeypatch) -> None:
    import time

    from sqlalchemy import select

    from fieldapp.storage import models as m
    from fieldapp.storage.queries import outcomes as q

    generate(workspace, participants=30, today=NOW.date())
    # Norwegian time (an hour or two from UTC, summer time in between), so late-evening visits change day.
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    since, until = date(2026, 3, 1), date(2026, 11, 20)
    with workspace.folder.read() as session:
        rows = session.execute(select(m.Visit.participant_id, m.Visit.starts_at, m.Visit.channel)
                               .where(m.Visit.deleted_at.is_(None))).all()
        facts = q.visit_facts(session, since=since, until=until)
    expected = sorted((pid, at.astimezone().date(), channel in q.OUT_OF_OFFICE_CHANNELS) for pid, at, channel in rows
                      if since <= at.astimezone().date() <= until)
    try:
        assert sorted(tuple(f) for f in facts) == expected and 0 < len(expected) < len(rows)
    finally:
        monkeypatch.delenv("TZ", raising=False)
        time.tzset()
