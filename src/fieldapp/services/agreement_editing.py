"""What the agreement editor needs: load a version with its signatures, events and status, prefill a new
agreement from master data, save drafts, and every lifecycle step (freeze, revoke, reopen, new version, annul).

Every function takes the workspace, opens its own short transaction and returns frozen values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain.agreement_records import Agreement, AgreementEvent, AgreementVersion, Signature
from fieldapp.domain.consent import ConsentFact
from fieldapp.domain.messages import DomainError, FieldError, Message, ValidationFailed
from fieldapp.domain.job_terms import terms_warnings
from fieldapp.domain.validation import birth_date_of
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.storage import agreements as store
from fieldapp.storage import repository
from fieldapp.storage.queries import agreement_editing as q
from fieldapp.storage.queries.consents import consent_facts

__all__ = [
    "EditorData", "VersionSummary", "annul", "create", "diff_versions", "freeze", "history", "load",
    "new_version", "prefill", "read_scan", "reopen", "revoke", "save_draft",
]

SIGNED_STATUSES = rules.AgreementStatus.SIGNED


@dataclass(frozen=True)
class VersionSummary:
    version_id: str
    version_no: int
    status: str
    change_types: tuple[str, ...]
    change_reason: str | None
    frozen: bool
    signed_by: tuple[str, ...]
    created_at: object


@dataclass(frozen=True)
class EditorData:
    """One version as the editor shows it, with the facts the lifecycle bar needs."""

    agreement: Agreement
    version: AgreementVersion
    signatures: tuple[Signature, ...]
    events: tuple[AgreementEvent, ...]
    status: str
    latest_version_no: int
    valid_signed_version_no: int | None  # the newest earlier version that is concluded/active/ended
    valid_signed_status: str | None
    missing: tuple[FieldError, ...]
    warnings: tuple[Message, ...] = ()  # the job's terms disagree (percentage, days, hours): shown, never a block
    # The participant's consents, so the editor can tell at once when a goal needs the employer consent.
    consents: tuple[ConsentFact, ...] = ()

    @property
    def editable(self) -> bool:
        return (self.version.frozen_at is None and self.agreement.annulled_at is None
                and not any(s.revoked_at is None for s in self.signatures))

    @property
    def is_latest(self) -> bool:
        return self.version.version_no == self.latest_version_no

    @property
    def awaiting_resigning(self) -> bool:
        """A later version not yet concluded while an earlier signed one stays valid."""
        return self.valid_signed_version_no is not None and self.status not in SIGNED_STATUSES

    @property
    def required_signers(self) -> tuple[str, ...]:
        return rules.required_signers(self.version.content)

    @property
    def signed_roles(self) -> tuple[str, ...]:
        return tuple(s.role for s in self.signatures if s.revoked_at is None)


def load(ws: Workspace, agreement_id: str, *, version_no: int | None = None, today: date | None = None) -> EditorData:
    today = today or date.today()
    with ws.folder.read() as session:
        facts = docs_store.version_facts(session, agreement_id, version_no, today=today)
        rows = q.versions(session, agreement_id, today=today)
        events = tuple(q.events(session, agreement_id))
        sensitive = store.sensitive_goals_without_consent(session, agreement_id, facts.version.content)
        consents = tuple(consent_facts(session, facts.agreement.participant_id))
    earlier = [r for r in rows if r.version.version_no < facts.version.version_no and r.status in SIGNED_STATUSES]
    valid = earlier[-1] if earlier else None
    return EditorData(
        agreement=facts.agreement, version=facts.version, signatures=facts.signatures, events=events,
        status=facts.status, latest_version_no=rows[-1].version.version_no if rows else facts.version.version_no,
        valid_signed_version_no=valid.version.version_no if valid else None,
        valid_signed_status=valid.status if valid else None,
        missing=tuple(rules.missing_for_signing(facts.version.content)) + tuple(sensitive), consents=consents,
        warnings=tuple(terms_warnings(facts.version.content.job)))


def _party(role: str, name: str | None, **fields: str | None) -> ac.PartySnapshot:
    texts: dict[str, Any] = {k: v or "" for k, v in fields.items()}
    return ac.PartySnapshot(role=role, name=name or "", **texts)


def prefill(ws: Workspace, participant_id: str, *, placement_id: str | None = None, lang: str = "nb",
            agreement_type: str = "toa") -> ac.AgreementContent:
    """A new agreement's content from the participant, the placement, its employer and the NAV contact."""
    with ws.folder.read() as session:
        src = q.prefill_sources(session, participant_id, placement_id)
        specialist = q.last_job_specialist(session)
    p, pl, e, c = src.participant, src.placement, src.employer, src.contact
    parties = ac.Parties(
        participant=replace(_party("participant", f"{p.first_name} {p.last_name}".strip(), phone=p.phone,
                                   email=p.email), birth_date=birth_date_of(p.fodselsnummer)),
        employer=_party("employer", e.name if e else "", organisation=e.name if e else "",
                        orgnr=e.orgnr if e else "", phone=e.phone if e else "", email=e.email if e else "",
                        address=e.address if e else ""),
        employer_contact=_party("employer_contact", c.name if c else "", organisation=e.name if e else "",
                                phone=c.phone if c else "", email=c.email if c else ""),
        job_specialist=specialist or _party("job_specialist", ws.actor),
        nav_contact=_party("nav", p.nav_contact_name, organisation=p.nav_office, phone=p.nav_contact_phone)
        if agreement_type == "toa" or p.nav_contact_name else None,
    )
    job = ac.JobTerms()
    if pl is not None:
        job = ac.JobTerms(title=pl.job_title, tasks=pl.tasks or "", percentage=pl.percentage,
                          days_per_week=pl.days_per_week, hours_text=pl.working_hours or "",
                          employment_form=pl.employment_form or "", start=pl.start_date)
    start = pl.start_date if pl else None
    return ac.AgreementContent(
        agreement_type=agreement_type, parties=parties, job=job,
        duration=ac.Duration(start=start, end=pl.end_date if pl else None),
        responsibilities=ac.default_responsibilities(lang), privacy_text=ac.privacy_text(lang))


