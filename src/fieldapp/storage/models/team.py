"""Team tables: job specialists, responsibility assignments (handovers) and IPS fidelity self-assessments."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.participants import Participant


class Specialist(Record, Base):
    __tablename__ = "specialist"

    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Assignment(Record, Base):
    """Kept as a history: a handover adds a row, so who was responsible when stays known."""

    __tablename__ = "assignment"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    specialist_id: Mapped[str] = mapped_column(ForeignKey("specialist.id"), index=True)
    _specialist_ref: Mapped[Specialist | None] = relationship(foreign_keys=[specialist_id], lazy="raise")
    start: Mapped[date] = mapped_column(ISODate())
    reason: Mapped[str] = mapped_column(String(20))
    until: Mapped[date | None] = mapped_column(ISODate())
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_assignment_participant_start", "participant_id", "start"),)


class FidelityAssessment(Record, Base):
    __tablename__ = "fidelity_assessment"

    assessed_on: Mapped[date] = mapped_column(ISODate(), index=True)
    scores_json: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
