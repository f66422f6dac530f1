"""Follow-up before a job: overdue after the interval, gone when seen; days since referral without a contact."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fieldapp.domain.jobdev_records import EmployerOutreach
from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.visit_records import Visit
from fieldapp.services import jobdev, pre_job, records

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()


def test_a_participant_without_a_job_is_overdue_after_the_interval_until_seen(workspace) -> None:
    p = records.save(workspace, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2",
                                            referred_on=TODAY - timedelta(days=40)))
    records.save(workspace, Visit(participant_id=p.id, starts_at=NOW - timedelta(days=16),
                                  finished_at=NOW - timedelta(days=16) + timedelta(hours=1)))
    [row] = pre_job.overdue_before_job(workspace, now=NOW, interval_days=14)
    assert (row.participant_id, row.phase, row.days_overdue) == (p.id, "phase2", 2)
    assert row.last_visit == (NOW - timedelta(days=16)).astimezone().date()
    # A longer interval (the setting) and the same participant is not overdue.
    assert pre_job.overdue_before_job(workspace, now=NOW, interval_days=21) == []
    # A visit begun but not finished (a draft) was not held: still overdue, as in the participant list.
    draft = records.save(workspace, Visit(participant_id=p.id, starts_at=NOW - timedelta(hours=1)))
    assert [r.participant_id for r in pre_job.overdue_before_job(workspace, now=NOW, interval_days=14)] == [p.id]
    records.save(workspace, replace(draft, finished_at=NOW))
    assert pre_job.overdue_before_job(workspace, now=NOW, interval_days=14) == []
    # A visit planned for later does not count as being seen.
    records.save(workspace, Visit(participant_id=p.id, starts_at=NOW + timedelta(days=3)))
    assert [r.due for r in pre_job.pre_job_rows(workspace, now=NOW)] == [TODAY + timedelta(days=14)]


def test_never_seen_counts_from_referral_and_a_job_or_the_end_takes_one_out(workspace) -> None:
    waiting = records.save(workspace, Participant(first_name="Jonas", last_name="Lie",
                                                  referred_on=TODAY - timedelta(days=20)))
    in_job = records.save(workspace, Participant(first_name="Kari", last_name="Holm",
                                                 referred_on=TODAY - timedelta(days=60)))
    ended = records.save(workspace, Participant(first_name="Per", last_name="Moen", status="ended",
                                                referred_on=TODAY - timedelta(days=60)))
    employer = records.save(workspace, Employer(name="Sjøbua Kafé"))
    records.save(workspace, Placement(participant_id=in_job.id, employer_id=employer.id, job_title="Servitør",
                                      status="active", start_date=TODAY - timedelta(days=30)))
    rows = pre_job.overdue_before_job(workspace, now=NOW)
    assert [(r.participant_id, r.days_overdue) for r in rows] == [(waiting.id, 6)]
    assert ended.id not in {r.participant_id for r in pre_job.pre_job_rows(workspace, now=NOW)}


def test_days_since_referral_without_an_employer_contact(workspace) -> None:
    slow = records.save(workspace, Participant(first_name="Jonas", last_name="Lie",
                                               referred_on=TODAY - timedelta(days=35)))
    quick = records.save(workspace, Participant(first_name="Åse", last_name="Brøndbo",
                                                referred_on=TODAY - timedelta(days=10)))
    unknown = records.save(workspace, Participant(first_name="Kari", last_name="Holm"))
    employer = records.save(workspace, Employer(name="Nordlys Lager AS"))
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=TODAY - timedelta(days=2),
                                                    kind="first_contact"), [quick.id])
    by_id = {r.participant_id: r.days_without_employer_contact for r in pre_job.pre_job_rows(workspace, now=NOW)}
    assert by_id == {slow.id: 35, quick.id: None, unknown.id: None}
    assert [r.participant_id for r in pre_job.waiting_for_first_contact(workspace, now=NOW)] == [slow.id]
