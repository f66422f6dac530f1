"""The job search pipeline: a lead moves through application and interview; "hired" creates the placement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from fieldapp.domain.jobdev_records import EmployerOutreach, JobLead
from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.services import job_search, jobdev, placements, records

DAY = date(2026, 12, 3)


def _lead(ws):
    employer = records.save(ws, Employer(name="Fjordkanten Hotell AS"))
    participant = records.save(ws, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2"))
    contact = jobdev.log_outreach(ws, EmployerOutreach(employer_id=employer.id, contact_date=DAY, kind="phone"),
                                  [participant.id])
    lead = job_search.save_lead(ws, JobLead(participant_id=participant.id, employer_id=employer.id,
                                            job_title=" Kjøkkenassistent ", found_on=DAY, outreach_id=contact.id))
    return participant, employer, lead


def test_lead_application_interview_hired_creates_the_placement(workspace) -> None:
    participant, employer, lead = _lead(workspace)
    assert lead.job_title == "Kjøkkenassistent" and lead.status == "lead"
    applied = job_search.move_lead(workspace, lead.id, "applied", on=DAY + timedelta(days=1))
    interview = job_search.move_lead(workspace, lead.id, "interview", on=DAY + timedelta(days=8))
    assert (applied.applied_on, interview.interview_on) == (DAY + timedelta(days=1), DAY + timedelta(days=8))
    terms = Placement(participant_id="", employer_id="", job_title="", percentage=50, days_per_week=3,
                      working_hours="08–12", employment_form="temporary", start_date=DAY + timedelta(days=20))
    hired = job_search.hire(workspace, lead.id, terms, on=DAY + timedelta(days=10))
    assert hired.lead.status == "hired" and hired.lead.placement_id == hired.placement.id
    assert hired.lead.decided_on == DAY + timedelta(days=10)
    stored = placements.placement_detail(workspace, hired.placement.id)
    assert stored is not None
    p = stored.placement
    assert (p.participant_id, p.employer_id, p.job_title, p.percentage, p.days_per_week, p.working_hours,
            p.employment_form, p.start_date, p.status) == (
        participant.id, employer.id, "Kjøkkenassistent", 50, 3, "08–12", "temporary", DAY + timedelta(days=20),
        "planned")
    after = records.get(workspace, Participant, participant.id)
    assert after is not None and (after.phase, after.status) == ("phase3", "in_work")
    rows = job_search.pipeline(workspace, participant.id)
    assert [(r.lead.status, r.employer_name, r.open) for r in rows] == [("hired", "Fjordkanten Hotell AS", False)]
    with pytest.raises(DomainError):
        job_search.hire(workspace, lead.id, terms, on=DAY)
    with pytest.raises(DomainError):
        job_search.move_lead(workspace, lead.id, "closed", on=DAY)


def test_hired_cannot_be_set_without_the_placement(workspace) -> None:
    _, _, lead = _lead(workspace)
    with pytest.raises(DomainError) as err:
        job_search.save_lead(workspace, replace(lead, status="hired"))
    assert "Ansett" in err.value.message.text("nb")
    with pytest.raises(DomainError):
        job_search.move_lead(workspace, lead.id, "hired", on=DAY)


def test_invalid_terms_leave_the_lead_open_and_no_placement(workspace) -> None:
    participant, _, lead = _lead(workspace)
    bad = Placement(participant_id="", employer_id="", job_title="", percentage=140, start_date=DAY)
    with pytest.raises(ValidationFailed) as err:
        job_search.hire(workspace, lead.id, bad, on=DAY)
    assert [e.field for e in err.value.errors] == ["percentage"]
    assert records.get(workspace, JobLead, lead.id).status == "lead"
    unchanged = records.get(workspace, Participant, participant.id)
    assert unchanged is not None and (unchanged.phase, unchanged.status) == ("phase2", "active")


def test_a_job_already_started_is_active_and_a_closed_lead_keeps_its_date(workspace) -> None:
    participant, employer, lead = _lead(workspace)
    other = job_search.save_lead(workspace, JobLead(participant_id=participant.id, employer_id=employer.id,
                                                    job_title="Resepsjon"))
    closed = job_search.move_lead(workspace, other.id, "closed", on=DAY)
    assert closed.decided_on == DAY
    hired = job_search.hire(workspace, lead.id, Placement(participant_id="", employer_id="", job_title="",
                                                          start_date=DAY), on=DAY)
    assert hired.placement.status == "active"
    assert {(r.lead.job_title, r.lead.status) for r in job_search.leads_at(workspace, employer.id)} == {
        ("Kjøkkenassistent", "hired"), ("Resepsjon", "closed")}
