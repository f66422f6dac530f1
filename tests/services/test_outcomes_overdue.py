"""The overview's overdue figure worked out on day numbers (overdue_facts) agrees with the participant list's
rule (follow_up_due, the reference) on random data, and a stored time's local day is found as astimezone finds it."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from fieldapp.domain.agreement_content import FollowUp
from fieldapp.domain.agreement_rules import SignatureFact
from fieldapp.domain.outcomes.inputs import FollowUpFacts
from fieldapp.services.follow_up import agreed_rule_from_terms
from fieldapp.services.outcomes_overdue import overdue_facts
from fieldapp.services.participants import follow_up_due
from fieldapp.storage.queries.outcomes import OverdueReads, _StoredLocalDays
from fieldapp.storage.stored_time import stored_datetime
from fieldapp.storage.values import ParticipantBrief, TermsInForce

TODAY = date(2026, 11, 23)
PHASES = (None, "phase1", "phase2", "phase3", "ended")
FREQUENCIES = ("weekly", "every_other_week", "monthly", "quarterly", "as_needed", "")



def _maybe_day(rng: random.Random, around: date, spread: int) -> date | None:
    return None if rng.random() < 0.2 else around + timedelta(days=rng.randint(-spread, spread))


def _terms(rng: random.Random) -> list[TermsInForce]:
    out = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("toa", "jobbstotteplan"))
        start = TODAY - timedelta(days=rng.randint(-20, 300))
        end = None if rng.random() < 0.5 else start + timedelta(days=rng.randint(0, 400))
        lines = tuple(FollowUp(actor_role=rng.choice(("job_specialist", "job_specialist", "employer")),
                               frequency=rng.choice(FREQUENCIES), from_date=_maybe_day(rng, TODAY, 60),
                               to_date=_maybe_day(rng, TODAY, 60)) for _ in range(rng.randint(0, 3)))
        signed = datetime(2026, 1, 1, tzinfo=UTC)
        roles = ["employee", "employer", "nav", "job_specialist"]
        if rng.random() < 0.5:  # half of them signed by everyone in turn, so many are concluded
            roles = roles[:rng.randint(0, 4)]
            rng.shuffle(roles)
        signatures = tuple(SignatureFact(role, signed + timedelta(days=i), rng.random() < 0.1)
                           for i, role in enumerate(roles))
        out.append(TermsInForce(kind, start, end, lines, signatures))
    return out


def test_overdue_on_day_numbers_equals_the_participant_lists_rule() -> None:
    rng = random.Random(17)
    for interval in (1, 14, 30):
        briefs, people, jobs, held_days, held_times, terms = [], [], {}, {}, {}, {}
        for i in range(3_000):
            pid = f"p{i:05d}"
            phase = rng.choice(PHASES)
            referred, started = _maybe_day(rng, TODAY, 200), _maybe_day(rng, TODAY, 200)
            briefs.append(ParticipantBrief(pid, "", "", None, None, "active", "ips", phase, referred, started))
            people.append((pid, phase, referred and referred.toordinal(), started and started.toordinal()))
            if rng.random() < 0.6:
                start = _maybe_day(rng, TODAY, 90)
                jobs[pid] = start
                if rng.random() < 0.4:
                    terms[pid] = _terms(rng)
            if rng.random() < 0.85:
                # Around the job's start as often as not, so every stage of the cadence is reached.
                near = jobs.get(pid) or TODAY
                last = near + timedelta(days=rng.randint(-40, 40))
                held_times[pid] = datetime.combine(last, datetime.min.time(), UTC) + timedelta(hours=12)
                held_days[pid] = held_times[pid].astimezone().date().toordinal()
        expected = []
        for p in briefs:
            has_job = p.id in jobs
            due = follow_up_due(p, job_start=jobs.get(p.id), has_job=has_job, last_held=held_times.get(p.id),
                                terms=terms.get(p.id, []) if has_job else [], today=TODAY,
                                pre_job_interval_days=interval)
            expected.append(FollowUpFacts(p.id, bool(due and due.overdue), due.days_overdue if due else 0))
        reads = OverdueReads(people, {pid: start and start.toordinal() for pid, start in jobs.items()}, held_days)
        assert overdue_facts(reads, terms, today=TODAY, pre_job_interval_days=interval) == expected
        assert 300 < sum(f.overdue for f in expected) < 2_700  # both answers well represented
        agreed = sum(1 for pid, t in terms.items() if agreed_rule_from_terms(t, TODAY).agreed_days)
        assert agreed > 50  # the agreed frequency's path is taken too


@pytest.mark.usefixtures("oslo_time")
def test_a_stored_times_local_day_is_the_day_astimezone_gives() -> None:
    rng = random.Random(3)
    days = _StoredLocalDays()
    # Near local and UTC midnight, and on the days summer time starts and ends.
    moments = [datetime(2026, 3, 29, tzinfo=UTC), datetime(2026, 10, 25, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC),
               datetime(2026, 7, 1, tzinfo=UTC)]
    for _ in range(5_000):
        at = rng.choice(moments) + timedelta(days=rng.randint(-2, 2), minutes=rng.randint(-180, 180),
                                             microseconds=rng.randint(0, 999_999))
        assert days.of(stored_datetime(at)) == at.astimezone().date().toordinal(), at
