"""Retention: when a participant's follow-up has ended, how long their records are kept before review for erasure.

The period is the office's own choice (a setting); nothing here claims what the law requires.
"""

from __future__ import annotations

from datetime import date

from fieldapp.domain.messages import DomainError, Message

DEFAULT_YEARS = 5
MIN_YEARS, MAX_YEARS = 1, 30
ENDED = "ended"


def check_years(years: int) -> None:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise DomainError(Message(
            "retention.years", f"Oppbevaringstiden må være mellom {MIN_YEARS} og {MAX_YEARS} år.",
            f"The retention period must be between {MIN_YEARS} and {MAX_YEARS} years."))


def retention_ends(follow_up_end: date, years: int) -> date:
    """The day the retention period has run out (29 February counts on to 28 February in other years)."""
    try:
        return follow_up_end.replace(year=follow_up_end.year + years)
    except ValueError:
        return follow_up_end.replace(year=follow_up_end.year + years, day=28)


def is_due(status: str, follow_up_end: date | None, years: int, today: date) -> bool:
    """Due for review and erasure: follow-up ended (status Avsluttet with an end date) and the period run out."""
    return status == ENDED and follow_up_end is not None and retention_ends(follow_up_end, years) <= today
