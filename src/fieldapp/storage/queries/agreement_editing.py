"""What the agreement editor reads: master data to prefill a new agreement, a version's events, all versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain import records as r
from fieldapp.domain.agreement_records import AgreementEvent, AgreementVersion
from fieldapp.storage import agreements as store
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES


@dataclass(frozen=True)
class PrefillSources:
    participant: r.Participant
    placement: r.Placement | None
    employer: r.Employer | None
    contact: r.EmployerContact | None


def prefill_sources(session: Session, participant_id: str, placement_id: str | None = None) -> PrefillSources:
    """The participant with the given placement (or the current one, else the newest) and its employer."""
    participant = repository.require(session, r.Participant, participant_id)
    placements = repository.list_where(session, r.Placement, m.Placement.participant_id == participant_id,
                                       order_by=m.Placement.created_at.desc())
    placement = next((p for p in placements if p.id == placement_id), None) if placement_id else None
    if placement is None:
        placement = next((p for p in placements if p.status in CURRENT_PLACEMENT_STATUSES),
                         placements[0] if placements else None)
    employer = repository.get(session, r.Employer, placement.employer_id) if placement else None
    contact = repository.get(session, r.EmployerContact, placement.contact_id) \
        if placement and placement.contact_id else None
    return PrefillSources(participant, placement, employer, contact)


def events(session: Session, agreement_id: str) -> list[AgreementEvent]:
    return repository.list_where(session, AgreementEvent, m.AgreementEvent.agreement_id == agreement_id,
                                 order_by=m.AgreementEvent.at)


@dataclass(frozen=True)
class VersionRow:
    version: AgreementVersion
    status: str
    signed_by: tuple[str, ...]


def versions(session: Session, agreement_id: str, *, today: date) -> list[VersionRow]:
    """Every version of the agreement, oldest first, each with its own derived status."""
    agreement = session.get(m.Agreement, agreement_id)
    annulled = agreement is not None and agreement.annulled_at is not None
    rows = []
    for obj in session.scalars(select(m.AgreementVersion).where(m.AgreementVersion.agreement_id == agreement_id,
                                                                m.AgreementVersion.deleted_at.is_(None))
                               .order_by(m.AgreementVersion.version_no)):
        version = store.version_record(obj)
        sigs = store.signatures(session, version.id)
        status = rules.derive_status(content=version.content, frozen=version.frozen_at is not None,
                                     signatures=[s.fact() for s in sigs], annulled=annulled, today=today)
        rows.append(VersionRow(version, status, tuple(s.role for s in sigs if s.revoked_at is None)))
    return rows


def set_change_types(session: Session, version_id: str, change_types: tuple[str, ...]) -> None:
    """Record the change types of a draft version (they follow what was edited since the previous version)."""
    obj = session.get(m.AgreementVersion, version_id)
    if obj is not None and obj.frozen_at is None and tuple(obj.change_types or ()) != change_types:
        obj.change_types = change_types
        session.flush()


def last_job_specialist(session: Session) -> ac.PartySnapshot | None:
    """The job specialist named in the newest agreement version on this device (the same person writes them)."""
    obj = session.scalars(select(m.AgreementVersion).order_by(m.AgreementVersion.created_at.desc()).limit(1)).first()
    if obj is None:
        return None
    party = store.version_record(obj).content.parties.job_specialist
    return party if party.name else None
