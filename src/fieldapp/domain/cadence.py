"""The default IPS follow-up cadence: when the next visit is due, and whether it is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "BEFORE_START_WINDOW",
    "FIRST_MONTH",
    "FIRST_WEEK_LIMIT",
    "MONTHLY",
    "WEEKLY",
    "FollowUpDue",
    "Stage",
    "interval_for_frequency",
    "next_follow_up",
]

# IPS: a visit within the week before the job starts, one within 3 days after the start,
# weekly through the first month, then at least monthly.
BEFORE_START_WINDOW = timedelta(days=7)
FIRST_WEEK_LIMIT = timedelta(days=3)
FIRST_MONTH = timedelta(days=28)
WEEKLY = timedelta(days=7)
MONTHLY = timedelta(days=30)

_FREQUENCY_INTERVALS = {
    "weekly": timedelta(days=7),
    "every_other_week": timedelta(days=14),
    "monthly": MONTHLY,
    "quarterly": timedelta(days=91),
}


class Stage:
    """Which requirement of the cadence the next visit fulfils."""

    BEFORE_START = "before_start"
    FIRST_WEEK = "first_week"
    FIRST_MONTH = "first_month"
    MONTHLY = "monthly"
    AGREED = "agreed"


@dataclass(frozen=True)
class FollowUpDue:
    """The last day the next visit should take place by, judged on `today`."""

    due: date
    stage: str
    today: date

    @property
    def overdue(self) -> bool:
        return self.today > self.due

    @property
    def days_overdue(self) -> int:
        return max(0, (self.today - self.due).days)


def interval_for_frequency(frequency: str | None) -> timedelta | None:
    """The visit interval an agreement's follow-up frequency asks for; None for "as needed" and custom texts."""
    return _FREQUENCY_INTERVALS.get(frequency or "")


def next_follow_up(*, job_start: date | None, last_visit: date | None, today: date,
                   agreed_interval: timedelta | None = None) -> FollowUpDue | None:
    """When the next follow-up visit is due under the default cadence, or None when no cadence applies.

    `job_start` is the start of the current placement; without one (before a job is found, or after
    it ended) the cadence does not apply. `last_visit` is the day of the latest visit held (not merely
    planned). Only the latest visit matters: each requirement is measured from it. A visit more than a
    week before the start does not count as the before-start visit. `agreed_interval` (from an
    agreement's follow-up frequency) replaces the weekly/monthly rhythm once the job has started.
    A missed deadline stays the due date until a visit is held, so "overdue since" is honest.
    """
    if job_start is None:
        return None
    if last_visit is None or last_visit < job_start - BEFORE_START_WINDOW:
        return FollowUpDue(due=job_start - timedelta(days=1), stage=Stage.BEFORE_START, today=today)
    if last_visit < job_start:
        return FollowUpDue(due=job_start + FIRST_WEEK_LIMIT, stage=Stage.FIRST_WEEK, today=today)
    if agreed_interval is not None:
        return FollowUpDue(due=last_visit + agreed_interval, stage=Stage.AGREED, today=today)
    if last_visit + WEEKLY <= job_start + FIRST_MONTH:
        return FollowUpDue(due=last_visit + WEEKLY, stage=Stage.FIRST_MONTH, today=today)
    return FollowUpDue(due=last_visit + MONTHLY, stage=Stage.MONTHLY, today=today)
