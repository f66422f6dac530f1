"""Participants (deltakere), their cooperating actors and consents."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate


class Participant(Record, Base):
    __tablename__ = "participant"

    fodselsnummer: Mapped[str | None] = mapped_column(String(11))
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_language: Mapped[str | None] = mapped_column(String(50))
    method: Mapped[str] = mapped_column(String(10))
    referred_by: Mapped[str | None] = mapped_column(String(200))
    follow_up_start: Mapped[date | None] = mapped_column(ISODate())
    follow_up_end: Mapped[date | None] = mapped_column(ISODate())
    status: Mapped[str] = mapped_column(String(10))
    status_reason: Mapped[str | None] = mapped_column(Text)
    nav_contact_name: Mapped[str | None] = mapped_column(String(200))
    nav_contact_phone: Mapped[str | None] = mapped_column(String(20))
    nav_office: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    phase: Mapped[str | None] = mapped_column(String(10))
    referred_on: Mapped[date | None] = mapped_column(ISODate())

    __table_args__ = (
        Index("ix_participant_fodselsnummer", "fodselsnummer"),
        Index("ix_participant_name", "last_name", "first_name"),
    )


class CooperatingActor(Record, Base):
    __tablename__ = "cooperating_actor"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    role: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    consent_to_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(ISODate())


class Consent(Record, Base):
    __tablename__ = "consent"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    recipient: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(Text)
    given: Mapped[bool] = mapped_column(Boolean)
    decided_on: Mapped[date] = mapped_column(ISODate())
