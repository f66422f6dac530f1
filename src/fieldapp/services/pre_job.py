"""Follow-up before a job for the UI: who is overdue, how long since referral without an employer contact, phases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldapp.domain import pre_job_cadence as rule
from fieldapp.domain.cadence import FollowUpDue
from fieldapp.domain.names import name_sort_key
from fieldapp.services.follow_up import local_now
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries.pre_job import pre_job_facts


@dataclass(frozen=True)
class PreJobRow:
    """A participant without a job under the pre-job cadence."""

    participant_id: str
    participant_name: str
    phase: str | None
    last_visit: date | None
    due: date | None
    days_overdue: int
    days_without_employer_contact: int | None

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def pre_job_follow_up(*, status: str, phase: str | None, has_current_job: bool, last_held: datetime | None,
                      started: date | None, today: date,
                      interval_days: int = rule.DEFAULT_INTERVAL_DAYS) -> FollowUpDue | None:
    """The pre-job cadence for one participant (None when it does not apply), as lists and details show it."""
    if not rule.applies(has_current_job=has_current_job, status=status, phase=phase):
        return None
    return rule.pre_job_due(last_visit=last_held.astimezone().date() if last_held else None, started=started,
                            today=today, interval=timedelta(days=max(1, interval_days)))


def pre_job_rows(ws: Workspace, *, now: datetime | None = None,
                 interval_days: int = rule.DEFAULT_INTERVAL_DAYS) -> list[PreJobRow]:
    """Every participant the pre-job cadence applies to (no current job, not ended): most overdue first, then
    in Norwegian name order. Without a visit the interval counts from referral (or the start of follow-up)."""
    now = local_now(now)
    today = now.date()
    interval = timedelta(days=max(1, interval_days))
    with ws.folder.read() as session:
        facts = pre_job_facts(session, now=now)
    rows = []
    for f in facts:
        if not rule.applies(has_current_job=f.has_current_job, status=f.status, phase=f.phase):
            continue
        last = f.last_visit.astimezone().date() if f.last_visit else None
        due = rule.pre_job_due(last_visit=last, started=f.referred_on or f.follow_up_start, today=today,
                               interval=interval)
        rows.append(PreJobRow(
            participant_id=f.participant_id, participant_name=f"{f.first_name} {f.last_name}".strip(), phase=f.phase,
            last_visit=last, due=due.due if due else None, days_overdue=due.days_overdue if due else 0,
            days_without_employer_contact=rule.days_without_employer_contact(
                referred_on=f.referred_on, first_contact=f.first_employer_contact, today=today)))
    rows.sort(key=lambda r: (-r.days_overdue, name_sort_key(r.participant_name), r.participant_id))
    return rows


def overdue_before_job(ws: Workspace, *, now: datetime | None = None,
                       interval_days: int = rule.DEFAULT_INTERVAL_DAYS) -> list[PreJobRow]:
    """Participants without a job not seen within the interval (Today's "overdue before a job")."""
    return [r for r in pre_job_rows(ws, now=now, interval_days=interval_days) if r.overdue]


def waiting_for_first_contact(ws: Workspace, *, now: datetime | None = None) -> list[PreJobRow]:
    """Participants without a job and without any employer contact since referral, longest waiting first."""
    rows = [r for r in pre_job_rows(ws, now=now) if r.days_without_employer_contact is not None]
    rows.sort(key=lambda r: (-(r.days_without_employer_contact or 0), name_sort_key(r.participant_name)))
    return rows


def row_for(ws: Workspace, participant_id: str, *, now: datetime | None = None,
            interval_days: int = rule.DEFAULT_INTERVAL_DAYS) -> PreJobRow | None:
    """One participant's pre-job follow-up, or None when the cadence does not apply (a job, or ended)."""
    return next((r for r in pre_job_rows(ws, now=now, interval_days=interval_days)
                 if r.participant_id == participant_id), None)
