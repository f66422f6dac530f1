"""Sync bookkeeping on the device: the account, the outbox of encrypted batches, what was applied,
knowledge marks, quarantined batches and conflicts. None of these tables sync themselves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.storage.base import Base
from fieldapp.storage.types import UTCDateTime


class SyncAccount(Base):
    """The server and team this folder syncs with (one row), and how far it has pulled."""

    __tablename__ = "sync_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    team_id: Mapped[str] = mapped_column(String(36))
    team_name: Mapped[str] = mapped_column(String(200))
    history_id: Mapped[str] = mapped_column(String(36))
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncOutbox(Base):
    """A batch of this device's changes, encrypted once and kept until the server acknowledges it.

    Retries send these exact bytes, so a push cut off after the server stored it is recognised as
    the same batch (idempotent) instead of a second copy. `members` (JSON) lists the records in it as
    [entity, id, newest clock], so an acknowledgement can mark them as on the server; the row is then deleted.
    """

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    change_count: Mapped[int] = mapped_column(Integer)
    base: Mapped[int] = mapped_column(BigInteger, default=0)
    members: Mapped[str] = mapped_column(Text, default="[]")
    key_id: Mapped[str] = mapped_column(String(16))
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncApplied(Base):
    """Every remote batch applied (or quarantined), so a replayed one is recognised."""

    __tablename__ = "sync_applied"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    cursor: Mapped[int] = mapped_column(BigInteger)


class SyncQuarantine(Base):
    """A batch that could not be decrypted or applied: kept (ciphertext and reason), shown, exportable."""

    __tablename__ = "sync_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cursor: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    key_id: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class Conflict(Base):
    """A local value that a remote change overwrote or could not be merged with, with both sides."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # overwritten | edit_on_deleted | signed_version
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[bytes | None] = mapped_column(LargeBinary)
    local_hlc: Mapped[int | None] = mapped_column(BigInteger)
    local_device: Mapped[str | None] = mapped_column(String(36))
    remote_value: Mapped[bytes | None] = mapped_column(LargeBinary)
    remote_hlc: Mapped[int] = mapped_column(BigInteger)
    remote_device: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Who wrote each side, kept at detection: the device keeps only the newest clock of each field.
    local_by: Mapped[str | None] = mapped_column(String(200))
    remote_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_conflict_entity", "entity", "entity_id"),)
