"""Compact change tracking: the newest clock of each record's fields, local changes not yet sent, values
this release does not know, the per-write capture context, and folder metadata."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base


class RecordClock(Base):
    """The newest hybrid-logical-clock stamp of every field of one record.

    Most fields of a record share one clock (the write that created it), so that clock is stored once
    (`hlc`, `device_id`) and `fields` (JSON) maps only the fields written later to `[hlc, device_id]`.
    `last_hlc` is the newest clock of any field. `acked_hlc`: this device's writes to the record up to it are on
    the server; `acked_cursor`: where the server stored the shared-clock write, if this device made it (a field
    in the map carries its own cursor as a third element), so merge knows what a remote writer had seen.
    """

    __tablename__ = "record_clock"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text, default="{}")
    last_hlc: Mapped[int] = mapped_column(BigInteger)
    acked_hlc: Mapped[int | None] = mapped_column(BigInteger)
    acked_cursor: Mapped[int | None] = mapped_column(BigInteger)
    # fa_digest of the row's values as last written through capture (storage/digest.py).
    digest: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = {"sqlite_with_rowid": False}


class OutboxRecord(Base):
    """A record this device changed that is not yet in a sync batch; `base` is the pull cursor known
    at its first such change (what the writer had seen of the server)."""

    __tablename__ = "outbox_record"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    base: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = {"sqlite_with_rowid": False}


class ForeignChange(Base):
    """The newest value of a field or record this release does not know (sent by a newer release)."""

    __tablename__ = "foreign_change"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[bytes | None] = mapped_column(LargeBinary)
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = {"sqlite_with_rowid": False}


class CaptureContext(Base):
    """Holds one row while a write is being flushed; the capture triggers read the clock from it.

    Without a row, the triggers refuse the write, so nothing can change a synced table untracked.
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
