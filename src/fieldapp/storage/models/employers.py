"""Employers (arbeidsgivere) and their contact persons."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record


class Employer(Record, Base):
    __tablename__ = "employer"

    orgnr: Mapped[str | None] = mapped_column(String(9))
    business_number: Mapped[str | None] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_employer_orgnr", "orgnr"), Index("ix_employer_name", "name"))


class EmployerContact(Record, Base):
    __tablename__ = "employer_contact"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    _employer_ref: Mapped[Employer | None] = relationship(foreign_keys=[employer_id], lazy="raise")
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
