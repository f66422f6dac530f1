"""Sealing: PAdES signature by the device key kept only in the keyring; one changed byte breaks it."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from keyring.backends import fail, null

from fieldapp.documents import seal_key
from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf
from fieldapp.documents.seal import check_seal, seal_pdf
from fieldapp.domain.agreement_content import content_hash
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.storage.keystore import KeyringUnavailable
from tests.support import keyring_backend

DEVICE = "3f0c2a8e-5b1d-4c6e-9f7a-2d4b6c8e0a1b"


@pytest.fixture(autouse=True)
def _no_cached_keys() -> None:
    seal_key.forget_cached_keys()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    content = complete_example_content()
    return render_agreement_pdf(AgreementDocument(
        agreement_id="7d5e1f3c-0000-4000-8000-000000000001", number="K7Q2-2026-0001", version_no=1,
        status="concluded", content=content, content_hash=content_hash(content)))


def _validate_with_pyhanko(data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    return validate_pdf_signature(sig, ValidationContext(trust_roots=[sig.signer_cert]))


def _signed_ranges(data: bytes) -> list[tuple[int, int]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    br = list(sig.byte_range)
    return [(br[0], br[0] + br[1]), (br[2], br[2] + br[3])]


def test_seal_key_is_created_once_in_the_keyring_and_never_on_disk(tmp_path: Path, pdf: bytes) -> None:
    key = seal_key.device_seal_key(DEVICE)
    entry = keyring_backend._MEMORY[f"{seal_key.SERVICE}\0device:{DEVICE}"]
    assert "BEGIN PRIVATE KEY" in entry
    assert key.subject == f"Fieldapp device {DEVICE}"
    seal_key.forget_cached_keys()
    again = seal_key.device_seal_key(DEVICE)
    assert again.cert_der() == key.cert_der()  # loaded back, not made anew
    der = key.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    sealed = seal_pdf(pdf, key, reason="test")
    lower = sealed.pdf.lower()
    assert der not in sealed.pdf and der.hex().encode() not in lower and b"private key" not in lower
    assert key.cert_der().hex().encode() in lower  # the certificate (public) travels in the seal's /Contents


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
def test_unsafe_keyring_backends_are_refused(backend: type) -> None:
    keyring.set_keyring(backend())
    with pytest.raises(KeyringUnavailable) as err:
        seal_key.device_seal_key(DEVICE)
    assert "nøkkelring" in err.value.text("nb") and "keyring" in err.value.text("en")


def test_sealed_pdf_is_intact_and_one_changed_byte_breaks_it(pdf: bytes, tmp_path: Path) -> None:
    key = seal_key.device_seal_key(DEVICE)
    sealed = seal_pdf(pdf, key, reason="Fieldapp: avtale K7Q2-2026-0001 versjon 1")
    status = _validate_with_pyhanko(sealed.pdf)
    assert status.intact and status.valid
    check = check_seal(sealed.pdf)
    assert check.ok and check.identity is not None and check.identity.version_no == 1
    assert check.identity.agreement_id == "7d5e1f3c-0000-4000-8000-000000000001"
    assert check.signer == f"Fieldapp device {DEVICE}"

    # One changed byte in the page content: pyHanko itself reports the seal not intact.
    (start, end), (start2, end2) = _signed_ranges(sealed.pdf)
    content_byte = sealed.pdf.index(b"stream", start) + 40
    tampered = bytearray(sealed.pdf)
    tampered[content_byte] ^= 0x01
    assert not _validate_with_pyhanko(bytes(tampered)).intact
    result = check_seal(bytes(tampered))
    assert not result.ok and result.problem is not None and result.problem.code == "seal.not_intact"
    # Anywhere else in the signed bytes (including the seal's own dictionary) it fails too.
    for pos in [start + 200, (start + end) // 2, end - 50, start2 + 10, (start2 + end2) // 2, end2 - 10]:
        tampered = bytearray(sealed.pdf)
        tampered[pos] ^= 0x01
        result = check_seal(bytes(tampered))
        assert not result.ok and result.problem is not None, pos

    path = tmp_path / "sealed.pdf"
    path.write_bytes(sealed.pdf)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in out


def test_unsealed_appended_and_garbage_files_are_not_ok(pdf: bytes) -> None:
    sealed = seal_pdf(pdf, seal_key.device_seal_key(DEVICE), reason="test")
    unsealed = check_seal(pdf)
    assert not unsealed.ok and unsealed.problem is not None and unsealed.problem.code == "seal.not_sealed"
    assert unsealed.identity is not None  # it still says which version it is
    appended = check_seal(sealed.pdf + b"% added later\n")
    assert not appended.ok
    garbage = check_seal(b"not a pdf at all")
    assert not garbage.ok and garbage.problem is not None and garbage.problem.code == "seal.not_pdf"
    truncated = check_seal(sealed.pdf[: len(sealed.pdf) // 2])
    assert not truncated.ok
