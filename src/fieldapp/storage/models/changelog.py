"""The field-level change log that sync ships, the per-write capture context, and folder metadata."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base


class ChangeLog(Base):
    """One row per changed field. `value` holds the column's stored SQLite value as is (BLOB affinity)."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[bytes | None] = mapped_column(LargeBinary)
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_change_log_entity", "entity", "entity_id", "field", "hlc"),
        Index("ix_change_log_hlc", "hlc"),
        Index("ix_change_log_device_seq", "device_id", "seq"),
    )


class CaptureContext(Base):
    """Holds one row while a write is being flushed; the capture triggers read the clock from it.

    Without a row, the triggers refuse the write, so nothing can change a synced table unlogged.
    """

    __tablename__ = "capture_context"

    hlc: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    replay: Mapped[int] = mapped_column(Integer, default=0)


class Meta(Base):
    """Per-folder settings that belong with the data (device id, counters)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
