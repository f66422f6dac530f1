"""Every outcome figure on a hand-made team with known answers, and the edge cases the issue names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from fieldapp.domain.outcomes import figures as f
from fieldapp.domain.outcomes.inputs import (
    AssignmentFacts, EmployerContactFacts, OutcomeInputs, ParticipantFacts, Period,
)
from fieldapp.domain.outcomes.summary import summarize
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


def test_caseload_by_phase_for_the_team_and_one_specialist() -> None:
    people = OutcomeInputs(
        specialists={"s1": "Kari Fjell", "s2": "Ola Strand"},
        participants=[ParticipantFacts("a", date(2026, 1, 1), phase="phase1"),
                      ParticipantFacts("b", date(2026, 1, 1), phase="phase2"),
                      ParticipantFacts("c", date(2026, 1, 1), phase="phase3"),
                      ParticipantFacts("d", date(2026, 1, 1), phase="phase3"),
                      ParticipantFacts("e", date(2026, 1, 1)),  # no phase set
                      ParticipantFacts("f", date(2026, 1, 1), ended_on=date(2026, 2, 1), phase="ended"),
                      ParticipantFacts("g", date(2026, 4, 1), phase="phase1")],  # referred after the day
        assignments=[AssignmentFacts("a", "s1", date(2026, 1, 1)), AssignmentFacts("b", "s2", date(2026, 1, 1)),
                     AssignmentFacts("c", "s1", date(2026, 1, 1)), AssignmentFacts("d", "s2", date(2026, 1, 1)),
                     AssignmentFacts("e", "s1", date(2026, 1, 1))],
    )
    assert f.caseload_by_phase(people, END) == [("phase1", 1), ("phase2", 1), ("phase3", 2), ("ended", 0),
                                                (None, 1)]
    assert f.caseload_by_phase(people, END, "s2") == [("phase1", 0), ("phase2", 1), ("phase3", 1), ("ended", 0)]
    assert summarize(people, Q1, specialist_id="s1").caseload_by_phase == (
        ("phase1", 1), ("phase2", 0), ("phase3", 1), ("ended", 0), (None, 1))


def test_employer_contacts_per_week_count_a_contact_for_two_participants_once_and_leave_out_phone() -> None:
    two_weeks = Period(date(2026, 1, 5), date(2026, 1, 18))
    contacts = [
        EmployerContactFacts("s1", date(2026, 1, 6), participant_id="p1", contact_id="o1"),
        EmployerContactFacts("s1", date(2026, 1, 6), participant_id="p2", contact_id="o1"),  # same contact
        EmployerContactFacts("s1", date(2026, 1, 8), contact_id="o2"),  # general
        EmployerContactFacts("s1", date(2026, 1, 9), face_to_face=False, participant_id="p1", contact_id="o3"),
        EmployerContactFacts("s1", date(2026, 1, 20), contact_id="o4"),  # after the period
        EmployerContactFacts("s2", date(2026, 1, 12), contact_id="o5"),
        EmployerContactFacts("s2", date(2026, 1, 13), contact_id="o6"),
        EmployerContactFacts("s2", date(2026, 1, 14), contact_id="o7"),
        EmployerContactFacts("s2", date(2026, 1, 15), contact_id="o8"),
        EmployerContactFacts("", date(2026, 1, 16), contact_id="o9"),  # nobody to tie it to
    ]
    assert f.employer_contacts_per_week(contacts, two_weeks, "s1") == 1.0  # o1, o2 over two weeks
    assert f.employer_contacts_per_week(contacts, two_weeks, "s2") == 2.0
    # Team: 7 contacts shared by the two specialists who made some, over two weeks.
    assert f.employer_contacts_per_week(contacts, two_weeks) == 1.8
    assert f.employer_contacts_per_week([], two_weeks) == 0.0


def test_days_from_referral_to_first_employer_contact() -> None:
    inputs = replace(team(), employer_contacts=[
        EmployerContactFacts("s1", date(2025, 12, 20), participant_id="p1"),  # p1's first: before the period
        EmployerContactFacts("s1", date(2026, 1, 20), participant_id="p1"),
        EmployerContactFacts("s1", date(2026, 1, 31), participant_id="p2"),  # 61 days after 1.12.2025
        EmployerContactFacts("s2", date(2026, 2, 20), participant_id="p2"),
        EmployerContactFacts("s2", date(2026, 1, 25), participant_id="p3"),  # 10 days after 15.1.2026
        EmployerContactFacts("s1", date(2026, 1, 26)),  # general: nobody's first
        EmployerContactFacts("s1", date(2026, 1, 1), participant_id="unknown"),
    ])
    team_dist = f.days_to_first_employer_contact(inputs, Q1)
    assert team_dist is not None and team_dist.values == (10, 61) and team_dist.median == 35.5
    s1 = f.days_to_first_employer_contact(inputs, Q1, "s1")
    assert s1 is not None and s1.values == (61,)  # p2 was s1's on 31.1
    s2 = f.days_to_first_employer_contact(inputs, Q1, "s2")
    assert s2 is not None and s2.values == (10,)
    assert f.days_to_first_employer_contact(replace(inputs, employer_contacts=[]), Q1) == f.Distribution(())


def test_the_report_shows_phases_and_employer_contacts_when_there_is_data() -> None:
    from fieldapp.domain.outcomes.report import NOT_AVAILABLE, build_report

    without = build_report(summarize(team(), Q1), threshold=5)
    contacts = {label: cell.text for s in without.sections if s.title == "Arbeidsgiverkontakter"
                for label, cell in s.rows}
    assert set(contacts.values()) == {NOT_AVAILABLE}
    people = [ParticipantFacts(f"p{i}", date(2025, 12, 1), phase="phase2" if i < 6 else "phase1") for i in range(8)]
    inputs = OutcomeInputs(participants=people, employer_contacts=[
        EmployerContactFacts("s1", date(2026, 1, 5) + timedelta(days=i),
                             participant_id=f"p{i}", contact_id=f"o{i}") for i in range(7)])
    report = build_report(summarize(inputs, Q1), threshold=5)
    rows = {label: cell.text for s in report.sections for label, cell in s.rows}
    assert rows["Fordelt på fase: Fase 2 – kartlegging og bistand"] == "6" and rows["Fordelt på fase: Fase 1 – muligheter"] == "<5"
    assert rows["Fordelt på fase: Fase 3 – beholde arbeid"] == "0"
    # 7 contacts by one specialist over 90 days; first contacts 35..41 days after referral (median 38).
    assert rows["Arbeidsgiverkontakter per jobbspesialist per uke"] == "0,5"
    assert rows["Dager fra henvisning til første arbeidsgiverkontakt"] == "38 dager"
