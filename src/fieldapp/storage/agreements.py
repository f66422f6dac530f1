"""Agreement lifecycle in storage: drafts, freezing, signing, revoking, new versions, annulment.

Each operation checks the domain rules, writes, and appends an event, in the caller's transaction.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain import consent as consent_rules
from fieldapp.domain.agreement_records import Agreement, AgreementEvent, AgreementVersion, Signature
from fieldapp.domain.messages import DomainError, FieldError, Message, ValidationFailed
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.base import new_id
from fieldapp.storage.record_map import to_record


def _now() -> datetime:
    return datetime.now(UTC)


def version_record(obj: m.AgreementVersion) -> AgreementVersion:
    return AgreementVersion(
        id=obj.id, created_at=obj.created_at, created_by=obj.created_by, updated_at=obj.updated_at,
        updated_by=obj.updated_by, deleted_at=obj.deleted_at, agreement_id=obj.agreement_id,
        version_no=obj.version_no, content=ac.from_dict(json.loads(obj.content_json)),
        change_types=tuple(obj.change_types or ()), change_reason=obj.change_reason, frozen_at=obj.frozen_at,
        content_hash=obj.content_hash,
    )


def log_event(session: Session, agreement_id: str, kind: str, version_id: str | None = None, **details: object) -> None:
    """Append to the agreement's event log (what happened, to which version, with details)."""
    repository.add_new(session, AgreementEvent(
        agreement_id=agreement_id, version_id=version_id, kind=kind, at=_now(),
        details=json.dumps(details, ensure_ascii=False, default=str) if details else None,
    ))


def require_version(session: Session, version_id: str) -> m.AgreementVersion:
    """The stored version (not deleted); RecordNotFound otherwise."""
    obj = session.get(m.AgreementVersion, version_id)
    if obj is None or obj.deleted_at is not None:
        raise repository.RecordNotFound(AgreementVersion, version_id)
    return obj


def version_by_no(session: Session, agreement_id: str, version_no: int) -> AgreementVersion | None:
    """Version `version_no` of the agreement (not deleted), or None."""
    obj = session.scalars(select(m.AgreementVersion).where(
        m.AgreementVersion.agreement_id == agreement_id, m.AgreementVersion.version_no == version_no,
        m.AgreementVersion.deleted_at.is_(None))).first()
    return version_record(obj) if obj is not None else None


def signatures(session: Session, version_id: str) -> list[Signature]:
    return repository.list_where(session, Signature, m.Signature.version_id == version_id,
                                 order_by=m.Signature.signed_at)


def _facts(session: Session, version_id: str) -> list[rules.SignatureFact]:
    return [s.fact() for s in signatures(session, version_id)]


def next_number(session: Session, device_id: str, year: int) -> str:
    code = device_id.replace("-", "")[:4].upper()
    prefix = f"{code}-{year:04d}-"
    last = session.scalar(select(func.max(m.Agreement.number)).where(m.Agreement.number.like(prefix + "%")))
    return rules.next_agreement_number(code, year, int(last.rsplit("-", 1)[1]) if last else 0)


def create(session: Session, *, device_id: str, participant_id: str, content: ac.AgreementContent,
           employer_id: str | None = None, placement_id: str | None = None) -> tuple[Agreement, AgreementVersion]:
    agreement = repository.save(session, Agreement(
        number=next_number(session, device_id, _now().year), agreement_type=content.agreement_type,
        participant_id=participant_id, employer_id=employer_id, placement_id=placement_id,
    ))
    version = _add_version(session, agreement.id, 1, content, (rules.ChangeType.CREATE,), None)
    log_event(session, agreement.id, "created", version.id)
    return agreement, version


def _add_version(session: Session, agreement_id: str, no: int, content: ac.AgreementContent,
                 change_types: tuple[str, ...], reason: str | None) -> AgreementVersion:
    obj = m.AgreementVersion(
        id=new_id(), agreement_id=agreement_id, version_no=no,
        content_json=ac.canonical_json(content).decode("utf-8"), change_types=change_types, change_reason=reason,
    )
    session.add(obj)
    session.flush()
    return version_record(obj)


def update_draft(session: Session, version_id: str, content: ac.AgreementContent) -> AgreementVersion:
    obj = require_version(session, version_id)
    rules.check_can_edit(obj.frozen_at is not None, _facts(session, version_id))
    new_json = ac.canonical_json(content).decode("utf-8")
    if new_json != obj.content_json:
        obj.content_json = new_json
        session.flush()
        log_event(session, obj.agreement_id, "changed", obj.id)
    return version_record(obj)


def sensitive_goals_without_consent(session: Session, agreement_id: str,
                                    content: ac.AgreementContent) -> list[FieldError]:
    """Goals in sensitive mapping areas the participant has not consented to share with the employer."""
    from fieldapp.storage.queries.consents import consent_facts

    agreement = session.get(m.Agreement, agreement_id)
    assert agreement is not None
    return consent_rules.sensitive_goal_errors(content, consent_facts(session, agreement.participant_id))


def freeze(session: Session, version_id: str) -> AgreementVersion:
    """Draft -> ready for signing: content frozen and hashed. Refused while anything is missing."""
    obj = require_version(session, version_id)
    content = ac.from_dict(json.loads(obj.content_json))
    missing = rules.missing_for_signing(content) + sensitive_goals_without_consent(session, obj.agreement_id, content)
    if missing:
        raise ValidationFailed(missing)
    if obj.frozen_at is None:
        obj.frozen_at = _now()
        obj.content_hash = ac.content_hash(content)
        session.flush()
        log_event(session, obj.agreement_id, "ready_for_signing", obj.id, content_hash=obj.content_hash)
    return version_record(obj)


