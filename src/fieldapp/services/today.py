"""The Today view's content: visits planned today and the rest of the week, and overdue follow-ups.

Worked out from storage/today_facts.py, whichever connection read them: this module (and everything it
imports) stays free of SQLAlchemy, so the app can show Today before the storage layer has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fieldapp.domain.names import name_sort_key
from fieldapp.services.follow_up import agreed_rule_from_terms, follow_up_for, local_now
from fieldapp.storage.today_facts import Execute, TodayFacts, read_today_facts
from fieldapp.storage.values import VisitBrief

# A visit as lists show it (times aware, in the local time zone): the storage layer's plain value.
VisitRow = VisitBrief


@dataclass(frozen=True)
class OverdueRow:
    participant_id: str
    participant_name: str
    employer_name: str | None
    job_title: str | None
    last_visit: date | None
    due: date
    days_overdue: int
    draft_started: date | None = None  # an unfinished visit with the participant, begun by now


@dataclass(frozen=True)
class Agenda:
    day: date
    today: tuple[VisitRow, ...]
    rest_of_week: tuple[VisitRow, ...]
    overdue: tuple[OverdueRow, ...]
    drafts: tuple[VisitRow, ...] = ()  # unfinished visits begun before today, newest first

    @property
    def row_count(self) -> int:
        return len(self.today) + len(self.rest_of_week) + len(self.overdue) + len(self.drafts)


@dataclass(frozen=True)
class AgendaWindow:
    """The local day and week an agenda covers: today, then tomorrow up to (not including) next Monday."""

    now: datetime
    day: date
    today_start: datetime
    tomorrow_start: datetime
    week_end: datetime


def _local_midnight(day: date) -> datetime:
    # A naive datetime's astimezone() uses the offset valid on that day, so DST changes are right.
    return datetime.combine(day, time()).astimezone()


def agenda_window(now: datetime | None = None) -> AgendaWindow:
    now = local_now(now)
    day = now.date()
    return AgendaWindow(now=now, day=day, today_start=_local_midnight(day),
                        tomorrow_start=_local_midnight(day + timedelta(days=1)),
                        week_end=_local_midnight(day + timedelta(days=7 - day.weekday())))


def build_agenda(facts: TodayFacts, window: AgendaWindow) -> Agenda:
    """Overdue follow-ups (most overdue first, then in Norwegian name order) use the participant list's rule
    (follow_up.follow_up_for), worked out only for those it can apply to: participants with a current job."""
    day = window.day
    overdue = []
    for participant_id, job in facts.jobs.items():
        agreed = agreed_rule_from_terms(facts.terms.get(participant_id, []), day).agreed_interval
        last = facts.last_held.get(participant_id)
        due = follow_up_for(job.status, job.start_date, last, day, agreed)
        if due is not None and due.overdue:
            draft = (facts.last_draft or {}).get(participant_id)
            overdue.append(OverdueRow(
                participant_id=participant_id, participant_name=f"{job.first_name} {job.last_name}".strip(),
                employer_name=job.employer_name, job_title=job.job_title,
                last_visit=last.astimezone().date() if last else None, due=due.due, days_overdue=due.days_overdue,
                draft_started=draft.astimezone().date() if draft else None))
    overdue.sort(key=lambda o: (-o.days_overdue, name_sort_key(o.participant_name), o.participant_id))
    return Agenda(day=day, today=facts.planned_today, rest_of_week=facts.planned_later, overdue=tuple(overdue),
                  drafts=facts.drafts)


def read_agenda(execute: Execute, window: AgendaWindow, *, also: Execute | None = None) -> Agenda:
    """The agenda for `window`, read through `execute` (and `also`, a second connection, if given)."""
    facts = read_today_facts(execute, also=also, now=window.now, today_start=window.today_start,
                             tomorrow_start=window.tomorrow_start, week_end=window.week_end)
    return build_agenda(facts, window)
