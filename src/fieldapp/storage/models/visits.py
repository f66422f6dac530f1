"""Follow-up visits (oppfølgingsbesøk) with attendees, agreed actions and correction notes."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate, JSONList, UTCDateTime

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.participants import Participant
    from fieldapp.storage.models.placements import Placement


class Visit(Record, Base):
    __tablename__ = "visit"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    placement_id: Mapped[str | None] = mapped_column(ForeignKey("placement.id"), index=True)
    _placement_ref: Mapped[Placement | None] = relationship(foreign_keys=[placement_id], lazy="raise")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    channel: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(200))
    visit_type: Mapped[str] = mapped_column(String(20))
    topics: Mapped[tuple[str, ...]] = mapped_column(JSONList(), default=())
    employee_view: Mapped[str | None] = mapped_column(Text)
    employer_view: Mapped[str | None] = mapped_column(Text)
    works_well: Mapped[str | None] = mapped_column(Text)
    challenges: Mapped[str | None] = mapped_column(Text)
    next_visit_date: Mapped[date | None] = mapped_column(ISODate())
    summary: Mapped[str | None] = mapped_column(Text)
    internal_notes: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        # Covers the participant list's "last visit held / next planned" per participant without row lookups.
        Index("ix_visit_participant_starts", "participant_id", "starts_at", "finished_at", "deleted_at"),
        # Covers the overview's visits of a period (who, when, which channel) without reading the visit rows.
        Index("ix_visit_starts", "starts_at", "participant_id", "channel", "deleted_at"),
        # The last visit held per participant (the overview's overdue figure), from a third of the pages above.
        Index("ix_visit_held", "participant_id", "starts_at",
              sqlite_where=text("finished_at IS NOT NULL AND deleted_at IS NULL")),
    )


class VisitAttendee(Record, Base):
    __tablename__ = "visit_attendee"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    _visit_ref: Mapped[Visit | None] = relationship(foreign_keys=[visit_id], lazy="raise")
    role: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))


class VisitAction(Record, Base):
    __tablename__ = "visit_action"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    _visit_ref: Mapped[Visit | None] = relationship(foreign_keys=[visit_id], lazy="raise")
    what: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(ISODate())
    status: Mapped[str] = mapped_column(String(20))
    carried_from_id: Mapped[str | None] = mapped_column(ForeignKey("visit_action.id"))
    _carried_from_ref: Mapped[VisitAction | None] = relationship(remote_side="VisitAction.id", lazy="raise")


class VisitNote(Record, Base):
    """A correction added to a finished (locked) visit."""

    __tablename__ = "visit_note"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    _visit_ref: Mapped[Visit | None] = relationship(foreign_keys=[visit_id], lazy="raise")
    text: Mapped[str] = mapped_column(Text)
