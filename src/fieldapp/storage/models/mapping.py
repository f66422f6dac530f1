"""Mapping (kartlegging): a dated set of areas with status, action and a sensitive flag."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import ISODate

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.participants import Participant


class Mapping(Record, Base):
    __tablename__ = "mapping"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    mapped_on: Mapped[date] = mapped_column(ISODate())
    notes: Mapped[str | None] = mapped_column(Text)


class MappingArea(Record, Base):
    __tablename__ = "mapping_area"

    mapping_id: Mapped[str] = mapped_column(ForeignKey("mapping.id"), index=True)
    _mapping_ref: Mapped[Mapping | None] = relationship(foreign_keys=[mapping_id], lazy="raise")
    area: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(ISODate())
    sensitive: Mapped[bool] = mapped_column(Boolean)
