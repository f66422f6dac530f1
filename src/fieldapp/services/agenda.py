"""The day's agenda: visits planned today and the rest of the week, and overdue follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fieldapp.services.participants import list_participants, local_now
from fieldapp.services.visits import VisitRow, visit_row
from fieldapp.services.workspace import Workspace
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
    overdue = [OverdueRow(participant_id=p.id, participant_name=p.full_name, employer_name=p.employer_name,
                          job_title=p.job_title, last_visit=p.last_visit, due=p.next_visit_due, days_overdue=p.days_overdue)
               for p in list_participants(ws, overdue_only=True, now=now) if p.next_visit_due is not None]
    overdue.sort(key=lambda o: (-o.days_overdue, o.participant_name))
    return Agenda(day=day, today=tuple(visit_row(f) for f in today), rest_of_week=tuple(visit_row(f) for f in week),
                  overdue=tuple(overdue))
