"""The access log: who saw what of which participant (opened, printed, exported, revealed), when, from which device.

References only, never content; every entry names its participant so an erasure can remove them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import UTCDateTime

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.participants import Participant


class ReadLogEntry(Record, Base):
    __tablename__ = "read_log"
    __append_only__ = True

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    device_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20), default="participant", server_default="participant")
    target_id: Mapped[str | None] = mapped_column(String(36))
