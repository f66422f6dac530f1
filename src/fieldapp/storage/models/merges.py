"""Record merges: one person (or employer) registered twice, kept under one id on every device."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import UTCDateTime


class RecordMerge(Record, Base):
    """`from_id` was merged into `into_id`: synced, so every device redirects later changes to `from_id`."""

    __tablename__ = "record_merge"

    entity: Mapped[str] = mapped_column(String(40))  # participant | employer
    from_id: Mapped[str] = mapped_column(String(36))
    into_id: Mapped[str] = mapped_column(String(36))
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_record_merge_from", "entity", "from_id"),)
