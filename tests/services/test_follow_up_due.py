"""Overdue follow-up: by an active agreement's frequency when there is one, else by the default IPS cadence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fieldapp.services import participants
from fieldapp.services.agenda import load_agenda
from tests.support.visit_data import active_agreement, earlier_visit, participant_in_job

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()


def _row(ws, participant_id):
    return next(r for r in participants.list_participants(ws, now=NOW) if r.id == participant_id)


def test_default_cadence_is_monthly_after_the_first_month(workspace) -> None:
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    earlier_visit(workspace, participant, placement, NOW - timedelta(days=20))
    row = _row(workspace, participant.id)
    assert row.next_visit_due == (NOW - timedelta(days=20)).astimezone().date() + timedelta(days=30)
    assert not row.overdue


def test_an_agreed_weekly_follow_up_makes_the_same_participant_overdue(workspace) -> None:
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    earlier_visit(workspace, participant, placement, NOW - timedelta(days=20))
    active_agreement(workspace, participant, placement, today=TODAY, frequency="weekly")
    row = _row(workspace, participant.id)
    last = (NOW - timedelta(days=20)).astimezone().date()
    assert row.next_visit_due == last + timedelta(days=7)
    assert row.overdue and row.days_overdue == (TODAY - (last + timedelta(days=7))).days
    assert participant.id in {o.participant_id for o in load_agenda(workspace, now=NOW).overdue}
    detail = participants.open_participant(workspace, participant.id, now=NOW)
    assert detail is not None and detail.follow_up is not None and detail.follow_up.overdue


def test_an_agreement_not_yet_in_force_does_not_count(workspace) -> None:
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    earlier_visit(workspace, participant, placement, NOW - timedelta(days=20))
    # Running from 60 days after today: not active yet, so the default monthly rhythm still applies.
    active_agreement(workspace, participant, placement, today=TODAY + timedelta(days=200), frequency="weekly")
    assert not _row(workspace, participant.id).overdue
