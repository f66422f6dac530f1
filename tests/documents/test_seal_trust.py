"""Seal trust: `verify` names who sealed a copy and fails for a certificate that belongs to no team device."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.documents import seal_key
from fieldapp.documents.seal import check_seal, seal_pdf
from fieldapp.domain.agreement_records import SealedDocument
from fieldapp.services import agreement_documents as docs
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.sync import identity
from tests.documents.helpers import signed_agreement


def test_verify_names_the_sealing_device_the_job_specialist_and_the_time(
        workspace, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    signed = signed_agreement(workspace)
    sealed = signed.result.sealed
    result = docs.verify_pdf(workspace, sealed.pdf)
    assert result.ok and result.member_seal
    assert result.sealed_by_device == workspace.device_id and result.sealed_at == sealed.sealed_at
    assert result.job_specialist
    out = tmp_path / "kopi.pdf"
    out.write_bytes(sealed.pdf)
    workspace.close()
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["agreement", "verify", str(out), "--data-dir", str(data_dir)]) == 0
    text = capsys.readouterr().out
    assert f"by device {workspace.device_id}; job specialist: {result.job_specialist}" in text
    assert sealed.sealed_at.strftime("%Y-%m-%d %H:%M UTC") in text


def test_verify_fails_for_a_certificate_of_no_team_device(workspace) -> None:
    signed = signed_agreement(workspace)
    real = signed.result.sealed
    stranger = str(uuid.uuid4())
    fresh = docs.render_pdf(workspace, signed.agreement_id, prefer_sealed=False)
    forged = seal_pdf(fresh.pdf, seal_key.generate(stranger), reason="forfalsket")
    with workspace.folder.write() as session:
        docs_store.add_sealed(session, SealedDocument(
            agreement_id=real.agreement_id, version_id=real.version_id, content_hash=real.content_hash,
            sha256=forged.sha256, pdf=forged.pdf, lang=real.lang, sealed_at=real.sealed_at + timedelta(days=1),
            device_id=stranger, signer_cert_sha256=check_seal(forged.pdf).signer_cert_sha256))
    result = docs.verify_pdf(workspace, forged.pdf)
    assert not result.ok and not result.member_seal
    assert result.message.code == "document.verify.not_member"
    assert "belongs to no device of the team" in result.message.text("en")


def test_an_endorsed_certificate_names_its_device_and_verifies_with_its_identity() -> None:
    device = str(uuid.uuid4())
    private = identity.new_identity()
    key = seal_key.generate(device, endorse=lambda message: identity.sign(private, message))
    found = seal_key.read_endorsement(key.certificate)
    assert found is not None and found.device_id == device
    assert identity.verify(identity.identity_public(private), found.signature, found.message)
    assert not identity.verify(identity.identity_public(identity.new_identity()), found.signature, found.message)
    assert seal_key.read_endorsement(seal_key.generate(device).certificate) is None
