"""Records of job development: contacts with employers, who they were for, and a participant's job leads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from fieldapp.domain import jobdev_vocab as jv
from fieldapp.domain import validation as v
from fieldapp.domain.messages import FieldError, Message
from fieldapp.domain.records import RecordBase, _one_of


@dataclass(frozen=True, kw_only=True)
class EmployerOutreach(RecordBase):
    """One contact with an employer (jobbutvikling), general or on behalf of participants (see OutreachFor)."""

    entity: ClassVar[str] = "employer_outreach"
    employer_id: str
    contact_date: date
    kind: str = "first_contact"
    contact_person: str | None = None
    asked_for: str | None = None
    outcome: str | None = None
    next_step: str | None = None
    next_step_date: date | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("employer_id", v.check_required(self.employer_id)),
            ("kind", _one_of(self.kind, jv.EMPLOYER_CONTACT_KINDS, "kontaktform", "kind of contact")),
            ("contact_person", v.check_text(self.contact_person, limit=v.NAME_LIMIT)),
            ("asked_for", v.check_text(self.asked_for)),
            ("outcome", v.check_text(self.outcome)),
            ("next_step", v.check_text(self.next_step)),
            ("next_step_date", _next_step_after(self.contact_date, self.next_step_date)),
        )


@dataclass(frozen=True, kw_only=True)
class OutreachFor(RecordBase):
    """Links an employer contact to a participant it was made for (a contact can serve several)."""

    entity: ClassVar[str] = "outreach_for"
    outreach_id: str
    participant_id: str


@dataclass(frozen=True, kw_only=True)
class JobLead(RecordBase):
    """A job lead in a participant's job search, from lead through application and interview to hired or closed."""

    entity: ClassVar[str] = "job_lead"
    participant_id: str
    employer_id: str
    job_title: str
    status: str = "lead"
    found_on: date | None = None
    applied_on: date | None = None
    interview_on: date | None = None
    decided_on: date | None = None
    outreach_id: str | None = None
    placement_id: str | None = None
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("employer_id", v.check_required(self.employer_id)),
            ("job_title", v.check_required(self.job_title) or v.check_text(self.job_title, limit=v.NAME_LIMIT)),
            ("status", _one_of(self.status, jv.LEAD_STATUSES, "status", "status")),
            ("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)),
        )


def _next_step_after(contact_date: date, next_date: date | None) -> Message | None:
    if next_date is None or next_date >= contact_date:
        return None
    return Message("next_step.before_contact", "Neste steg kan ikke være før kontakten.",
                   "The next step cannot be before the contact.")
