"""Employer contacts: logging them for participants or in general, the log, and the week against the target."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.domain.jobdev_records import EmployerOutreach
from fieldapp.domain.messages import ValidationFailed
from fieldapp.domain.records import Employer, Participant
from fieldapp.services import jobdev, records

THURSDAY = date(2026, 12, 3)


def _people(ws):
    employer = records.save(ws, Employer(name="Fjordkanten Hotell AS", orgnr="974760673"))
    a = records.save(ws, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2"))
    b = records.save(ws, Participant(first_name="Jonas", last_name="Ødegård", phase="phase1"))
    return employer, a, b


def test_a_contact_for_two_participants_shows_in_both_and_on_the_employer(workspace) -> None:
    employer, a, b = _people(workspace)
    saved = jobdev.log_outreach(workspace, EmployerOutreach(
        employer_id=employer.id, contact_date=THURSDAY, kind="workplace_meeting", contact_person=" Kari Holm ",
        asked_for="Kjøkkenassistent 50 %", outcome="Vil møte begge", next_step="Ring tilbake",
        next_step_date=THURSDAY + timedelta(days=5)), [a.id, b.id])
    assert saved.contact_person == "Kari Holm"
    rows = jobdev.list_outreach(workspace, employer_id=employer.id)
    assert [(r.id, r.employer_name, r.participant_names) for r in rows] == [
        (saved.id, "Fjordkanten Hotell AS", ("Åse Brøndbo", "Jonas Ødegård"))]
    assert rows[0].made_by == workspace.actor
    assert [r.id for r in jobdev.list_outreach(workspace, participant_id=b.id)] == [saved.id]
    # The set of participants is complete: taking one away removes the link.
    jobdev.log_outreach(workspace, saved, [a.id])
    assert jobdev.list_outreach(workspace, participant_id=b.id) == []
    assert jobdev.outreach_participants(workspace, saved.id) == (a.id,)


def test_a_general_contact_with_a_new_employer_registers_it(workspace) -> None:
    saved = jobdev.log_outreach(workspace, EmployerOutreach(employer_id="", contact_date=THURSDAY, kind="phone"),
                                new_employer=Employer(name="Nordlys Lager AS", orgnr="974 760 673"))
    employer = records.get(workspace, Employer, saved.employer_id)
    assert employer is not None and employer.orgnr == "974760673"
    row = jobdev.list_outreach(workspace)[0]
    assert row.general and row.employer_name == "Nordlys Lager AS"
    with pytest.raises(ValidationFailed) as err:
        jobdev.log_outreach(workspace, EmployerOutreach(employer_id="", contact_date=THURSDAY, kind="phone"),
                            new_employer=Employer(name="Et annet navn", orgnr="974760673"))
    assert [e.field for e in err.value.errors] == ["employer.orgnr"]
    assert "allerede" in err.value.errors[0].text("nb")


def test_invalid_contacts_are_refused_with_every_problem(workspace) -> None:
    employer, _, _ = _people(workspace)
    with pytest.raises(ValidationFailed) as err:
        jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=THURSDAY, kind="fax",
                                                        next_step_date=THURSDAY - timedelta(days=2)))
    assert {e.field for e in err.value.errors} == {"kind", "next_step_date"}
    assert jobdev.list_outreach(workspace) == []


def test_the_week_counts_own_contacts_against_the_target_and_lists_next_steps(workspace) -> None:
    employer, a, _ = _people(workspace)
    other = records.save(workspace, Employer(name="Sjøbua Kafé"))
    for day in (THURSDAY - timedelta(days=3), THURSDAY, THURSDAY + timedelta(days=3)):  # Monday, Thursday, Sunday
        jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=day, kind="phone"))
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=THURSDAY - timedelta(days=4),
                                                    kind="phone"))  # last week's Sunday
    step = jobdev.log_outreach(workspace, EmployerOutreach(
        employer_id=other.id, contact_date=THURSDAY - timedelta(days=10), kind="first_contact",
        next_step="Send CV", next_step_date=THURSDAY - timedelta(days=1)), [a.id])
    week = jobdev.week_of_outreach(workspace, today=THURSDAY, target=6)
    assert (week.week_start, week.week_end, week.count, week.target, week.reached) == (
        date(2026, 11, 30), date(2026, 12, 6), 3, 6, False)
    assert [r.id for r in week.next_steps] == [step.id]
    assert jobdev.week_of_outreach(workspace, today=THURSDAY, made_by="someone else").count == 0
    # A later contact with the same employer takes the next step off the list.
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=other.id, contact_date=THURSDAY, kind="email"))
    assert jobdev.week_of_outreach(workspace, today=THURSDAY).next_steps == ()


def test_a_deleted_contact_no_longer_counts(workspace) -> None:
    employer, a, _ = _people(workspace)
    saved = jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=THURSDAY,
                                                            kind="phone"), [a.id])
    jobdev.delete_outreach(workspace, saved.id)
    assert jobdev.week_of_outreach(workspace, today=THURSDAY).count == 0
    assert jobdev.list_outreach(workspace, participant_id=a.id) == []


def test_a_participants_export_holds_the_contacts_made_for_them_and_their_leads(workspace) -> None:
    from fieldapp.domain.jobdev_records import JobLead
    from fieldapp.services import job_search
    from fieldapp.services.exporting import build_export

    employer, a, b = _people(workspace)
    for_a = jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=THURSDAY,
                                                            kind="phone"), [a.id])
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=THURSDAY, kind="email"),
                        [b.id])
    lead = job_search.save_lead(workspace, JobLead(participant_id=a.id, employer_id=employer.id, job_title="Vaskehjelp"))
    found = build_export(workspace, participant_id=a.id)["records"]
    assert [r["id"] for r in found["employer_outreach"]] == [for_a.id]
    assert [r["participant_id"] for r in found["outreach_for"]] == [a.id]
    assert [r["id"] for r in found["job_lead"]] == [lead.id]
