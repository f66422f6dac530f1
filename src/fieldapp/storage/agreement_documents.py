"""Storage side of agreement documents: finding a version, listing agreements, sealed copies, document events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import agreement_rules as rules
from fieldapp.domain.agreement_records import Agreement, AgreementVersion, SealedDocument, Signature
from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage import agreements as store
from fieldapp.storage import models as m
from fieldapp.storage import repository


@dataclass(frozen=True)
class VersionFacts:
    """One version with what a document needs: its agreement, signatures and derived status."""

    agreement: Agreement
    version: AgreementVersion
    signatures: tuple[Signature, ...]
    status: str


def _no_version(agreement_id: str, version_no: int) -> DomainError:
    return DomainError(Message("agreement.version.not_found",
                               f"Avtalen {agreement_id} har ingen versjon {version_no}.",
                               f"Agreement {agreement_id} has no version {version_no}."))


def find_agreement(session: Session, ref: str) -> Agreement:
    """By id or by human-readable number (e.g. K7Q2-2026-0007)."""
    obj = session.get(m.Agreement, ref)
    if obj is None:
        obj = session.scalars(select(m.Agreement).where(m.Agreement.number == ref.strip().upper())).first()
    if obj is None or obj.deleted_at is not None:
        raise DomainError(Message("agreement.not_found", f"Fant ingen avtale med id eller nummer «{ref}».",
                                  f"No agreement with id or number “{ref}”."))
    return repository.require(session, Agreement, obj.id)


def version_facts(session: Session, agreement_id: str, version_no: int | None = None, *,
                  today: date | None = None) -> VersionFacts:
    agreement = repository.require(session, Agreement, agreement_id)
    if version_no is None:
        version = store.latest_version(session, agreement_id)
    else:
        found = store.version_by_no(session, agreement_id, version_no)
        if found is None:
            raise _no_version(agreement.number, version_no)
        version = found
    signatures = tuple(store.signatures(session, version.id))
    status = rules.derive_status(content=version.content, frozen=version.frozen_at is not None,
                                 signatures=[s.fact() for s in signatures], annulled=agreement.annulled_at is not None,
                                 today=today or date.today())
    return VersionFacts(agreement, version, signatures, status)


def version_facts_by_id(session: Session, version_id: str, *, today: date | None = None) -> VersionFacts:
    obj = store.require_version(session, version_id)
    return version_facts(session, obj.agreement_id, obj.version_no, today=today)


@dataclass(frozen=True)
class AgreementRow:
    agreement_id: str
    participant_id: str
    number: str
    participant_name: str
    employer_name: str
    version_no: int
    status: str
    sealed: bool


def agreement_rows(session: Session, *, today: date | None = None) -> list[AgreementRow]:
    """Every agreement with its latest version's status, newest number first."""
    today = today or date.today()
    latest = {}
    for obj in session.scalars(select(m.AgreementVersion).where(m.AgreementVersion.deleted_at.is_(None))
                               .order_by(m.AgreementVersion.version_no)):
        latest[obj.agreement_id] = obj
    facts: dict[str, list[rules.SignatureFact]] = {}
    for sig in repository.list_where(session, Signature):
        facts.setdefault(sig.version_id, []).append(sig.fact())
    sealed = set(session.scalars(select(m.SealedDocument.version_id)))
    names = dict(session.execute(select(m.Participant.id, m.Participant.first_name + " " + m.Participant.last_name)).all())
    rows = []
    for a in session.scalars(select(m.Agreement).where(m.Agreement.deleted_at.is_(None))
                             .order_by(m.Agreement.number.desc())):
        v = latest.get(a.id)
        if v is None:
            continue
        content = store.version_record(v).content
        status = rules.derive_status(content=content, frozen=v.frozen_at is not None, signatures=facts.get(v.id, []),
                                     annulled=a.annulled_at is not None, today=today)
        rows.append(AgreementRow(a.id, a.participant_id, a.number, names.get(a.participant_id, content.parties.participant.name),
                                 content.parties.employer.name, v.version_no, status, v.id in sealed))
    return rows


def add_sealed(session: Session, sealed: SealedDocument) -> SealedDocument:
    stored = repository.save(session, sealed)
    store.log_event(session, sealed.agreement_id, "sealed", sealed.version_id, sha256=sealed.sha256)
    return stored


def sealed_for_version(session: Session, version_id: str) -> SealedDocument | None:
    """The newest sealed copy of a version (a version re-signed after revoking gets a new one)."""
    found = repository.list_where(session, SealedDocument, m.SealedDocument.version_id == version_id,
                                  order_by=m.SealedDocument.sealed_at.desc())
    return found[0] if found else None


def sealed_by_sha256(session: Session, sha256: str) -> SealedDocument | None:
    found = repository.list_where(session, SealedDocument, m.SealedDocument.sha256 == sha256.lower())
    return found[0] if found else None


