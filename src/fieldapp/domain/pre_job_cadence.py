"""Follow-up before a job: when a participant without a job is overdue, rapid job search, and fitting visit types."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.domain.cadence import FollowUpDue

__all__ = [
    "DEFAULT_INTERVAL_DAYS",
    "DEFAULT_WEEKLY_TARGET",
    "FIRST_CONTACT_GOAL",
    "PRE_JOB",
    "applies",
    "days_without_employer_contact",
    "phase_after_hire",
    "pre_job_due",
    "visit_types_for",
    "week_of",
]

DEFAULT_INTERVAL_DAYS = 14
DEFAULT_WEEKLY_TARGET = 6
# IPS: the first employer contact within about a month of referral ("rapid job search").
FIRST_CONTACT_GOAL = timedelta(days=30)
PRE_JOB = "pre_job"
# Visit types that only make sense once there is a job to start or to be in.
_JOB_ONLY_TYPES = frozenset({"before_start", "first_week", "first_month"})


def applies(*, has_current_job: bool, status: str, phase: str | None) -> bool:
    """The pre-job cadence covers active participants without a current job who have not ended."""
    return not has_current_job and status != "ended" and phase != "ended"


def pre_job_due(*, last_visit: date | None, started: date | None, today: date,
                interval: timedelta) -> FollowUpDue | None:
    """When a participant without a job should be seen next: `interval` after the latest visit held, or
    after the start of follow-up (referral) when there has been none. None when neither is known."""
    since = last_visit or started
    if since is None:
        return None
    return FollowUpDue(due=since + interval, stage=PRE_JOB, today=today)


def days_without_employer_contact(*, referred_on: date | None, first_contact: date | None,
                                  today: date) -> int | None:
    """Days since referral while no employer contact has been made for the participant; None once one has
    (or when the referral date is unknown)."""
    if referred_on is None or (first_contact is not None and first_contact >= referred_on):
        return None
    return max(0, (today - referred_on).days)


def visit_types_for(codes: tuple[str, ...], *, has_job: bool, keep: str | None = None) -> tuple[str, ...]:
    """The visit types to offer: without a job, none of those about starting or having just started one.
    `keep` (the type a stored visit already has) is always kept, so nothing stored is silently changed."""
    if has_job:
        return codes
    return tuple(c for c in codes if c not in _JOB_ONLY_TYPES or c == keep)


def phase_after_hire(phase: str | None) -> str:
    """A hired participant moves to Fase 3 (keeping the job) unless the follow-up has ended."""
    return phase if phase == "ended" else "phase3"


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)

