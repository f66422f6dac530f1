"""The visits read as days per participant in SQL (visit_days) are exactly the visits read one by one
(visit_facts, the reference), and the visit figures come out the same from either."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from fieldapp.demo.generate import generate
from fieldapp.domain.outcomes import figures as f
from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period, VisitFacts
from fieldapp.domain.outcomes.summary import summarize
from fieldapp.domain.outcomes.visit_days import VisitDays
from fieldapp.domain.visit_records import Visit
from fieldapp.services import outcomes, records
from fieldapp.storage import models as m
from fieldapp.storage.queries import outcomes as q
from tests.support.team_data import share_out

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()



def _per_month_in_work_one_by_one(inputs: OutcomeInputs, visits: list[VisitFacts], period: Period,
                                  specialist: str | None) -> float | None:
    """visits_per_person_month_in_work as it was worked out before VisitDays: every visit looked at."""
    resp, people = inputs.responsibility, inputs.people
    spans: dict[str, list[tuple[date, date]]] = {}
    for j in inputs.jobs:
        if j.competitive and j.start is not None and j.participant_id in people:
            first, last = max(j.start, period.start), min(j.end or period.end, period.end)
            if first <= last:
                spans.setdefault(j.participant_id, []).append((first, last))
    mine: dict[str, list[tuple[date, date]]] = {}
    days = 0
    for pid, raw in spans.items():
        for lo, hi in f._merged(raw):
            for a, b in f._split(lo, hi, resp.change_days(pid)):
                if resp.belongs(pid, a, specialist):
                    mine.setdefault(pid, []).append((a, b))
                    days += (b - a).days + 1
    if not days:
        return None
    counted = sum(1 for pid, on, _out in visits
                  if period.start <= on <= period.end and any(a <= on <= b for a, b in mine.get(pid, ())))
    return round(counted / (days / 30.44), 2)


def _share_one_by_one(inputs: OutcomeInputs, visits: list[VisitFacts], period: Period,
                      specialist: str | None) -> float | None:
    """share_out_of_office as it was worked out before VisitDays: visit by visit."""
    mine = [out for pid, on, out in visits if on in period and pid in inputs.people
            and (specialist is None or inputs.responsibility.who(pid, on) == specialist)]
    return sum(mine) / len(mine) if mine else None


def _random_visits(workspace, rng: random.Random, n: int) -> None:
    """Visits at random times, many of them near a local midnight and on the days summer time starts and ends."""
    with workspace.folder.read() as session:
        pids = sorted(session.scalars(select(m.Participant.id).where(m.Participant.deleted_at.is_(None))))
    edges = [datetime(2026, 3, 28, 21, tzinfo=UTC), datetime(2026, 3, 29, 21, tzinfo=UTC),
             datetime(2026, 10, 24, 21, tzinfo=UTC), datetime(2026, 10, 25, 22, tzinfo=UTC),
             datetime(2025, 12, 31, 22, tzinfo=UTC), datetime(2026, 2, 28, 23, tzinfo=UTC)]
    for _ in range(n):
        if rng.random() < 0.5:
            at = rng.choice(edges) + timedelta(minutes=rng.randrange(-90, 150))
        else:
            at = datetime(2025, 11, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 400 * 24 * 60))
        records.save(workspace, Visit(participant_id=rng.choice(pids), starts_at=at,
                                      channel=rng.choice(("on_site", "elsewhere", "phone", "video"))))


def test_visit_days_are_the_visits_read_one_by_one(workspace, oslo_time) -> None:
    generate(workspace, participants=40, today=TODAY)
    rng = random.Random(17)
    _random_visits(workspace, rng, 300)
    with workspace.folder.read() as session:
        pids = sorted(session.scalars(select(m.Participant.id)))
        sizes = []
        for since, until in ((date(2026, 1, 1), TODAY), (date(2026, 3, 29), date(2026, 10, 25)),
                             (None, TODAY), (date(2026, 10, 26), date(2026, 10, 26)), (TODAY, TODAY - timedelta(1))):
            reference = q.visit_facts(session, since=since, until=until)
            read = q.visit_days(session, since=since, until=until)
            assert read == VisitDays.of(reference)
            assert sorted(read) == sorted(reference)  # the same visits, one VisitFacts each
            sizes.append(len(read))
            some = rng.sample(pids, 12)
            assert q.visit_days(session, since=since, until=until, participant_ids=some) == \
                VisitDays.of(v for v in reference if v.participant_id in some)
    assert sizes[2] > sizes[0] > 300 and sizes[-1] == 0  # all visits, this year's, an empty period


def test_the_visit_figures_are_the_same_from_days_as_from_each_visit(workspace, oslo_time) -> None:
    generate(workspace, participants=50, today=TODAY)
    share_out(workspace, today=TODAY)  # handovers, so a specialist's share splits participants' visits
    rng = random.Random(3)
    _random_visits(workspace, rng, 200)
    handed = sorted(p.id for p in outcomes.load_inputs(workspace, today=TODAY).participants)[:2]
    for _ in range(40):  # around the handover and the cover share_out made: the visits split between two
        at = NOW - timedelta(days=rng.randrange(0, 40), minutes=rng.randrange(0, 900))
        records.save(workspace, Visit(participant_id=rng.choice(handed), starts_at=at,
                                      channel=rng.choice(("on_site", "phone"))))
    inputs = outcomes.load_inputs(workspace, today=TODAY, visits_from=date(2025, 1, 1))
    assert isinstance(inputs.visits, VisitDays)
    with workspace.folder.read() as session:
        one_by_one = replace(inputs, visits=q.visit_facts(session, since=date(2025, 1, 1), until=TODAY))
    assert not isinstance(one_by_one.visits, VisitDays)
    each_visit = list(one_by_one.visits)
    shown = []
    for period in (Period(date(2026, 1, 1), TODAY), Period(date(2026, 3, 29), date(2026, 3, 29)),
                   Period(date(2025, 6, 1), date(2026, 2, 28)), Period(date(2026, 5, 1), date(2026, 4, 30)),
                   Period(TODAY - timedelta(days=35), TODAY)):
        for who in (None, *sorted(inputs.specialists)):
            assert f.share_out_of_office(inputs, period, who) == _share_one_by_one(inputs, each_visit, period, who)
            assert f.visits_per_person_month_in_work(inputs, period, who) == \
                _per_month_in_work_one_by_one(inputs, each_visit, period, who)
            if who is not None:
                shown.append(f.visits_per_person_month_in_work(inputs, period, who))
            days = summarize(inputs, period, specialist_id=who, today=TODAY)
            each = summarize(one_by_one, period, specialist_id=who, today=TODAY)
            assert days == each
            assert (days.visits_per_month_in_work, days.share_out_of_office) == \
                (each.visits_per_month_in_work, each.share_out_of_office)
    assert summarize(inputs, Period(date(2026, 1, 1), TODAY), today=TODAY).share_out_of_office is not None
    assert len({v for v in shown if v}) > 3  # the specialists' figures were worked out, and differ
