"""The default IPS follow-up cadence as a pure rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.cadence import FollowUpDue, Stage, interval_for_frequency, next_follow_up

START = date(2026, 3, 2)  # a Monday


def due(last_visit: date | None, today: date, **kw: object) -> FollowUpDue:
    result = next_follow_up(job_start=START, last_visit=last_visit, today=today, **kw)
    assert result is not None
    return result


def test_no_job_means_no_cadence() -> None:
    assert next_follow_up(job_start=None, last_visit=date(2026, 1, 1), today=date(2026, 3, 1)) is None


def test_before_start_visit_is_due_the_day_before_the_start() -> None:
    d = due(None, START - timedelta(days=10))
    assert (d.due, d.stage, d.overdue) == (START - timedelta(days=1), Stage.BEFORE_START, False)


def test_missing_before_start_visit_is_overdue_once_the_job_has_started() -> None:
    d = due(None, START + timedelta(days=2))
    assert d.overdue and d.days_overdue == 3 and d.stage == Stage.BEFORE_START


def test_a_visit_more_than_a_week_before_start_does_not_count() -> None:
    d = due(START - timedelta(days=8), START - timedelta(days=2))
    assert d.stage == Stage.BEFORE_START and d.due == START - timedelta(days=1)


def test_after_the_before_start_visit_the_next_is_due_within_three_days_of_start() -> None:
    d = due(START - timedelta(days=7), START)
    assert (d.due, d.stage) == (START + timedelta(days=3), Stage.FIRST_WEEK)
    assert due(START - timedelta(days=3), START + timedelta(days=4)).days_overdue == 1


def test_weekly_during_the_first_month() -> None:
    d = due(START + timedelta(days=2), START + timedelta(days=5))
    assert (d.due, d.stage, d.overdue) == (START + timedelta(days=9), Stage.FIRST_MONTH, False)
    assert due(START + timedelta(days=21), START + timedelta(days=28)).due == START + timedelta(days=28)


def test_monthly_once_the_next_weekly_visit_would_fall_after_the_first_month() -> None:
    d = due(START + timedelta(days=22), START + timedelta(days=40))
    assert (d.due, d.stage, d.overdue) == (START + timedelta(days=52), Stage.MONTHLY, False)


def test_overdue_monthly_follow_up_counts_days_since_due() -> None:
    last = START + timedelta(days=100)
    d = due(last, last + timedelta(days=45))
    assert d.overdue and d.days_overdue == 15


def test_due_today_is_not_overdue() -> None:
    last = START + timedelta(days=60)
    assert not due(last, last + timedelta(days=30)).overdue


def test_an_agreed_frequency_replaces_the_default_rhythm_after_start() -> None:
    every_other_week = interval_for_frequency("every_other_week")
    d = due(START + timedelta(days=1), START + timedelta(days=10), agreed_interval=every_other_week)
    assert (d.due, d.stage) == (START + timedelta(days=15), Stage.AGREED)
    # Before the start, the agreement does not remove the before-start and first-week visits.
    assert due(None, START - timedelta(days=3), agreed_interval=every_other_week).stage == Stage.BEFORE_START


@pytest.mark.parametrize(("frequency", "days"), [("weekly", 7), ("every_other_week", 14), ("monthly", 30),
                                                  ("quarterly", 91), ("as_needed", None), ("custom", None),
                                                  ("", None), (None, None)])
def test_interval_for_frequency(frequency: str | None, days: int | None) -> None:
    interval = interval_for_frequency(frequency)
    assert (interval.days if interval else None) == days


@given(offset=st.integers(min_value=-7, max_value=400), gap=st.integers(min_value=0, max_value=60))
def test_a_visit_today_is_never_overdue(offset: int, gap: int) -> None:
    """Whatever happened before, holding a visit today clears the overdue flag."""
    today = START + timedelta(days=offset + gap)
    visit_day = START + timedelta(days=offset)
    assert not due(today, today).overdue
    assert due(visit_day, today).due > visit_day
