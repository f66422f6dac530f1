"""The day's agenda: visits planned today and the rest of the week, and overdue follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fieldapp.services.follow_up import agreed_rule_from_terms
from fieldapp.services.participants import follow_up_for, local_now, name_sort_key
from fieldapp.services.visits import VisitRow
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import participants as pq
from fieldapp.storage.queries import visits as q


@dataclass(frozen=True)
class OverdueRow:
    participant_id: str
    participant_name: str
    employer_name: str | None
    job_title: str | None
    last_visit: date | None
    due: date
    days_overdue: int


@dataclass(frozen=True)
class Agenda:
    day: date
    today: tuple[VisitRow, ...]
    rest_of_week: tuple[VisitRow, ...]
    overdue: tuple[OverdueRow, ...]

    @property
    def row_count(self) -> int:
        return len(self.today) + len(self.rest_of_week) + len(self.overdue)


def _local_midnight(day: date) -> datetime:
    # A naive datetime's astimezone() uses the offset valid on that day, so DST changes are right.
    return datetime.combine(day, time()).astimezone()


def load_agenda(ws: Workspace, *, now: datetime | None = None) -> Agenda:
    """Unfinished visits starting today and later this week (to Sunday), and overdue follow-ups, most overdue first."""
    now = local_now(now)
    day = now.date()
    tomorrow = day + timedelta(days=1)
    next_monday = day + timedelta(days=7 - day.weekday())
    with ws.folder.read() as session:
        today = q.planned_between(session, _local_midnight(day), _local_midnight(tomorrow))
        week = q.planned_between(session, _local_midnight(tomorrow), _local_midnight(next_monday))
        people = {p.id: p for p in pq.briefs(session)}
        jobs = pq.current_placements(session)
        held = pq.last_held(session, now=now)
        terms = q.agreement_terms_in_force(session, day)
    overdue = []
    # The same rule as the participant list's overdue flag (participants.follow_up_for), worked out only for
    # those it can apply to: participants with a current job.
    for participant_id, job in jobs.items():
        person = people.get(participant_id)
        if person is None:
            continue
        agreed = agreed_rule_from_terms(terms[participant_id], day).agreed_interval if participant_id in terms else None
        last = held.get(participant_id)
        due = follow_up_for(person.status, job.start_date, last, day, agreed)
        if due is not None and due.overdue:
            overdue.append(OverdueRow(
                participant_id=participant_id, participant_name=f"{person.first_name} {person.last_name}".strip(),
                employer_name=job.employer_name, job_title=job.job_title,
                last_visit=last.astimezone().date() if last else None, due=due.due, days_overdue=due.days_overdue))
    overdue.sort(key=lambda o: (-o.days_overdue, name_sort_key(o.participant_name), o.participant_id))
    return Agenda(day=day, today=tuple(today), rest_of_week=tuple(week),
                  overdue=tuple(overdue))
