"""Every outcome figure on a hand-made team with known answers, and the edge cases the issue names."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.outcomes import figures as f
from fieldapp.domain.outcomes.inputs import EmployerContactFacts, OutcomeInputs, Period
from fieldapp.domain.outcomes.responsibility import Responsibility
from tests.unit.outcome_data import Q1, team

END = Q1.end
EMPTY = Period(date(2030, 1, 1), date(2030, 1, 31))


def _counts(rows: list[f.CaseloadRow]) -> dict[str | None, int]:
    return {r.specialist_id: r.count for r in rows}


def test_handover_and_cover_decide_who_is_responsible() -> None:
    resp = Responsibility(team().assignments)
    assert resp.who("p2", date(2026, 2, 14)) == "s1"
    assert resp.who("p2", date(2026, 2, 15)) == "s2"
    assert resp.who("p3", date(2026, 3, 14)) == "s1"  # vacation cover, last day
    assert resp.who("p3", date(2026, 3, 15)) == "s2"  # back after the cover
    assert resp.who("p5", date(2026, 3, 31)) is None


def test_caseload_per_specialist_against_the_limit() -> None:
    assert _counts(f.caseload(team(), END)) == {"s1": 1, "s2": 2}
    assert _counts(f.caseload(team(), date(2026, 3, 5))) == {"s1": 2, "s2": 1}
    rows = f.caseload(team(), END, limit=1)
    assert [r.over_limit for r in rows] == [False, True]


def test_in_work_counts_a_person_with_two_jobs_once() -> None:
    assert f.in_work(team(), date(2026, 2, 10)) == 1  # p1 holds both jobs; p2 is between jobs
    assert f.in_work(team(), END) == 2
    assert f.in_work(team(), END, "s1") == 1
    assert f.in_work(team(), date(2025, 12, 1)) == 0  # p4's work practice is not ordinary work


def test_people_in_work_by_month() -> None:
    assert f.in_work_by_month(team(), Q1) == [(date(2026, 1, 31), 2), (date(2026, 2, 28), 1), (date(2026, 3, 31), 2)]


def test_jobs_started_and_ended_count_a_restart_twice_and_follow_the_handover() -> None:
    assert len(f.jobs_started(team(), Q1)) == 4
    assert len(f.jobs_started(team(), Q1, "s1")) == 3  # p2's first job began while s1 was responsible
    assert len(f.jobs_started(team(), Q1, "s2")) == 1  # the restart came after the handover
    assert len(f.jobs_ended(team(), Q1)) == 3
    assert len(f.jobs_ended(team(), Q1, "s1")) == 2


def test_median_job_length_of_jobs_ended() -> None:
    assert f.median_job_length(team(), Q1) == 28  # lengths 27, 28 and 173 days
    assert f.median_job_length(team(), Q1, "s2") == 173


def test_hours_per_week_of_ordinary_jobs_held() -> None:
    assert f.hours_per_week(team(), END) == 25.0
    assert f.hours_per_week(team(), date(2026, 2, 10)) == 15.0  # p1's 20 and 10 hours


def test_days_from_referral_to_first_job() -> None:
    dist = f.days_to_first_job(team(), Q1)
    assert dist.values == (35, 101)  # p2 2025-12-01 -> 2026-01-05; p1 2025-10-01 -> 2026-01-10
    assert dist.median == 68
    assert dict(dist.buckets()) == {"0–30": 0, "31–90": 1, "91–180": 1, "181–365": 0, "366+": 0}
    assert f.days_to_first_job(team(), Q1, "s2").values == ()  # p2's restart is not a first job


def test_visits_per_participant_month_in_work() -> None:
    # p1 in work 81 days, p2 27 + 31 days: 139 days = 4.566 months; 4 visits while in work (p2's visit
    # between jobs and p3's visit do not count).
    assert f.visits_per_person_month_in_work(team(), Q1) == 0.88
    assert f.visits_per_person_month_in_work(team(), Q1, "s1") == round(3 / ((81 + 27) / 30.44), 2)  # p2 was s1's only in job 1


def test_overdue_follow_ups_leave_out_ended_participants() -> None:
    assert f.overdue_follow_ups(team(), END) == 2
    assert f.overdue_follow_ups(team(), END, "s2") == 1


def test_share_of_visits_out_of_the_office() -> None:
    assert f.share_out_of_office(team(), Q1) == 5 / 6


def test_an_empty_period_gives_zeros_and_no_medians() -> None:
    data = team()
    assert f.jobs_started(data, EMPTY) == [] and f.jobs_ended(data, EMPTY) == []
    assert f.median_job_length(data, EMPTY) is None
    assert f.days_to_first_job(data, EMPTY).median is None
    assert f.share_out_of_office(data, EMPTY) is None
    nobody = OutcomeInputs(participants=[])
    assert f.caseload(nobody, END) == []
    assert f.in_work(nobody, END) == 0 and f.hours_per_week(nobody, END) is None
    assert f.visits_per_person_month_in_work(nobody, Q1) is None
    assert Period(date(2026, 2, 1), date(2026, 1, 1)).days == 0


def test_employer_contact_figures_are_not_available_without_their_data() -> None:
    assert f.employer_contacts_per_week(None, Q1) is None
    assert f.days_to_first_employer_contact(team(), Q1) is None
    week = Period(date(2026, 1, 5), date(2026, 1, 18))
    contacts = [EmployerContactFacts("s1", date(2026, 1, 6))] * 12 + [EmployerContactFacts("s2", date(2026, 1, 7))] * 4
    assert f.employer_contacts_per_week(contacts, week, "s1") == 6.0
    assert f.employer_contacts_per_week(contacts, week) == 4.0
