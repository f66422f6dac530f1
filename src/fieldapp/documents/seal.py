"""Tamper evidence: seal a PDF with a PAdES signature made by the device key, and check a sealed PDF.

check_seal() looks only at the file: is there a seal, is it intact (the signed bytes are unchanged), is the
signature mathematically valid, does it cover the whole file (nothing appended afterwards), and which
agreement version the file says it is (from the PDF's Keywords, written by agreement_pdf and covered by
the seal). Whether it is a copy the local database knows is the service layer's question.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from fieldapp.documents.agreement_pdf import parse_keywords
from fieldapp.documents.seal_key import SealKey
from fieldapp.domain.messages import Message

if TYPE_CHECKING:  # pyhanko itself is imported inside the functions that use it
    from pyhanko.pdf_utils.reader import PdfFileReader

log = logging.getLogger(__name__)
FIELD_NAME = "FieldappSeal"


@dataclass(frozen=True)
class SealedPdf:
    pdf: bytes
    sha256: str


@dataclass(frozen=True)
class AgreementIdentity:
    """Which agreement version a PDF says it holds."""

    agreement_id: str
    number: str
    version_no: int
    content_hash: str


@dataclass(frozen=True)
class SealCheck:
    sha256: str
    sealed: bool = False
    intact: bool = False
    valid: bool = False
    whole_file: bool = False
    signer: str = ""
    signer_cert_sha256: str = ""
    signer_cert_der: bytes = b""
    signed_at: datetime | None = None
    identity: AgreementIdentity | None = None
    problem: Message | None = None

    @property
    def ok(self) -> bool:
        """The seal is there, untouched, valid, and nothing was added after it."""
        return self.sealed and self.intact and self.valid and self.whole_file


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seal_pdf(pdf: bytes, key: SealKey, *, reason: str, location: str = "") -> SealedPdf:
    """A PAdES (B-B) signature over the whole PDF, added as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason, location=location or None, name=key.subject,
    )
    out = signers.sign_pdf(writer, meta, signer=key.signer())
    data = out.getvalue()
    return SealedPdf(data, sha256_hex(data))


def _problem(code: str, nb: str, en: str) -> Message:
    return Message(f"seal.{code}", nb, en)


def _identity(reader: PdfFileReader) -> AgreementIdentity | None:
    try:
        info = reader.trailer["/Info"]
        words = parse_keywords(str(info.get("/Keywords", "")))
        return AgreementIdentity(words["id"], words.get("number", ""), int(words["version"]), words["content-sha256"])
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def check_seal(pdf: bytes) -> SealCheck:
    """What the file itself proves. Never raises for a bad file: the problem is in the result."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    digest = sha256_hex(pdf)
    if not pdf.startswith(b"%PDF-"):
        return SealCheck(digest, problem=_problem("not_pdf", "Filen er ikke en PDF.", "The file is not a PDF."))
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        log.info("unreadable PDF: %s", exc)
        return SealCheck(digest, problem=_problem("unreadable", "PDF-filen kan ikke leses; den kan være skadet eller endret.",
                                                  "The PDF cannot be read; it may be damaged or altered."))
    if not sigs:
        return SealCheck(digest, identity=_identity(reader), problem=_problem(
            "not_sealed", "PDF-filen har ingen forsegling fra Fieldapp.", "The PDF carries no Fieldapp seal."))
    sig = sigs[-1]
    try:
        cert = sig.signer_cert
        # Trusting the file's own certificate makes "valid" mean: the signature checks out mathematically.
        # Whose key it is gets settled by matching the stored sealed copy (same SHA-256) in the database.
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[cert], allow_fetching=False))
    except (PdfError, SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        log.info("seal validation failed: %s", exc)
        return SealCheck(digest, sealed=True, identity=_identity(reader), problem=_problem(
            "broken", "Forseglingen kan ikke kontrolleres; filen er endret eller skadet.",
            "The seal cannot be checked; the file has been altered or damaged."))
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and len(sigs) == 1
    check = SealCheck(
        digest, sealed=True, intact=bool(status.intact), valid=bool(status.valid), whole_file=whole,
        signer=cert.subject.native.get("common_name", ""), signer_cert_sha256=hashlib.sha256(cert.dump()).hexdigest(),
        signer_cert_der=cert.dump(), signed_at=status.signer_reported_dt, identity=_identity(reader),
    )
    if not check.intact:
        problem = _problem("not_intact", "Forseglingen er brutt: innholdet er endret etter at PDF-en ble forseglet.",
                           "The seal is broken: the content has changed since the PDF was sealed.")
    elif not check.valid:
        problem = _problem("invalid", "Forseglingens signatur er ugyldig.", "The seal's signature is not valid.")
    elif not whole:
        problem = _problem("appended", "Noe er lagt til i PDF-filen etter at den ble forseglet.",
                           "Something was added to the PDF after it was sealed.")
    else:
        return check
    return SealCheck(**{**check.__dict__, "problem": problem})
