"""Placements (arbeidsforhold) and the NAV measures used in them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate


class Placement(Record, Base):
    __tablename__ = "placement"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("employer_contact.id"))
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
    kind: Mapped[str] = mapped_column(String(20))
    from_date: Mapped[date | None] = mapped_column(ISODate())
    to_date: Mapped[date | None] = mapped_column(ISODate())
    notes: Mapped[str | None] = mapped_column(Text)