def create(ws: Workspace, participant_id: str, content: ac.AgreementContent) -> str:
    """A new agreement (version 1, a draft) for the participant; returns the agreement's id."""
    _check_text(content)
    with ws.folder.write() as session:
        src = q.prefill_sources(session, participant_id)
        agreement, _ = store.create(session, device_id=ws.device_id, participant_id=participant_id, content=content,
                                    employer_id=src.employer.id if src.employer else None,
                                    placement_id=src.placement.id if src.placement else None)
        return agreement.id


def _check_text(content: ac.AgreementContent) -> None:
    """Refuse what can never be stored (too long texts), with the field named; missing parts are fine in a draft."""
    too_long = [e for e in rules.missing_for_signing(content) if e.message.code == "text.length"]
    if too_long:
        raise ValidationFailed(too_long)


def save_draft(ws: Workspace, version_id: str, content: ac.AgreementContent) -> AgreementVersion:
    """Save the draft's content (refused by storage once frozen or signed); a later version's change types
    follow what differs from the version before it."""
    _check_text(content)
    with ws.folder.write() as session:
        version = store.update_draft(session, version_id, content)
        if version.version_no > 1:
            previous = store.version_by_no(session, version.agreement_id, version.version_no - 1)
            if previous is not None:
                kinds = set(rules.classify_change(previous.content, content)) | set(version.change_types)
                kinds.discard(rules.ChangeType.CREATE)
                q.set_change_types(session, version_id, tuple(sorted(kinds)))
        return version


def freeze(ws: Workspace, version_id: str) -> AgreementVersion:
    with ws.folder.write() as session:
        return store.freeze(session, version_id)


def reopen(ws: Workspace, version_id: str) -> AgreementVersion:
    with ws.folder.write() as session:
        return store.reopen(session, version_id)


def revoke(ws: Workspace, version_id: str, *, reason: str) -> int:
    """Revoke every signature of the version (logged with the reason); it can then be reopened and edited."""
    with ws.folder.write() as session:
        return store.revoke_signatures(session, version_id, reason=reason)


