"""The overview's inputs read from the folder: employer contacts from the job-development records, the referral
date and the participant's phase."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.jobdev_records import EmployerOutreach
from fieldapp.domain.outcomes.inputs import Period
from fieldapp.domain.records import Employer, Participant
from fieldapp.domain.team_records import Specialist
from fieldapp.services import jobdev, outcomes, records, team

TODAY = date(2026, 3, 31)
Q1 = Period(date(2026, 1, 1), TODAY)


def test_employer_contacts_referral_and_phase_reach_the_figures(workspace) -> None:
    employer = records.save(workspace, Employer(name="Fjordkanten Hotell AS", orgnr="974760673"))
    # Referred 2.1 (follow-up started later: the referral date counts); the other has no referral date.
    a = records.save(workspace, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2",
                                            referred_on=date(2026, 1, 2), follow_up_start=date(2026, 1, 20)))
    b = records.save(workspace, Participant(first_name="Jonas", last_name="Ødegård", phase="phase1",
                                            follow_up_start=date(2026, 1, 10)))
    c = records.save(workspace, Participant(first_name="Lina", last_name="Haugen", follow_up_start=date(2026, 1, 1)))
    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    ola = team.save_specialist(workspace, Specialist(name="Ola Nordstrand"))
    for p, who in ((a, kari), (b, kari), (c, ola)):
        team.hand_over(workspace, participant_id=p.id, specialist_id=who.id, start=date(2026, 1, 1), reason="start")

    def log(day: date, kind: str, *people: Participant) -> None:
        jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=day, kind=kind),
                            [p.id for p in people])

    log(date(2026, 1, 12), "workplace_meeting", a, b)  # one contact for two: 10 days for a, 2 for b
    log(date(2026, 1, 14), "phone", a)  # logged, but not face to face
    log(date(2026, 2, 3), "first_contact", c)  # 33 days for c, Ola's
    log(date(2026, 2, 4), "follow_up")  # general: the user is no specialist, so nobody's

    inputs = outcomes.load_inputs(workspace, today=TODAY)
    referred = {p.id: p.referred_on for p in inputs.participants}
    assert referred == {a.id: date(2026, 1, 2), b.id: date(2026, 1, 10), c.id: date(2026, 1, 1)}
    assert {p.id: p.phase for p in inputs.participants} == {a.id: "phase2", b.id: "phase1", c.id: None}
    assert inputs.employer_contacts is not None and len(inputs.employer_contacts) == 5  # one row per participant

    mine = outcomes.overview(workspace, Q1, specialist_id=kari.id, inputs=inputs, today=TODAY)
    assert mine.days_to_first_employer_contact is not None
    assert mine.days_to_first_employer_contact.values == (2, 10)
    assert mine.employer_contacts_per_week == round(1 / (Q1.days / 7), 1)  # the meeting, counted once
    assert mine.caseload_by_phase == (("phase1", 1), ("phase2", 1), ("phase3", 0), ("ended", 0))
    everyone = outcomes.overview(workspace, Q1, inputs=inputs, today=TODAY)
    assert everyone.days_to_first_employer_contact is not None
    assert everyone.days_to_first_employer_contact.values == (2, 10, 33)
    # Three face-to-face contacts, shared by the two specialists who made some.
    assert everyone.employer_contacts_per_week == round(3 / 2 / (Q1.days / 7), 1)
    assert dict(everyone.caseload_by_phase)[None] == 1


def test_a_contact_counts_for_the_specialist_whose_name_the_user_has(workspace) -> None:
    employer = records.save(workspace, Employer(name="Nordlys Lager AS"))
    me = team.save_specialist(workspace, Specialist(name=workspace.actor))
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=date(2026, 3, 2),
                                                    kind="workplace_meeting"))
    inputs = outcomes.load_inputs(workspace, today=TODAY)
    assert [(c.specialist_id, c.participant_id, c.face_to_face) for c in inputs.employer_contacts or ()] == [
        (me.id, None, True)]
    week = Period(date(2026, 3, 2), date(2026, 3, 8))
    assert outcomes.overview(workspace, week, specialist_id=me.id, inputs=inputs, today=TODAY) \
        .employer_contacts_per_week == 1.0
