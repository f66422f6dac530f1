"""The outcome figures for a period, for one specialist or the team (specialist None)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from statistics import mean, median

from fieldapp.domain.outcomes.inputs import (
    DEFAULT_CASELOAD_LIMIT, EmployerContactFacts, JobFacts, OutcomeInputs, ParticipantFacts, Period,
)
from fieldapp.domain.jobdev_vocab import PHASES
from fieldapp.domain.outcomes.responsibility import Responsibility

PHASE_CODES: tuple[str, ...] = tuple(t.code for t in PHASES)

# Days from referral to first job, in the buckets the report and the chart show.
DAY_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–30", 0, 30), ("31–90", 31, 90), ("91–180", 91, 180), ("181–365", 181, 365), ("366+", 366, None),
)


@dataclass(frozen=True)
class CaseloadRow:
    specialist_id: str | None  # None: participants nobody is responsible for
    count: int
    limit: int

    @property
    def over_limit(self) -> bool:
        return self.count > self.limit


@dataclass(frozen=True)
class Distribution:
    values: tuple[int, ...]

    @property
    def median(self) -> float | None:
        return median(self.values) if self.values else None

    def buckets(self) -> list[tuple[str, int]]:
        return [(label, sum(1 for v in self.values if lo <= v and (hi is None or v <= hi)))
                for label, lo, hi in DAY_BUCKETS]


def caseload(inputs: OutcomeInputs, on: date, *, limit: int = DEFAULT_CASELOAD_LIMIT) -> list[CaseloadRow]:
    """Participants followed on `on`, per responsible specialist (every known specialist, even with none)."""
    resp = inputs.responsibility
    counts: Counter[str | None] = Counter({sid: 0 for sid in inputs.specialists})
    for p in inputs.participants:
        if p.followed_on(on):
            counts[resp.who(p.id, on)] += 1
    if counts.get(None) == 0:
        del counts[None]
    return [CaseloadRow(sid, n, limit) for sid, n in sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]


def _mine(inputs: OutcomeInputs) -> tuple[Responsibility, dict[str, ParticipantFacts]]:
    """Who was responsible when, and the participants by id (both worked out once per set of inputs)."""
    return inputs.responsibility, inputs.people


def in_work(inputs: OutcomeInputs, on: date, specialist: str | None = None) -> int:
    """Participants in ordinary (competitive) work on `on`: two jobs at once still count one person."""
    held = {pid for pid, start, end in inputs.ordinary_jobs if start <= on and (end is None or on <= end)}
    if specialist is None:  # the team: everyone in work, asked once for each month's end
        return len(held)
    resp = inputs.responsibility
    return sum(1 for pid in held if resp.who(pid, on) == specialist)


def in_work_by_month(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> list[tuple[date, int]]:
    """People in ordinary work at the end of each month of the period (the trend chart)."""
    return [(day, in_work(inputs, day, specialist)) for day in period.months()]


def jobs_started(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> list[JobFacts]:
    """Jobs that started in the period, each counted for whoever was responsible on its first day."""
    resp, people = _mine(inputs)
    return [j for j in inputs.jobs if j.start in period and j.participant_id in people
            and resp.belongs(j.participant_id, j.start, specialist)]  # type: ignore[arg-type]  # start in period: a date


def jobs_ended(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> list[JobFacts]:
    resp, people = _mine(inputs)
    return [j for j in inputs.jobs if j.end in period and j.participant_id in people
            and resp.belongs(j.participant_id, j.end, specialist)]  # type: ignore[arg-type]  # end in period: a date


def median_job_length(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> float | None:
    """Median length in days (first and last day counted) of the jobs that ended in the period."""
    lengths = [(j.end - j.start).days + 1 for j in jobs_ended(inputs, period, specialist)
               if j.start is not None and j.end is not None]
    return median(lengths) if lengths else None


def hours_per_week(inputs: OutcomeInputs, on: date, specialist: str | None = None) -> float | None:
    """Mean agreed hours a week of the ordinary jobs held on `on` (jobs without hours are left out)."""
    resp, people = _mine(inputs)
    hours = [j.hours_per_week for j in inputs.jobs
             if j.competitive and j.active_on(on) and j.hours_per_week is not None and j.participant_id in people
             and resp.belongs(j.participant_id, on, specialist)]
    return round(mean(hours), 1) if hours else None


def days_to_first_job(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> Distribution:
    """Days from referral to the first ordinary job ever, for the participants whose first job began in the period."""
    resp, people = _mine(inputs)
    first: dict[str, date] = {}
    for j in inputs.jobs:
        if j.competitive and j.start is not None and (j.participant_id not in first or j.start < first[j.participant_id]):
            first[j.participant_id] = j.start
    values = [(start - people[pid].referred_on).days for pid, start in first.items()
              if start in period and pid in people and resp.belongs(pid, start, specialist)]
    return Distribution(tuple(sorted(max(0, v) for v in values)))


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping jobs held at once count their days once."""
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _split(lo: date, hi: date, cuts: list[date]) -> list[tuple[date, date]]:
    inner = [c for c in cuts if lo < c <= hi]
    edges = [lo, *inner, hi + timedelta(days=1)]
    return [(a, b - timedelta(days=1)) for a, b in pairwise(edges)]


