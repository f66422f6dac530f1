"""A participant's job search pipeline: leads, applications and interviews, and hiring (which makes the placement)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from fieldapp.domain import jobdev_vocab as jv
from fieldapp.domain.jobdev_records import JobLead
from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.pre_job_cadence import phase_after_hire
from fieldapp.domain.records import Participant, Placement
from fieldapp.domain.validation import raise_if
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import jobdev as q


@dataclass(frozen=True)
class LeadRow:
    lead: JobLead
    employer_name: str

    @property
    def open(self) -> bool:
        return self.lead.status in jv.OPEN_LEAD_STATUSES


@dataclass(frozen=True)
class Hired:
    lead: JobLead
    placement: Placement


# Which date a status move records on the lead.
_DATE_OF_STATUS = {"lead": "found_on", "applied": "applied_on", "interview": "interview_on", "closed": "decided_on"}


def pipeline(ws: Workspace, participant_id: str) -> list[LeadRow]:
    """A participant's job leads: open ones first, then newest first."""
    with ws.folder.read() as session:
        return [LeadRow(f.lead, f.employer_name) for f in q.leads(session, participant_id=participant_id)]


def leads_at(ws: Workspace, employer_id: str) -> list[LeadRow]:
    with ws.folder.read() as session:
        return [LeadRow(f.lead, f.employer_name) for f in q.leads(session, employer_id=employer_id)]


def _not_hired_here() -> DomainError:
    return DomainError(Message(
        "lead.hire_with_terms", "«Ansatt» settes med «Ansett …», som også oppretter arbeidsforholdet.",
        "'Hired' is set with 'Hire …', which also creates the placement."))


def save_lead(ws: Workspace, lead: JobLead) -> JobLead:
    """Add or change a job lead. Raises ValidationFailed, or DomainError for "hired" (use hire())."""
    lead = tidy_record(lead, required=("job_title", "participant_id", "employer_id", "status"))
    if lead.status == "hired" and not lead.placement_id:
        raise _not_hired_here()
    raise_if(lead.validate())
    with ws.folder.write() as session:
        return repository.save(session, lead)


def move_lead(ws: Workspace, lead_id: str, status: str, *, on: date) -> JobLead:
    """Move a lead to another status (not "hired": see hire()), recording the day of the move."""
    if status == "hired":
        raise _not_hired_here()
    with ws.folder.write() as session:
        lead = repository.require(session, JobLead, lead_id)
        if lead.status == "hired":
            raise DomainError(Message("lead.already_hired",
                                      "Deltakeren er allerede ansatt her; endre arbeidsforholdet i stedet.",
                                      "The participant has already been hired here; change the placement instead."))
        changes: dict[str, object] = {"status": status}
        field = _DATE_OF_STATUS.get(status)
        if field and getattr(lead, field) is None:
            changes[field] = on
        # The keys are JobLead's own field names (from _DATE_OF_STATUS), which mypy cannot see through a dict.
        return repository.save(session, replace(lead, **changes))  # type: ignore[arg-type]  # keys: see above


def hire(ws: Workspace, lead_id: str, terms: Placement, *, on: date) -> Hired:
    """Mark the lead hired and create the placement with the agreed `terms`, in one transaction.

    `terms` carries the job's terms (start, percentage, days, hours, employment form, contact); participant,
    employer and (if empty) job title come from the lead. The placement is planned until its start, then
    active; the participant moves to Fase 3 and, if active, to "in work".
    Raises ValidationFailed (the terms) or DomainError."""
    with ws.folder.write() as session:
        lead = repository.require(session, JobLead, lead_id)
        if lead.status == "hired":
            raise DomainError(Message("lead.already_hired", "Deltakeren er allerede ansatt via denne muligheten.",
                                      "The participant has already been hired through this lead."))
        started = terms.start_date is not None and terms.start_date <= on
        placement = tidy_record(replace(terms, id="", participant_id=lead.participant_id,
                                        employer_id=lead.employer_id, job_title=terms.job_title or lead.job_title,
                                        status="active" if started else "planned"),
                                required=("job_title", "employment_form", "status", "participant_id", "employer_id"))
        placement = repository.save(session, placement)
        lead = repository.save(session, replace(lead, status="hired", decided_on=on, placement_id=placement.id))
        participant = repository.require(session, Participant, lead.participant_id)
        repository.save(session, replace(participant, phase=phase_after_hire(participant.phase),
                                         status="in_work" if participant.status == "active" else participant.status))
        return Hired(lead=lead, placement=placement)
