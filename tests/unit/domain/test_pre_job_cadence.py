"""The pre-job follow-up rule, rapid job search, fitting visit types, and the job development records' checks."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.domain import pre_job_cadence as rule
from fieldapp.domain import vocab
from fieldapp.domain.jobdev_records import EmployerOutreach, JobLead
from fieldapp.domain.records import Participant

DAY = date(2026, 11, 23)
TWO_WEEKS = timedelta(days=14)


def test_the_cadence_applies_only_without_a_job_and_before_the_end() -> None:
    assert rule.applies(has_current_job=False, status="active", phase="phase2")
    assert rule.applies(has_current_job=False, status="active", phase=None)
    assert not rule.applies(has_current_job=True, status="in_work", phase="phase3")
    assert not rule.applies(has_current_job=False, status="ended", phase="phase2")
    assert not rule.applies(has_current_job=False, status="active", phase="ended")


def test_overdue_the_day_after_the_interval_from_the_last_visit() -> None:
    on_time = rule.pre_job_due(last_visit=DAY - TWO_WEEKS, started=None, today=DAY, interval=TWO_WEEKS)
    assert on_time is not None and on_time.due == DAY and not on_time.overdue
    late = rule.pre_job_due(last_visit=DAY - TWO_WEEKS, started=None, today=DAY + timedelta(days=3),
                            interval=TWO_WEEKS)
    assert late is not None and late.overdue and late.days_overdue == 3


def test_without_a_visit_the_interval_counts_from_referral() -> None:
    due = rule.pre_job_due(last_visit=None, started=DAY - timedelta(days=20), today=DAY, interval=TWO_WEEKS)
    assert due is not None and due.days_overdue == 6
    assert rule.pre_job_due(last_visit=None, started=None, today=DAY, interval=TWO_WEEKS) is None


def test_days_since_referral_without_an_employer_contact() -> None:
    referred = DAY - timedelta(days=33)
    assert rule.days_without_employer_contact(referred_on=referred, first_contact=None, today=DAY) == 33
    assert rule.days_without_employer_contact(referred_on=referred, first_contact=DAY, today=DAY) is None
    assert rule.days_without_employer_contact(referred_on=None, first_contact=None, today=DAY) is None
    # A contact before this referral (an earlier round of follow-up) does not count for this one.
    assert rule.days_without_employer_contact(referred_on=referred, first_contact=referred - timedelta(days=1),
                                              today=DAY) == 33


def test_visit_types_about_a_job_are_not_offered_without_one() -> None:
    codes = tuple(t.code for t in vocab.VISIT_TYPES)
    offered = rule.visit_types_for(codes, has_job=False)
    assert "before_start" not in offered and "first_week" not in offered and "first_month" not in offered
    assert "routine" in offered and "crisis" in offered
    assert rule.visit_types_for(codes, has_job=True) == codes
    assert "first_week" in rule.visit_types_for(codes, has_job=False, keep="first_week")


def test_hiring_moves_to_phase_3_unless_ended() -> None:
    assert rule.phase_after_hire("phase2") == "phase3"
    assert rule.phase_after_hire(None) == "phase3"
    assert rule.phase_after_hire("ended") == "ended"


def test_week_runs_monday_to_sunday() -> None:
    assert rule.week_of(date(2026, 12, 3)) == (date(2026, 11, 30), date(2026, 12, 6))


def test_records_are_checked() -> None:
    assert Participant(first_name="Åse", last_name="Lie", phase="phase2").validate() == []
    assert [e.field for e in Participant(first_name="Åse", last_name="Lie", phase="phase9").validate()] == ["phase"]
    bad = EmployerOutreach(employer_id="e", contact_date=DAY, kind="fax", next_step_date=DAY - timedelta(days=1))
    assert {e.field for e in bad.validate()} == {"kind", "next_step_date"}
    assert EmployerOutreach(employer_id="e", contact_date=DAY, kind="phone").validate() == []
    lead = JobLead(participant_id="p", employer_id="e", job_title="", status="maybe")
    assert {e.field for e in lead.validate()} == {"job_title", "status"}
