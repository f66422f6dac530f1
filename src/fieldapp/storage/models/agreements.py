"""Follow-up agreements: header, immutable versions, signatures and the append-only event log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import JSONList, UTCDateTime

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.employers import Employer
    from fieldapp.storage.models.participants import Participant
    from fieldapp.storage.models.placements import Placement


class Agreement(Record, Base):
    __tablename__ = "agreement"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    agreement_type: Mapped[str] = mapped_column(String(20))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    _participant_ref: Mapped[Participant | None] = relationship(foreign_keys=[participant_id], lazy="raise")
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employer.id"))
    _employer_ref: Mapped[Employer | None] = relationship(foreign_keys=[employer_id], lazy="raise")
    placement_id: Mapped[str | None] = mapped_column(ForeignKey("placement.id"))
    _placement_ref: Mapped[Placement | None] = relationship(foreign_keys=[placement_id], lazy="raise")
    annulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    annul_reason: Mapped[str | None] = mapped_column(Text)


class AgreementVersion(Record, Base):
    __tablename__ = "agreement_version"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    _agreement_ref: Mapped[Agreement | None] = relationship(foreign_keys=[agreement_id], lazy="raise")
    version_no: Mapped[int] = mapped_column(Integer)
    content_json: Mapped[str] = mapped_column(Text)
    change_types: Mapped[tuple[str, ...]] = mapped_column(JSONList(), default=())
    change_reason: Mapped[str | None] = mapped_column(Text)
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    content_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("agreement_id", "version_no", name="uq_agreement_version_no"),)


class Signature(Record, Base):
    __tablename__ = "signature"

    version_id: Mapped[str] = mapped_column(ForeignKey("agreement_version.id"), index=True)
    _version_ref: Mapped[AgreementVersion | None] = relationship(foreign_keys=[version_id], lazy="raise")
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(20))
    confirmation_text: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    device_id: Mapped[str] = mapped_column(String(36))
    strokes_json: Mapped[str | None] = mapped_column(Text)
    scan: Mapped[bytes | None] = mapped_column(LargeBinary)
    scan_mime: Mapped[str | None] = mapped_column(String(40))
    on_behalf_reason: Mapped[str | None] = mapped_column(Text)
    party_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    # Covers the signatures the follow-up terms in force need, without reading the rows' strokes and scans.
    __table_args__ = (Index("ix_signature_terms", "version_id", "deleted_at", "role", "signed_at", "revoked_at"),)


class AgreementEvent(Record, Base):
    """Append-only: created once, never updated (the capture triggers refuse updates)."""

    __tablename__ = "agreement_event"
    __append_only__ = True

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    _agreement_ref: Mapped[Agreement | None] = relationship(foreign_keys=[agreement_id], lazy="raise")
    version_id: Mapped[str | None] = mapped_column(ForeignKey("agreement_version.id"))
    _version_ref: Mapped[AgreementVersion | None] = relationship(foreign_keys=[version_id], lazy="raise")
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    details: Mapped[str | None] = mapped_column(Text)
