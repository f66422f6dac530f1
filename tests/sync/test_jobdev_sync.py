"""Job development records travel between two devices: employer contacts, whom they were for, leads, phases."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.jobdev_records import EmployerOutreach, JobLead
from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.services import job_search, jobdev, records
from fieldapp.storage import integrity, sync_state
from tests.sync.test_end_to_end import rows

DAY = date(2026, 12, 3)
TABLES = ("employer_outreach", "outreach_for", "job_lead", "participant", "placement")


def test_contacts_leads_and_a_hire_sync_to_the_other_device(team) -> None:
    _, _, (a, b, _c) = team
    employer = records.save(a.ws, Employer(name="Fjordkanten Hotell AS", orgnr="974760673"))
    first = records.save(a.ws, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2",
                                           referred_on=date(2026, 11, 2)))
    second = records.save(a.ws, Participant(first_name="Jonas", last_name="Ødegård", phase="phase1"))
    contact = jobdev.log_outreach(a.ws, EmployerOutreach(
        employer_id=employer.id, contact_date=DAY, kind="workplace_meeting", contact_person="Kari Holm",
        next_step="Ring tilbake", next_step_date=date(2026, 12, 8)), [first.id, second.id])
    lead = job_search.save_lead(a.ws, JobLead(participant_id=first.id, employer_id=employer.id,
                                              job_title="Kjøkkenassistent", outreach_id=contact.id))
    a.sync()
    b.sync()

    [seen] = jobdev.list_outreach(b.ws)
    assert (seen.id, seen.employer_name, seen.participant_names, seen.made_by) == (
        contact.id, "Fjordkanten Hotell AS", ("Åse Brøndbo", "Jonas Ødegård"), "a")
    assert [r.lead.id for r in job_search.pipeline(b.ws, first.id)] == [lead.id]
    got = records.get(b.ws, Participant, first.id)
    assert got is not None and (got.phase, got.referred_on) == ("phase2", date(2026, 11, 2))

    # B moves the lead on and hires; A takes the second participant off the contact meanwhile.
    job_search.move_lead(b.ws, lead.id, "interview", on=DAY)
    hired = job_search.hire(b.ws, lead.id, Placement(participant_id="", employer_id="", job_title="",
                                                     percentage=40, start_date=date(2026, 12, 14)), on=DAY)
    jobdev.log_outreach(a.ws, contact, [first.id])
    for dev in (b, a, b):
        dev.sync()

    assert {t: rows(a)[t] for t in TABLES} == {t: rows(b)[t] for t in TABLES}
    assert jobdev.list_outreach(a.ws)[0].participant_names == ("Åse Brøndbo",)
    on_a = job_search.pipeline(a.ws, first.id)[0].lead
    assert (on_a.status, on_a.placement_id) == ("hired", hired.placement.id)
    assert records.get(a.ws, Placement, hired.placement.id) is not None
    assert records.get(a.ws, Participant, first.id).phase == "phase3"
    for dev in (a, b):
        with dev.ws.folder.read() as session:
            assert integrity.check(session.connection()).ok
        assert sync_state.conflicts(dev.ws.folder) == []
