"""Agreement documents for the UI and the command line: list, render, save, sign-and-seal, verify, log printing.

Every function takes the workspace and returns plain frozen values; none holds a session afterwards,
so the UI can run them on its database worker and hand the result to the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf
from fieldapp.documents.seal import AgreementIdentity, SealCheck, check_seal, seal_pdf, sha256_hex
from fieldapp.documents.seal_key import SealKey, device_seal_key, read_endorsement
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain.agreement_content import short_fingerprint
from fieldapp.domain.agreement_records import SealedDocument, Signature
from fieldapp.domain.messages import DomainError, Message
from fieldapp.files import write_atomic
from fieldapp.domain import access_log as access_kinds
from fieldapp.services import access_log
from fieldapp.services.agreements import AgreementRow, list_agreements
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.storage import agreements as store
from fieldapp.sync import crypto as sync_crypto
from fieldapp.sync import identity, seal_trust
from fieldapp.sync import keys as sync_keys
from fieldapp.sync.bundle import KeyBundle

__all__ = [
    "AgreementRow", "PdfResult", "SignResult", "Verification", "list_agreements", "log_printed",
    "render_pdf", "save_pdf", "seal_concluded", "sign", "verify_file", "verify_pdf",
]

LANGS = ("nb", "en")


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise DomainError(Message("document.lang", f"Ukjent språk «{lang}»: bruk nb eller en.",
                                  f"Unknown language “{lang}”: use nb or en."))
    return lang


@dataclass(frozen=True)
class PdfResult:
    pdf: bytes
    sha256: str
    agreement_id: str
    number: str
    version_no: int
    status: str
    sealed: bool  # True: these are the bytes of the stored sealed copy


def _document(facts: docs_store.VersionFacts, lang: str) -> AgreementDocument:
    v = facts.version
    return AgreementDocument(
        agreement_id=facts.agreement.id, number=facts.agreement.number, version_no=v.version_no, status=facts.status,
        content=v.content, signatures=facts.signatures, content_hash=v.content_hash, change_types=v.change_types,
        change_reason=v.change_reason, lang=lang)


def render_pdf(ws: Workspace, agreement_ref: str, *, version_no: int | None = None, lang: str = "nb",
               prefer_sealed: bool = True, log_access: bool = False) -> PdfResult:
    """The PDF of a version: the stored sealed copy when there is one in that language, else a fresh render.

    `log_access=True` when a person will see it (the preview): the access log gets a "pdf" entry."""
    _check_lang(lang)
    with ws.folder.read() as session:
        agreement = docs_store.find_agreement(session, agreement_ref)
        facts = docs_store.version_facts(session, agreement.id, version_no)
        sealed = docs_store.sealed_for_version(session, facts.version.id) if prefer_sealed else None
    if log_access:
        access_log.record_agreement(ws, agreement.id, kind=access_kinds.PDF)
    if sealed is not None and sealed.lang == lang:
        return PdfResult(sealed.pdf, sealed.sha256, agreement.id, agreement.number, facts.version.version_no,
                         facts.status, True)
    pdf = render_agreement_pdf(_document(facts, lang))
    return PdfResult(pdf, sha256_hex(pdf), agreement.id, agreement.number, facts.version.version_no, facts.status,
                     False)


def save_pdf(ws: Workspace, agreement_ref: str, out: Path, *, version_no: int | None = None,
             lang: str = "nb") -> PdfResult:
    """Write the version's PDF to `out` (atomically) and log "pdf_made" in the agreement's events.

    A concluded version is written as its sealed copy, sealed now if it was concluded without one
    (data from before sealing existed, or demo data).
    """
    _check_lang(lang)
    from fieldapp.services.privacy import check_employer_copy, refuse_if_blocked

    refuse_if_blocked(check_employer_copy(ws, agreement_ref, version_no=version_no))
    with ws.folder.read() as session:
        agreement = docs_store.find_agreement(session, agreement_ref)
        facts = docs_store.version_facts(session, agreement.id, version_no)
        unsealed = facts.status in rules.AgreementStatus.SIGNED and docs_store.sealed_for_version(session, facts.version.id) is None
    if unsealed:
        seal_concluded(ws, agreement.id, version_no=facts.version.version_no, lang=lang)
    result = render_pdf(ws, agreement.id, version_no=facts.version.version_no, lang=lang)
    access_log.record_agreement(ws, result.agreement_id, kind=access_kinds.PDF)  # first: no file goes unlogged
    write_atomic(Path(out), result.pdf)
    with ws.folder.write() as session:
        facts = docs_store.version_facts(session, result.agreement_id, result.version_no)
        store.log_event(session, result.agreement_id, "pdf_made", facts.version.id, sha256=result.sha256,
                             sealed=result.sealed, lang=lang)
    return result


def log_printed(ws: Workspace, agreement_ref: str, *, version_no: int, copies: int = 1, printer: str = "",
                sha256: str = "") -> None:
    """Record that a version was printed (the UI calls this after the print dialog was accepted)."""
    with ws.folder.write() as session:
        agreement = docs_store.find_agreement(session, agreement_ref)
        facts = docs_store.version_facts(session, agreement.id, version_no)
        store.log_event(session, agreement.id, "printed", facts.version.id, copies=copies, printer=printer,
                             sha256=sha256, by=ws.actor)
    access_log.record_agreement(ws, agreement.id, kind=access_kinds.PRINT)


def _endorsing(ws: Workspace) -> dict[str, Any]:
    """Seal certificates are endorsed by the device's sync identity (see documents/seal_key.py), so other
    members accept the sealed copies it syncs and `verify` can name the device. The identity is made here
    if the device has none yet, so copies sealed before enrolling are endorsed too."""
    private = sync_keys.identity_private_key(ws.device_id, create=True)
    assert private is not None
    public = identity.identity_public(private)

    def endorsed(key: SealKey) -> bool:
        found = read_endorsement(key.certificate)
        return (found is not None and found.device_id == ws.device_id
                and identity.verify(public, found.signature, found.message))
    return {"endorse": lambda message: identity.sign(private, message), "endorsed": endorsed}


def _seal_in_session(ws: Workspace, session: object, facts: docs_store.VersionFacts, lang: str) -> SealedDocument:
    key = device_seal_key(ws.device_id, **_endorsing(ws))
    pdf = render_agreement_pdf(_document(facts, lang))
    v, a = facts.version, facts.agreement
    reason = (f"Fieldapp: avtale {a.number} versjon {v.version_no}, inngått og signert av partene "
              f"(fingeravtrykk {short_fingerprint(v.content_hash or '')})")
    sealed = seal_pdf(pdf, key, reason=reason)
    return docs_store.add_sealed(session, SealedDocument(  # type: ignore[arg-type]  # services hold no SQLAlchemy Session type
        agreement_id=a.id, version_id=v.id, content_hash=v.content_hash or "", sha256=sealed.sha256, pdf=sealed.pdf,
        lang=lang, sealed_at=datetime.now(UTC), device_id=ws.device_id,
        signer_cert_sha256=sha256_hex(key.cert_der())))


@dataclass(frozen=True)
class SignResult:
    signature: Signature
    status: str
    sealed: SealedDocument | None  # set when this signature concluded the version


def sign(ws: Workspace, version_id: str, *, role: str, name: str, method: str, confirmation_text: str,
         strokes_json: str | None = None, scan: bytes | None = None, scan_mime: str | None = None,
         on_behalf_reason: str | None = None, party_informed: bool = False, signed_at: datetime | None = None,
         lang: str = "nb") -> SignResult:
    """Sign a version; the signature that concludes it also seals the final PDF, in the same transaction,
    so a concluded version never exists without its sealed copy."""
    _check_lang(lang)
    with ws.folder.write() as session:
        signature = store.sign(session, version_id, role=role, name=name, method=method,
                               confirmation_text=confirmation_text, device_id=ws.device_id, signed_at=signed_at,
                               strokes_json=strokes_json, scan=scan, scan_mime=scan_mime,
                               on_behalf_reason=on_behalf_reason, party_informed=party_informed)
        facts = docs_store.version_facts_by_id(session, version_id)
        sealed = None
        # Only the job specialist's signature can conclude (they sign last); after signatures were revoked
        # and given again, that makes a new sealed copy and the old one is superseded.
        if role == "job_specialist" and facts.status in rules.AgreementStatus.SIGNED:
            sealed = _seal_in_session(ws, session, facts, lang)
        return SignResult(signature, facts.status, sealed)


def seal_concluded(ws: Workspace, agreement_ref: str, *, version_no: int | None = None,
                   lang: str = "nb") -> SealedDocument:
    """The sealed copy of a concluded version, sealing it now if it has none (e.g. concluded before sealing existed)."""
    _check_lang(lang)
    with ws.folder.write() as session:
        agreement = docs_store.find_agreement(session, agreement_ref)
        facts = docs_store.version_facts(session, agreement.id, version_no)
        existing = docs_store.sealed_for_version(session, facts.version.id)
        if existing is not None:
            return existing
        if facts.status not in rules.AgreementStatus.SIGNED:
            raise DomainError(Message(
                "document.seal.not_concluded",
                f"Avtale {agreement.number} versjon {facts.version.version_no} er ikke inngått ennå; bare en "
                "inngått avtale (signert av alle parter, jobbspesialisten sist) forsegles.",
                f"Agreement {agreement.number} version {facts.version.version_no} is not concluded yet; only a "
                "concluded agreement (signed by all parties, the job specialist last) is sealed."))
        return _seal_in_session(ws, session, facts, lang)


@dataclass(frozen=True)
class Verification:
    check: SealCheck
    identity: AgreementIdentity | None
    known_version: bool    # the agreement version named in the PDF exists here with the same content hash
    matches_stored: bool   # byte for byte the sealed copy stored for that version (same SHA-256)
    superseded: bool       # a newer sealed copy of the same version exists (signatures revoked and re-signed)
    message: Message
    member_seal: bool = False  # sealed by a device of this team (endorsed certificate, or this device's own)
    sealed_by_device: str | None = None
    job_specialist: str | None = None
    sealed_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return (self.check.ok and self.known_version and self.matches_stored and not self.superseded
                and self.member_seal)


def _msg(code: str, nb: str, en: str) -> Message:
    return Message(f"document.verify.{code}", nb, en)


def verify_pdf(ws: Workspace, pdf: bytes) -> Verification:
    """Is this an untouched sealed copy of an agreement version this data folder knows?"""
    check = check_seal(pdf)
    ident = check.identity
    known = matches = superseded = member = False
    device: str | None = None
    specialist: str | None = None
    sealed_at: datetime | None = None
    label_nb = label_en = ""
    if ident is not None:
        label_nb = f"avtale {ident.number} versjon {ident.version_no}"
        label_en = f"agreement {ident.number} version {ident.version_no}"
        with ws.folder.read() as session:
            try:
                facts = docs_store.version_facts(session, ident.agreement_id, ident.version_no)
            except DomainError:
                facts = None
            if facts is not None:
                known = facts.version.content_hash == ident.content_hash
                stored = docs_store.sealed_by_sha256(session, check.sha256)
                matches = stored is not None and stored.version_id == facts.version.id
                newest = docs_store.sealed_for_version(session, facts.version.id)
                superseded = matches and newest is not None and newest.sha256 != check.sha256
                if stored is not None and matches:
                    device, sealed_at = stored.device_id, stored.sealed_at
                    own = stored.device_id == ws.device_id and stored.signer_cert_sha256 == check.signer_cert_sha256
                    member = own or _member_seal(ws, check.signer_cert_der, stored.device_id)
                    specialist = next((sig.name for sig in facts.signatures
                                       if sig.role == "job_specialist" and sig.revoked_at is None), None)
    if not check.ok:
        assert check.problem is not None
        message = check.problem
    elif ident is None:
        message = _msg("no_identity", "Forseglingen er intakt, men PDF-en sier ikke hvilken avtale den gjelder.",
                       "The seal is intact, but the PDF does not say which agreement it holds.")
    elif not known:
        message = _msg("unknown_version",
                       f"Forseglingen er intakt, men {label_nb} finnes ikke i denne datamappen med det samme innholdet.",
                       f"The seal is intact, but {label_en} is not in this data folder with the same content.")
    elif not matches:
        message = _msg("not_stored_copy",
                       f"Forseglingen er intakt og gjelder {label_nb}, men filen er ikke den forseglede kopien som er "
                       "lagret for denne versjonen.",
                       f"The seal is intact and names {label_en}, but the file is not the sealed copy stored for "
                       "that version.")
    elif not member:
        message = _msg("not_member",
                       f"Forseglingen er intakt og gjelder {label_nb}, men sertifikatet tilhører ingen enhet i teamet "
                       f"(oppgitt enhet: {device}). Kopien er IKKE godkjent; kontakt administratoren.",
                       f"The seal is intact and names {label_en}, but its certificate belongs to no device of the "
                       f"team (stated device: {device}). The copy is NOT verified; contact the administrator.")
    elif superseded:
        message = _msg("superseded",
                       f"Uendret forseglet kopi av {label_nb}, men signaturene er senere trukket tilbake og versjonen "
                       f"er forseglet på nytt. {_sealed_by('nb', device, specialist, sealed_at)}",
                       f"Untouched sealed copy of {label_en}, but its signatures were later revoked and the version "
                       f"was sealed again. {_sealed_by('en', device, specialist, sealed_at)}")
    else:
        message = _msg("ok", f"Uendret forseglet kopi av {label_nb} (fingeravtrykk "
                             f"{short_fingerprint(ident.content_hash)}). {_sealed_by('nb', device, specialist, sealed_at)}",
                       f"Untouched sealed copy of {label_en} (fingerprint {short_fingerprint(ident.content_hash)}). "
                       f"{_sealed_by('en', device, specialist, sealed_at)}")
    return Verification(check, ident, known, matches, superseded, message, member, device, specialist, sealed_at)


def _sealed_by(lang: str, device: str | None, specialist: str | None, sealed_at: datetime | None) -> str:
    """Who sealed the copy and when: the device, and the job specialist whose signature concluded the version."""
    when = sealed_at.strftime("%Y-%m-%d %H:%M UTC") if sealed_at else "?"
    if lang == "nb":
        return f"Forseglet {when} av enhet {device}; jobbspesialist: {specialist or 'ukjent'}."
    return f"Sealed {when} by device {device}; job specialist: {specialist or 'unknown'}."


def _member_seal(ws: Workspace, cert_der: bytes, device_id: str) -> bool:
    """The copy was sealed by a device of this device's verified roster (bound to it by its endorsement, or by
    the signed batch that brought the copy here)."""
    try:
        roster: KeyBundle | None = sync_keys.bundle(ws.device_id)
    except sync_crypto.CryptoError:
        roster = None
    return roster is not None and seal_trust.member_certificate(cert_der, device_id, roster)


def verify_file(ws: Workspace, path: Path) -> Verification:
    return verify_pdf(ws, Path(path).read_bytes())
