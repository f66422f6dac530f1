"""Job development: contacts with employers (and whom they were for) and participants' job leads."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.employers import Employer
    from fieldapp.storage.models.participants import Participant
    from fieldapp.storage.models.placements import Placement


class EmployerOutreach(Record, Base):
    __tablename__ = "employer_outreach"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    _employer_ref: Mapped[Employer | None] = relationship(foreign_keys=[employer_id], lazy="raise")
    contact_date: Mapped[date] = mapped_column(ISODate())
    kind: Mapped[str] = mapped_column(String(20))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    asked_for: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    next_step_date: Mapped[date | None] = mapped_column(ISODate())

    __table_args__ = (Index("ix_employer_outreach_contact_date", "contact_date"),)


class OutreachFor(Record, Base):
    __tablename__ = "outreach_for"

    outreach_id: Mapped[str] = mapped_column(ForeignKey("employer_outreach.id"), index=True)
    _outreach_ref: Mapped[EmployerOutreach | None] = relationship(foreign_keys=[outreach_id], lazy="raise")
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")


class JobLead(Record, Base):
    __tablename__ = "job_lead"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    _employer_ref: Mapped[Employer | None] = relationship(foreign_keys=[employer_id], lazy="raise")
    job_title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10))
    found_on: Mapped[date | None] = mapped_column(ISODate())
    applied_on: Mapped[date | None] = mapped_column(ISODate())
    interview_on: Mapped[date | None] = mapped_column(ISODate())
    decided_on: Mapped[date | None] = mapped_column(ISODate())
    outreach_id: Mapped[str | None] = mapped_column(ForeignKey("employer_outreach.id"))
    _outreach_ref: Mapped[EmployerOutreach | None] = relationship(foreign_keys=[outreach_id], lazy="raise")
    placement_id: Mapped[str | None] = mapped_column(ForeignKey("placement.id"))
    _placement_ref: Mapped[Placement | None] = relationship(foreign_keys=[placement_id], lazy="raise")
    notes: Mapped[str | None] = mapped_column(Text)
