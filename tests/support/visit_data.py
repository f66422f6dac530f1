"""Invented records for visit tests: a participant in a job, earlier visits with actions, an active agreement."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from fieldapp.domain import agreement_content as ac
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.records import Employer, EmployerContact, Participant, Placement
from fieldapp.domain.visit_records import Visit, VisitAction
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreements


def participant_in_job(ws: Workspace, *, job_start: date, first_name: str = "Åse",
                       last_name: str = "Brøndbo") -> tuple[Participant, Placement, EmployerContact]:
    employer = records.save(ws, Employer(name="Solbakken Bakeri AS"))
    contact = records.save(ws, EmployerContact(employer_id=employer.id, name="Ola Bergstrøm"))
    participant = records.save(ws, Participant(first_name=first_name, last_name=last_name,
                                               nav_contact_name="Per Ødegård", status="in_work"))
    placement = records.save(ws, Placement(participant_id=participant.id, employer_id=employer.id,
                                           contact_id=contact.id, job_title="Bakerassistent", start_date=job_start,
                                           status="active"))
    return participant, placement, contact


def earlier_visit(ws: Workspace, participant: Participant, placement: Placement | None, at: datetime, *,
                  actions: tuple[tuple[str, str], ...] = (), finished: bool = True) -> tuple[Visit, list[VisitAction]]:
    """A visit held at `at` with actions given as (what, status)."""
    visit = records.save(ws, Visit(participant_id=participant.id, placement_id=placement.id if placement else None,
                                   starts_at=at, summary="Går fint."))
    stored = [records.save(ws, VisitAction(visit_id=visit.id, what=what, status=status, responsible="Jobbspesialist",
                                           deadline=at.date() + timedelta(days=14)))
              for what, status in actions]
    if finished:
        visit = records.save(ws, replace(visit, finished_at=at + timedelta(hours=1)))
    return visit, stored


def active_agreement(ws: Workspace, participant: Participant, placement: Placement, *, today: date,
                     frequency: str) -> None:
    """A TOA signed by everyone, running around `today`, with the job specialist following up at `frequency`."""
    base = complete_example_content()
    start, end = today - timedelta(days=60), today + timedelta(days=120)
    content = replace(
        base,
        duration=replace(base.duration, start=start, end=end, extension_consider_by=end - timedelta(days=20),
                         evaluation_date=today + timedelta(days=30)),
        follow_ups=(ac.FollowUp("job_specialist", "Åse Lyngvær", "Oppfølging", frequency, form="in_person",
                                from_date=start, to_date=end),
                    ac.FollowUp("nav", "Per Ødegård", "Oppfølging", "quarterly", form="phone",
                                from_date=start, to_date=end)),
        accommodations=tuple(replace(a, from_date=start, to_date=end) for a in base.accommodations),
        job=replace(base.job, start=start))
    with ws.folder.write() as session:
        _, version = agreements.create(session, device_id=ws.device_id, participant_id=participant.id,
                                       content=content, employer_id=placement.employer_id, placement_id=placement.id)
        agreements.freeze(session, version.id)
        signed = datetime.combine(start - timedelta(days=3), datetime.min.time(), tzinfo=UTC)
        for step, role in enumerate(("employee", "employer", "nav", "job_specialist")):
            agreements.sign(session, version.id, role=role, name=role, method="paper",
                            confirmation_text="Lest og godtatt.", device_id=ws.device_id,
                            signed_at=signed + timedelta(minutes=step))
