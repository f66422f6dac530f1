"""Agreement documents for the UI and the command line: list, render, save, sign-and-seal, verify, log printing.

Every function takes the workspace and returns plain frozen values; none holds a session afterwards,
so the UI can run them on its database worker and hand the result to the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf
from fieldapp.documents.seal import AgreementIdentity, SealCheck, check_seal, seal_pdf, sha256_hex
from fieldapp.documents.seal_key import device_seal_key
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
    write_atomic(Path(out), result.pdf)
    with ws.folder.write() as session:
        facts = docs_store.version_facts(session, result.agreement_id, result.version_no)
        store.log_event(session, result.agreement_id, "pdf_made", facts.version.id, sha256=result.sha256,
                             sealed=result.sealed, lang=lang)
    access_log.record_agreement(ws, result.agreement_id, kind=access_kinds.PDF)
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


def _seal_in_session(ws: Workspace, session: object, facts: docs_store.VersionFacts, lang: str) -> SealedDocument:
    key = device_seal_key(ws.device_id)
    pdf = render_agreement_pdf(_document(facts, lang))
    v, a = facts.version, facts.agreement
    reason = (f"Fieldapp: avtale {a.number} versjon {v.version_no}, inngått og signert av partene "
              f"(fingeravtrykk {short_fingerprint(v.content_hash or '')})")
    sealed = seal_pdf(pdf, key, reason=reason)
    return docs_store.add_sealed(session, SealedDocument(  # type: ignore[arg-type]
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

    @property
    def ok(self) -> bool:
        return self.check.ok and self.known_version and self.matches_stored and not self.superseded


def _msg(code: str, nb: str, en: str) -> Message:
    return Message(f"document.verify.{code}", nb, en)


def verify_pdf(ws: Workspace, pdf: bytes) -> Verification:
    """Is this an untouched sealed copy of an agreement version this data folder knows?"""
    check = check_seal(pdf)
    ident = check.identity
    known = matches = superseded = False
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
    elif superseded:
        message = _msg("superseded",
                       f"Uendret forseglet kopi av {label_nb}, men signaturene er senere trukket tilbake og versjonen "
                       "er forseglet på nytt.",
                       f"Untouched sealed copy of {label_en}, but its signatures were later revoked and the version "
                       "was sealed again.")
    else:
        message = _msg("ok", f"Uendret forseglet kopi av {label_nb} (fingeravtrykk "
                             f"{short_fingerprint(ident.content_hash)}).",
                       f"Untouched sealed copy of {label_en} (fingerprint {short_fingerprint(ident.content_hash)}).")
    return Verification(check, ident, known, matches, superseded, message)


def verify_file(ws: Workspace, path: Path) -> Verification:
    return verify_pdf(ws, Path(path).read_bytes())