def sign(session: Session, version_id: str, *, role: str, name: str, method: str, confirmation_text: str,
         device_id: str, signed_at: datetime | None = None, strokes_json: str | None = None,
         scan: bytes | None = None, scan_mime: str | None = None, on_behalf_reason: str | None = None,
         party_informed: bool = False) -> Signature:
    obj = require_version(session, version_id)
    agreement = session.get(m.Agreement, obj.agreement_id)
    assert agreement is not None
    content = ac.from_dict(json.loads(obj.content_json))
    rules.check_can_sign(role, content, obj.frozen_at is not None, _facts(session, version_id),
                         annulled=agreement.annulled_at is not None)
    if method == "on_behalf" and not (on_behalf_reason and party_informed):
        raise DomainError(Message(
            "agreement.sign.on_behalf",
            "Signering på vegne av en part krever en begrunnelse og bekreftelse på at parten er informert.",
            "Signing on behalf of a party needs a reason and confirmation that the party was informed."))
    signature = repository.save(session, Signature(
        version_id=version_id, role=role, name=name, method=method, confirmation_text=confirmation_text,
        signed_at=signed_at or _now(), device_id=device_id, strokes_json=strokes_json, scan=scan,
        scan_mime=scan_mime, on_behalf_reason=on_behalf_reason, party_informed=party_informed,
    ))
    log_event(session, obj.agreement_id, "signed", obj.id, role=role, method=method)
    if role != "job_specialist":  # the job specialist signs last: only that signature can conclude
        return signature
    status = rules.derive_status(content=content, frozen=True, signatures=_facts(session, version_id),
                                 annulled=False, today=date.today())
    if status in rules.AgreementStatus.SIGNED:
        log_event(session, obj.agreement_id, "concluded", obj.id)
    return signature


def revoke_signatures(session: Session, version_id: str, *, reason: str) -> int:
    obj = require_version(session, version_id)
    if not reason.strip():
        raise DomainError(Message("agreement.revoke.reason", "Oppgi hvorfor signaturene trekkes tilbake.",
                                  "Give a reason for revoking the signatures."))
    count = 0
    for sig in session.scalars(select(m.Signature).where(m.Signature.version_id == version_id,
                                                         m.Signature.revoked_at.is_(None))):
        sig.revoked_at, sig.revoked_reason = _now(), reason
        count += 1
    session.flush()
    log_event(session, obj.agreement_id, "signatures_revoked", obj.id, reason=reason, count=count)
    return count


def reopen(session: Session, version_id: str) -> AgreementVersion:
    """Ready for signing -> draft again (only while nobody has signed)."""
    obj = require_version(session, version_id)
    if any(not f.revoked for f in _facts(session, version_id)):
        rules.check_can_edit(True, _facts(session, version_id))
    obj.frozen_at, obj.content_hash = None, None
    session.flush()
    log_event(session, obj.agreement_id, "reopened", obj.id)
    return version_record(obj)


def latest_version(session: Session, agreement_id: str) -> AgreementVersion:
    obj = session.scalars(select(m.AgreementVersion).where(m.AgreementVersion.agreement_id == agreement_id)
                          .order_by(m.AgreementVersion.version_no.desc()).limit(1)).first()
    if obj is None:
        raise repository.RecordNotFound(AgreementVersion, agreement_id)
    return version_record(obj)


def new_version(session: Session, agreement_id: str, content: ac.AgreementContent, *,
                reason: str | None = None) -> AgreementVersion:
    """A change after signing: a new draft version; the signed one stays valid and untouched."""
    previous = latest_version(session, agreement_id)
    if previous.frozen_at is None:
        raise DomainError(Message("agreement.version.draft_exists",
                                  "Siste versjon er fortsatt et utkast; endre den i stedet.",
                                  "The latest version is still a draft; edit it instead."))
    change_types = tuple(sorted(rules.classify_change(previous.content, content)))
    if rules.ChangeType.SHORTEN in change_types and not (reason and reason.strip()):
        raise DomainError(Message("agreement.shorten.reason", "Forkorting av avtalen krever en begrunnelse.",
                                  "Shortening the agreement needs a reason."))
    version = _add_version(session, agreement_id, previous.version_no + 1, content, change_types, reason)
    log_event(session, agreement_id, "new_version", version.id, change_types=list(change_types))
    return version


def annul(session: Session, agreement_id: str, *, reason: str) -> Agreement:
    if not reason.strip():
        raise DomainError(Message("agreement.annul.reason", "Oppgi hvorfor avtalen annulleres.",
                                  "Give a reason for annulling the agreement."))
    agreement = repository.require(session, Agreement, agreement_id)
    if agreement.annulled_at is None:
        obj = session.get(m.Agreement, agreement_id)
        assert obj is not None
        obj.annulled_at, obj.annul_reason = _now(), reason
        session.flush()
        log_event(session, agreement_id, "annulled", reason=reason)
    stored = session.get(m.Agreement, agreement_id)
    assert stored is not None  # require() found it above
    return to_record(stored, Agreement)


def status(session: Session, agreement_id: str, *, today: date | None = None) -> str:
    agreement = repository.require(session, Agreement, agreement_id)
    version = latest_version(session, agreement_id)
    return rules.derive_status(content=version.content, frozen=version.frozen_at is not None,
                               signatures=_facts(session, version.id), annulled=agreement.annulled_at is not None,
                               today=today or date.today())
