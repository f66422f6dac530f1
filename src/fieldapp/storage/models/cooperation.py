"""Cooperation meetings (samarbeidsmøter) with what was agreed, and a participant's benefits (økonomi og ytelser)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate, JSONList

if TYPE_CHECKING:  # the class named in relationship annotations (SQLAlchemy looks it up by name)
    from fieldapp.storage.models.participants import Participant


class CooperationMeeting(Record, Base):
    __tablename__ = "cooperation_meeting"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    held_on: Mapped[date] = mapped_column(ISODate())
    topic: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(200))
    # Ids of the participant's cooperating actors: one field, so two devices' attendee lists merge as one value.
    attendee_ids: Mapped[tuple[Any, ...]] = mapped_column(JSONList(), default=())
    other_attendees: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    share_mapping: Mapped[bool] = mapped_column(Boolean, default=False)
    next_meeting_on: Mapped[date | None] = mapped_column(ISODate())

    __table_args__ = (Index("ix_cooperation_meeting_participant_held", "participant_id", "held_on"),)


class MeetingItem(Record, Base):
    __tablename__ = "meeting_item"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("cooperation_meeting.id"), index=True)
    _meeting_ref: Mapped[CooperationMeeting | None] = relationship(foreign_keys=[meeting_id], lazy="raise")
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(ISODate())


class Benefit(Record, Base):
    __tablename__ = "participant_benefit"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    kind: Mapped[str] = mapped_column(String(20))
    limits: Mapped[str | None] = mapped_column(Text)
    calculation_asked_on: Mapped[date | None] = mapped_column(ISODate())
    calculation_answer: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None] = mapped_column(ISODate())
    reporting: Mapped[str | None] = mapped_column(Text)
    next_reporting_on: Mapped[date | None] = mapped_column(ISODate())
    notes: Mapped[str | None] = mapped_column(Text)
