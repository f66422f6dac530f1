"""Records of follow-up agreements: header, versions, signatures and events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from fieldapp.domain.agreement_content import AgreementContent
from fieldapp.domain.agreement_rules import SignatureFact
from fieldapp.domain.records import RecordBase


@dataclass(frozen=True, kw_only=True)
class Agreement(RecordBase):
    entity: ClassVar[str] = "agreement"
    number: str
    agreement_type: str
    participant_id: str
    employer_id: str | None = None
    placement_id: str | None = None
    annulled_at: datetime | None = None
    annul_reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class AgreementVersion(RecordBase):
    entity: ClassVar[str] = "agreement_version"
    agreement_id: str
    version_no: int
    content: AgreementContent
    change_types: tuple[str, ...] = ()
    change_reason: str | None = None
    frozen_at: datetime | None = None
    content_hash: str | None = None


@dataclass(frozen=True, kw_only=True)
class Signature(RecordBase):
    entity: ClassVar[str] = "signature"
    version_id: str
    role: str
    name: str
    method: str  # "drawn" | "paper" | "on_behalf"
    confirmation_text: str
    signed_at: datetime
    device_id: str = ""
    strokes_json: str | None = None
    scan: bytes | None = None
    scan_mime: str | None = None
    on_behalf_reason: str | None = None
    party_informed: bool = False
    revoked_at: datetime | None = None
    revoked_reason: str | None = None

    def fact(self) -> SignatureFact:
        return SignatureFact(role=self.role, signed_at=self.signed_at, revoked=self.revoked_at is not None)


@dataclass(frozen=True, kw_only=True)
class AgreementEvent(RecordBase):
    entity: ClassVar[str] = "agreement_event"
    agreement_id: str
    kind: str
    at: datetime
    version_id: str | None = None
    details: str | None = None


@dataclass(frozen=True, kw_only=True)
class SealedDocument(RecordBase):
    """The sealed PDF of a concluded version, exactly as handed out, with its SHA-256."""

    entity: ClassVar[str] = "sealed_document"
    agreement_id: str
    version_id: str
    content_hash: str
    sha256: str
    pdf: bytes
    lang: str
    sealed_at: datetime
    device_id: str
    signer_cert_sha256: str