def new_version(ws: Workspace, agreement_id: str, *, change_type: str, reason: str = "",
                new_end: date | None = None) -> AgreementVersion:
    """A new draft version after the latest one was frozen or signed; the signed one stays valid.

    `change_type` is what the user chose; extend and shorten take the new end date, which must
    actually move the end in that direction, and shortening needs a reason.
    """
    if change_type not in rules.ChangeType.ALL or change_type in (rules.ChangeType.CREATE, rules.ChangeType.ANNUL):
        raise DomainError(Message("agreement.version.change_type", "Velg hva som endres.",
                                  "Choose what changes."))
    with ws.folder.write() as session:
        previous = store.latest_version(session, agreement_id)
        content = previous.content
        old_end = content.duration.end
        if change_type in (rules.ChangeType.EXTEND, rules.ChangeType.SHORTEN):
            if new_end is None:
                raise ValidationFailed([FieldError("new_end", Message(
                    "agreement.version.new_end", "Oppgi ny sluttdato.", "Give the new end date."))])
            longer = old_end is None or new_end > old_end
            if (change_type == rules.ChangeType.EXTEND) != longer or new_end == old_end:
                raise ValidationFailed([FieldError("new_end", Message(
                    "agreement.version.new_end_direction",
                    "Ny sluttdato må være senere enn den gamle ved forlengelse, og tidligere ved forkorting.",
                    "The new end date must be later than the old one to extend, and earlier to shorten."))])
            content = replace(content, duration=replace(content.duration, end=new_end))
        if change_type == rules.ChangeType.SHORTEN and not reason.strip():
            raise ValidationFailed([FieldError("reason", Message(
                "agreement.shorten.reason", "Forkorting av avtalen krever en begrunnelse.",
                "Shortening the agreement needs a reason."))])
        version = store.new_version(session, agreement_id, content, reason=reason.strip() or None)
        kinds = tuple(sorted(set(version.change_types) | {change_type}))
        q.set_change_types(session, version.id, kinds)
        return replace(version, change_types=kinds)


SCAN_LIMIT = 20 * 1024 * 1024
_SCAN_TYPES = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def read_scan(path: Path | str) -> tuple[bytes, str]:
    """A paper signature's scan (PDF, PNG or JPEG, by its content, at most 20 MB) and its MIME type."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(Message("agreement.scan.unreadable", f"Kan ikke lese filen: {exc.strerror or exc}.",
                                  f"Cannot read the file: {exc.strerror or exc}.")) from exc
    if len(data) > SCAN_LIMIT:
        raise DomainError(Message("agreement.scan.too_large", "Skannet fil er for stor (maks 20 MB).",
                                  "The scanned file is too large (at most 20 MB)."))
    for magic, mime in _SCAN_TYPES:
        if data.startswith(magic):
            return data, mime
    raise DomainError(Message("agreement.scan.type", "Skannet signatur må være en PDF-, PNG- eller JPEG-fil.",
                              "A scanned signature must be a PDF, PNG or JPEG file."))


def annul(ws: Workspace, agreement_id: str, *, reason: str) -> Agreement:
    with ws.folder.write() as session:
        return store.annul(session, agreement_id, reason=reason)


def history(ws: Workspace, agreement_id: str, *, today: date | None = None) -> list[VersionSummary]:
    with ws.folder.read() as session:
        rows = q.versions(session, agreement_id, today=today or date.today())
    return [VersionSummary(r.version.id, r.version.version_no, r.status, r.version.change_types,
                           r.version.change_reason, r.version.frozen_at is not None, r.signed_by,
                           r.version.created_at) for r in rows]


def diff_versions(ws: Workspace, agreement_id: str, old_no: int, new_no: int) -> list[tuple[str, object, object]]:
    """What changed from version `old_no` to `new_no` as (path, old, new), paths as agreement_rules.diff gives."""
    with ws.folder.read() as session:
        old = store.version_by_no(session, agreement_id, old_no)
        new = store.version_by_no(session, agreement_id, new_no)
        if old is None or new is None:
            repository.require(session, Agreement, agreement_id)
            raise DomainError(Message("agreement.version.not_found", "Fant ikke versjonen.",
                                      "The version was not found."))
    return rules.diff(old.content, new.content)
