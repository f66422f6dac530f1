"""Placements (arbeidsforhold) and the NAV measures used in them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.employers import Employer, EmployerContact
    from fieldapp.storage.models.participants import Participant


class Placement(Record, Base):
    __tablename__ = "placement"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    _employer_ref: Mapped[Employer | None] = relationship(foreign_keys=[employer_id], lazy="raise")
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("employer_contact.id"))
    _contact_ref: Mapped[EmployerContact | None] = relationship(foreign_keys=[contact_id], lazy="raise")
    job_title: Mapped[str] = mapped_column(String(200))
    tasks: Mapped[str | None] = mapped_column(Text)
    percentage: Mapped[int | None] = mapped_column(Integer)
    working_hours: Mapped[str | None] = mapped_column(Text)
    days_per_week: Mapped[int | None] = mapped_column(Integer)
    employment_form: Mapped[str] = mapped_column(String(20))
    ordinary_wage: Mapped[bool] = mapped_column(Boolean, default=True)
    start_date: Mapped[date | None] = mapped_column(ISODate())
    end_date: Mapped[date | None] = mapped_column(ISODate())
    status: Mapped[str] = mapped_column(String(10))
    end_reason: Mapped[str | None] = mapped_column(Text)


class NavMeasure(Record, Base):
    __tablename__ = "nav_measure"

    placement_id: Mapped[str] = mapped_column(ForeignKey("placement.id"), index=True)
    _placement_ref: Mapped[Placement | None] = relationship(foreign_keys=[placement_id], lazy="raise")
    kind: Mapped[str] = mapped_column(String(20))
    from_date: Mapped[date | None] = mapped_column(ISODate())
    to_date: Mapped[date | None] = mapped_column(ISODate())
    notes: Mapped[str | None] = mapped_column(Text)