def visits_per_person_month_in_work(inputs: OutcomeInputs, period: Period,
                                    specialist: str | None = None) -> float | None:
    """Visits to participants while they held an ordinary job, per participant-month in work (30.44 days)."""
    resp, people = _mine(inputs)
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for j in inputs.jobs:
        if j.competitive and j.start is not None and j.participant_id in people:
            first, last = max(j.start, period.start), min(j.end or period.end, period.end)
            if first <= last:
                spans[j.participant_id].append((first, last))
    mine: dict[str, list[tuple[date, date]]] = defaultdict(list)
    days = 0
    for pid, raw in spans.items():
        # Split where a handover falls inside the job, so each part counts for whoever held it; the team
        # counts every part, so its spans are left whole.
        cuts = resp.change_days(pid) if specialist is not None else []
        for lo, hi in _merged(raw):
            for a, b in _split(lo, hi, cuts) if cuts else ((lo, hi),):
                if resp.belongs(pid, a, specialist):
                    mine[pid].append((a, b))
                    days += (b - a).days + 1
    if not days:
        return None
    # Each participant's visits are counted span by span (the spans do not overlap): no pass over every visit.
    visits = inputs.visit_days
    counted = sum(visits.visits(pid, a, b) for pid, held in mine.items() for a, b in held)
    return round(counted / (days / 30.44), 2)


def overdue_follow_ups(inputs: OutcomeInputs, on: date, specialist: str | None = None) -> int:
    """Participants followed on `on` whose next visit is overdue (as the participant list works it out)."""
    resp, people = _mine(inputs)
    return sum(1 for f in inputs.follow_ups if f.overdue and f.participant_id in people
               and people[f.participant_id].followed_on(on) and resp.belongs(f.participant_id, on, specialist))


def share_out_of_office(inputs: OutcomeInputs, period: Period, specialist: str | None = None) -> float | None:
    resp, people = _mine(inputs)
    lo, hi = period.start, period.end
    visits = inputs.visit_days
    if specialist is None:
        counted, out_of_office = visits.total(people, lo, hi)
        return out_of_office / counted if counted else None
    counted = out_of_office = 0
    for pid in visits.participants():
        if pid not in people:
            continue
        # Who is responsible changes only on a participant's change days: one count per part of the period.
        for a, b in _split(lo, hi, resp.change_days(pid)):
            if resp.who(pid, a) == specialist:
                n, out = visits.count(pid, a, b)
                counted += n
                out_of_office += out
    return out_of_office / counted if counted else None


def caseload_by_phase(inputs: OutcomeInputs, on: date, specialist: str | None = None) -> list[tuple[str | None, int]]:
    """Participants followed on `on`, per NAV phase (in the phases' order; None: no phase set), for one specialist
    or the team. Every phase is listed, even with nobody; "not set" only when someone has no phase."""
    resp = inputs.responsibility
    counts: Counter[str | None] = Counter({code: 0 for code in PHASE_CODES})
    for p in inputs.participants:
        if p.followed_on(on) and resp.belongs(p.id, on, specialist):
            counts[p.phase if p.phase in PHASE_CODES else None] += 1
    return [(code, counts[code]) for code in PHASE_CODES] + ([(None, counts[None])] if counts[None] else [])


# --- fed by the job-development records (employer contacts) ---------------------------------------------

def employer_contacts_per_week(contacts: Sequence[EmployerContactFacts] | None, period: Period,
                               specialist: str | None = None) -> float | None:
    """Face-to-face employer contacts a week per specialist. None while there is no contact data at all.

    A contact made for two participants counts once. For the team, the total is shared by the specialists
    who made contacts in the period (contacts nobody can be tied to count in the total only)."""
    if contacts is None or period.days == 0:
        return None
    mine = [c for c in contacts if c.face_to_face and c.on in period
            and (specialist is None or c.specialist_id == specialist)]
    count = len({c.contact_id for c in mine if c.contact_id}) + sum(1 for c in mine if not c.contact_id)
    specialists = 1 if specialist is not None else max(1, len({c.specialist_id for c in mine if c.specialist_id}))
    return round(count / specialists / (period.days / 7), 1)


def days_to_first_employer_contact(inputs: OutcomeInputs, period: Period,
                                   specialist: str | None = None) -> Distribution | None:
    """Days from referral to the first employer contact made for the participant. None without contact data."""
    if inputs.employer_contacts is None:
        return None
    resp, people = _mine(inputs)
    first: dict[str, date] = {}
    for c in inputs.employer_contacts:
        if c.participant_id and (c.participant_id not in first or c.on < first[c.participant_id]):
            first[c.participant_id] = c.on
    values = [(on - people[pid].referred_on).days for pid, on in first.items()
              if on in period and pid in people and resp.belongs(pid, on, specialist)]
    return Distribution(tuple(sorted(max(0, v) for v in values)))
