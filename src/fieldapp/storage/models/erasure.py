"""Erasure: the tombstone left of an erased participant, the per-participant data keys, and the erasure log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base
from fieldapp.storage.types import UTCDateTime


class ParticipantErasure(Base):
    """What is left of an erased participant: no personal data, so a late change cannot bring them back."""

    __tablename__ = "participant_erasure"

    handle: Mapped[str] = mapped_column(String(32), primary_key=True)  # domain.erasure.participant_handle
    # Unknown when the erasure came from another device for someone never seen here.
    participant_id: Mapped[str | None] = mapped_column(String(36))
    erased_at: Mapped[str] = mapped_column(String(32))
    erased_by: Mapped[str] = mapped_column(String(200))  # the office user who confirmed it
    device_id: Mapped[str] = mapped_column(String(36))
    reason_code: Mapped[str] = mapped_column(String(30))
    # The erasing device's Ed25519 signature, checked by every other device (set once enrolled).
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    sent: Mapped[bool] = mapped_column(Boolean, default=False)


class ParticipantKey(Base):
    """The random data key under which the participant's records travel; dropped at erasure."""

    __tablename__ = "participant_key"

    handle: Mapped[str] = mapped_column(String(32), primary_key=True)
    participant_id: Mapped[str | None] = mapped_column(String(36))  # unknown for a key fetched before any record
    key: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class ErasureLogEntry(Base):
    """An erasure event (erased here, erasure received, late change refused): ids and counts, never content."""

    __tablename__ = "erasure_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    event: Mapped[str] = mapped_column(String(30))
    handle: Mapped[str] = mapped_column(String(32), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    reason_code: Mapped[str | None] = mapped_column(String(30))
    count: Mapped[int] = mapped_column(Integer, default=0)
    # The batch a refused late change came in: a pull cut after opening it opens it again, and the refusal is
    # logged once (rows without a batch are never duplicates of each other: SQLite keeps NULLs distinct).
    batch_seq: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("uq_erasure_log_batch", "event", "handle", "device_id", "batch_seq", unique=True),)
