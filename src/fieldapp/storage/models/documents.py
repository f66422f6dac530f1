"""Sealed copies of concluded agreement versions: the exact PDF bytes and their SHA-256."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.storage.base import Base, Record
from fieldapp.storage.types import UTCDateTime

if TYPE_CHECKING:  # the classes named in relationship annotations (SQLAlchemy looks them up by name)
    from fieldapp.storage.models.agreements import Agreement, AgreementVersion


class SealedDocument(Record, Base):
    """Append-only evidence: written once when a version is concluded, never changed (the capture triggers
    refuse updates). It syncs like any record, so the sealed copy outlives a lost laptop and every device
    of the job specialist can verify a printed or e-mailed copy against it."""

    __tablename__ = "sealed_document"
    __append_only__ = True

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    _agreement_ref: Mapped[Agreement | None] = relationship(foreign_keys=[agreement_id], lazy="raise")
    version_id: Mapped[str] = mapped_column(ForeignKey("agreement_version.id"), index=True)
    _version_ref: Mapped[AgreementVersion | None] = relationship(foreign_keys=[version_id], lazy="raise")
    content_hash: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    lang: Mapped[str] = mapped_column(String(5))
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    device_id: Mapped[str] = mapped_column(String(36))
    signer_cert_sha256: Mapped[str] = mapped_column(String(64))
