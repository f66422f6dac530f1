"""The plain facts the outcome figures are computed from, and the period they are asked for."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from fieldapp.domain.outcomes.responsibility import Responsibility
    from fieldapp.domain.outcomes.visit_days import VisitDays

DEFAULT_CASELOAD_LIMIT = 20
DEFAULT_SMALL_CELL = 5
FULL_TIME_HOURS = 37.5
# The days a report can count: it looks back before its start and past its end, so the ends of the calendar
# (year 1, year 9999) are out; nothing a job specialist records lies outside these.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)


@dataclass(frozen=True)
class Period:
    """Both ends included."""

    start: date
    end: date

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return max(0, (self.end - self.start).days + 1)

    def months(self) -> list[date]:
        """The last day of each calendar month the period touches (the period's end for the last one)."""
        out: list[date] = []
        day = self.start
        while day <= self.end:
            nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            out.append(min(nxt - timedelta(days=1), self.end))
            day = nxt
        return out


class ParticipantFacts(NamedTuple):
    """A tuple, as VisitFacts and the other facts made by the thousand at each first opening: a frozen
    dataclass takes about 1.5 µs to make, a named tuple 0.6 µs."""

    id: str
    referred_on: date
    ended_on: date | None = None
    phase: str | None = None  # NAV's phase (jobdev_vocab.PHASES); None when not set

    def followed_on(self, day: date) -> bool:
        return self.referred_on <= day and (self.ended_on is None or day < self.ended_on)


class JobFacts(NamedTuple):
    """One placement. A job that ended and restarted is two jobs."""

    participant_id: str
    start: date | None
    end: date | None = None
    hours_per_week: float | None = None
    competitive: bool = True
    employer_id: str = ""
    job_title: str = ""

    def active_on(self, day: date) -> bool:
        return self.start is not None and self.start <= day and (self.end is None or day <= self.end)


class VisitFacts(NamedTuple):
    """A tuple, not a dataclass: 100,000 of them are made each time the overview opens, three times faster."""

    participant_id: str
    on: date
    out_of_office: bool = True


@dataclass(frozen=True, slots=True)  # no __dict__: one object less per assignment for the cycle collector
class AssignmentFacts:
    """From `start` (and until `until`, both included, for a temporary cover) `specialist_id` is responsible."""

    participant_id: str
    specialist_id: str
    start: date
    until: date | None = None
    seq: int = 0  # orders two assignments that start the same day: the later one wins


class FollowUpFacts(NamedTuple):
    participant_id: str
    overdue: bool
    days_overdue: int = 0


class EmployerContactFacts(NamedTuple):
    """One employer contact, fed by the job-development records; `participant_id` None for a general contact.
    A contact made for two participants is one fact per participant (the weekly count uses `contact_id`)."""

    specialist_id: str
    on: date
    face_to_face: bool = True
    participant_id: str | None = None
    contact_id: str = ""  # the same contact made for several participants counts once a week


@dataclass(frozen=True)
class OutcomeInputs:
    participants: Sequence[ParticipantFacts]
    jobs: Sequence[JobFacts] = ()
    # One fact per visit, or the same visits as days per participant (VisitDays, what the app reads).
    visits: Collection[VisitFacts] = ()
    assignments: Sequence[AssignmentFacts] = ()
    follow_ups: Sequence[FollowUpFacts] = ()
    # None: the data does not exist yet (not: no contacts were made).
    employer_contacts: Sequence[EmployerContactFacts] | None = None
    specialists: dict[str, str] = field(default_factory=dict)  # id -> display name
    # Visits before this day were not read (None: all were): figures only count visits inside their period.
    visits_from: date | None = None

    def covers(self, period: Period) -> bool:
        """True when these facts hold every visit the figures of `period` count."""
        return self.visits_from is None or self.visits_from <= period.start

    def replacing(self, participant_ids: Collection[str], fresh: OutcomeInputs, *,
                  assignments_changed: bool = True) -> OutcomeInputs:
        """These facts with those of `participant_ids` swapped for `fresh` (read for those participants only),
        and the team's facts (specialists, employer contacts) taken from `fresh`. With `assignments_changed`
        False the assignments are kept as they are, and so is who was responsible when, worked out already."""
        ids = frozenset(participant_ids)
        out = replace(
            self, participants=[p for p in self.participants if p.id not in ids] + list(fresh.participants),
            jobs=[j for j in self.jobs if j.participant_id not in ids] + list(fresh.jobs),
            visits=self.visit_days.replacing(ids, fresh.visit_days),
            assignments=[a for a in self.assignments if a.participant_id not in ids] + list(fresh.assignments)
            if assignments_changed else self.assignments,
            follow_ups=[f for f in self.follow_ups if f.participant_id not in ids] + list(fresh.follow_ups),
            specialists=fresh.specialists, employer_contacts=fresh.employer_contacts)
        if not assignments_changed and "responsibility" in self.__dict__:
            # A cached_property lives in the instance's __dict__: the same assignments give the same answers.
            out.__dict__["responsibility"] = self.__dict__["responsibility"]
        return out

    def with_employer_contacts(self, contacts: Sequence[EmployerContactFacts]) -> OutcomeInputs:
        """The same facts with these employer contacts; what was worked out from the others is kept."""
        out = replace(self, employer_contacts=contacts)
        out.__dict__.update({key: self.__dict__[key] for key in _WORKED_OUT if key in self.__dict__})
        return out

    @property
    def next_seq(self) -> int:
        """The `seq` an assignment read after these gets: later made, so it wins a tie."""
        return max((a.seq for a in self.assignments), default=-1) + 1

    # Worked out once per set of inputs: every figure asks who was responsible when.
    @cached_property
    def responsibility(self) -> Responsibility:
        from fieldapp.domain.outcomes.responsibility import Responsibility

        return Responsibility(self.assignments)

    @cached_property
    def visit_days(self) -> VisitDays:
        """The visits as days per participant: what the visit figures count from."""
        from fieldapp.domain.outcomes.visit_days import VisitDays

        return self.visits if isinstance(self.visits, VisitDays) else VisitDays.of(self.visits)

    @cached_property
    def people(self) -> dict[str, ParticipantFacts]:
        return {p.id: p for p in self.participants}

    @cached_property
    def ordinary_jobs(self) -> tuple[tuple[str, date, date | None], ...]:
        """(participant, first day, last day or None) of the ordinary jobs with a start, of known participants:
        what "in work on a day" asks, once for each month's end of the period."""
        people = self.people
        return tuple((j.participant_id, j.start, j.end) for j in self.jobs
                     if j.competitive and j.start is not None and j.participant_id in people)


# The cached properties, none worked out from the employer contacts.
_WORKED_OUT = ("responsibility", "people", "ordinary_jobs", "visit_days")


def hours_from_percentage(percentage: int | None) -> float | None:
    return None if percentage is None else round(FULL_TIME_HOURS * percentage / 100, 2)
