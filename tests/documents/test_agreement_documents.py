"""Services: the concluding signature seals and stores the PDF; verify matches it; events; privacy; sync capture."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from fieldapp.documents.seal import sha256_hex
from fieldapp.domain.agreement_rules import AgreementStatus
from fieldapp.domain.messages import DomainError
from fieldapp.services import agreement_documents as docs
from fieldapp.services.exporting import build_export
from fieldapp.services.maintenance import check_integrity
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.storage import agreements as store
from fieldapp.storage.capture import close_capture, open_capture
from tests.documents.helpers import (
    CONFIRMATION, HOUSING_TEXT, INTERNAL_NOTE, SENSITIVE_TEXT, pdftotext, signed_agreement, squeeze,
)


def _events(ws, agreement_id: str) -> list[str]:
    with ws.folder.read() as s:
        return [k for (k,) in s.connection().exec_driver_sql(
            "SELECT kind FROM agreement_event WHERE agreement_id = ? ORDER BY created_at, rowid", (agreement_id,))]


def test_last_signature_concludes_and_stores_the_sealed_pdf(workspace) -> None:
    signed = signed_agreement(workspace)
    assert signed.result.sealed is not None
    sealed = signed.result.sealed
    assert sealed.sha256 == sha256_hex(sealed.pdf)
    with workspace.folder.read() as s:
        stored = docs_store.sealed_for_version(s, signed.version_id)
        version = store.latest_version(s, signed.agreement_id)
    assert stored is not None and stored.pdf == sealed.pdf and stored.content_hash == version.content_hash
    kinds = _events(workspace, signed.agreement_id)
    assert kinds[-2:] == ["concluded", "sealed"]
    # Earlier signatures did not seal anything.
    rows = docs.list_agreements(workspace)
    assert [(r.number, r.version_no, r.sealed) for r in rows] == [(signed.number, 1, True)]
    assert rows[0].status in (AgreementStatus.CONCLUDED, AgreementStatus.ACTIVE, AgreementStatus.ENDED)


def test_sealed_copy_is_captured_for_sync_append_only_and_exported(workspace) -> None:
    signed = signed_agreement(workspace)
    sealed = signed.result.sealed
    assert sealed is not None
    with workspace.folder.read() as s:  # stamped by this device and waiting to be sent, with its bytes
        conn = s.connection()
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox_record WHERE entity = 'sealed_document'"
                                      " AND entity_id = ?", (sealed.id,)).scalar_one()
        stamped_by = conn.exec_driver_sql("SELECT device_id FROM record_clock WHERE entity = 'sealed_document'"
                                          " AND entity_id = ?", (sealed.id,)).scalar_one()
        stored = conn.exec_driver_sql("SELECT pdf FROM sealed_document WHERE id = ?", (sealed.id,)).scalar_one()
    assert queued == 1 and stamped_by == workspace.device_id and bytes(stored) == sealed.pdf
    assert check_integrity(workspace).ok
    with pytest.raises(IntegrityError, match="cannot be changed"):
        with workspace.folder.write() as s:
            conn = s.connection()
            open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.device_id)
            conn.exec_driver_sql("UPDATE sealed_document SET pdf = x'00' WHERE id = ?", (sealed.id,))
            close_capture(conn)
    with workspace.folder.read() as s:
        participant_id = s.connection().exec_driver_sql(
            "SELECT participant_id FROM agreement WHERE id = ?", (signed.agreement_id,)).scalar_one()
    export = build_export(workspace, participant_id=participant_id)
    assert [r["id"] for r in export["records"]["sealed_document"]] == [sealed.id]


def test_verify_accepts_only_the_untouched_stored_copy(workspace) -> None:
    signed = signed_agreement(workspace)
    sealed = signed.result.sealed
    assert sealed is not None
    ok = docs.verify_pdf(workspace, sealed.pdf)
    assert ok.ok and ok.known_version and ok.matches_stored
    assert signed.number in ok.message.text("nb") and "Uendret" in ok.message.text("nb")

    tampered = bytearray(sealed.pdf)
    tampered[sealed.pdf.index(b"stream") + 40] ^= 0x01
    bad = docs.verify_pdf(workspace, bytes(tampered))
    assert not bad.ok and not bad.check.intact and bad.message.code == "seal.not_intact"

    fresh = docs.render_pdf(workspace, signed.agreement_id, prefer_sealed=False)
    unsealed = docs.verify_pdf(workspace, fresh.pdf)
    assert not unsealed.ok and unsealed.message.code == "seal.not_sealed"


def test_verify_in_another_folder_does_not_know_the_version(workspace, tmp_path: Path) -> None:
    from fieldapp.services.workspace import open_workspace

    sealed = signed_agreement(workspace).result.sealed
    assert sealed is not None
    with open_workspace(tmp_path / "other") as other:
        result = docs.verify_pdf(other, sealed.pdf)
    assert result.check.ok and not result.known_version and not result.ok
    assert result.message.code == "document.verify.unknown_version"


def test_revoked_and_resigned_version_supersedes_the_old_seal(workspace) -> None:
    signed = signed_agreement(workspace)
    old = signed.result.sealed
    assert old is not None
    with workspace.folder.write() as s:
        store.revoke_signatures(s, signed.version_id, reason="Feil navn på kontaktperson")
    for role in ("employee", "employer", "nav", "job_specialist"):
        result = docs.sign(workspace, signed.version_id, role=role, name=role, method="paper",
                           confirmation_text=CONFIRMATION)
    assert result.sealed is not None and result.sealed.sha256 != old.sha256
    stale = docs.verify_pdf(workspace, old.pdf)
    assert stale.check.ok and stale.matches_stored and stale.superseded and not stale.ok
    assert docs.verify_pdf(workspace, result.sealed.pdf).ok


def test_employer_copy_holds_no_sensitive_mapping_or_internal_notes(workspace, tmp_path: Path) -> None:
    signed = signed_agreement(workspace)
    for pdf in (signed.result.sealed.pdf, docs.render_pdf(workspace, signed.number, prefer_sealed=False).pdf,
                docs.render_pdf(workspace, signed.number, lang="en").pdf):
        text = squeeze(pdftotext(pdf, tmp_path))
        assert squeeze("Kari Fjellheim Nordvik") in text  # the right document
        for secret in (SENSITIVE_TEXT, HOUSING_TEXT, INTERNAL_NOTE, "DPS", "fastlegen", "angst"):
            assert squeeze(secret) not in text, secret
        # Metadata too (title, subject, keywords); not the raw bytes, where a seal's random bytes may spell "DPS".
        info = subprocess.run(["pdfinfo", "-", ], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "DPS" not in info and "angst" not in info


def test_save_pdf_and_printing_are_logged(workspace, tmp_path: Path) -> None:
    signed = signed_agreement(workspace)
    out = tmp_path / "avtale.pdf"
    result = docs.save_pdf(workspace, signed.number, out, version_no=1)
    assert result.sealed and out.read_bytes() == signed.result.sealed.pdf
    docs.log_printed(workspace, signed.agreement_id, version_no=1, copies=3, printer="Kontor 2. etg",
                     sha256=result.sha256)
    with workspace.folder.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT kind, details FROM agreement_event WHERE agreement_id = ? AND kind IN ('pdf_made', 'printed') "
            "ORDER BY created_at, rowid", (signed.agreement_id,)).all()
    assert [k for k, _ in rows] == ["pdf_made", "printed"]
    assert json.loads(rows[1][1])["copies"] == 3 and json.loads(rows[0][1])["sealed"] is True
    assert not list(tmp_path.glob(".*.tmp"))


def test_bad_requests_get_clear_messages(workspace) -> None:
    signed = signed_agreement(workspace)
    with pytest.raises(DomainError) as err:
        docs.render_pdf(workspace, "K7Q2-1999-9999")
    assert err.value.code == "agreement.not_found" and "K7Q2-1999-9999" in err.value.text("en")
    with pytest.raises(DomainError) as err:
        docs.render_pdf(workspace, signed.agreement_id, version_no=5)
    assert err.value.code == "agreement.version.not_found"
    with pytest.raises(DomainError) as err:
        docs.render_pdf(workspace, signed.agreement_id, lang="de")
    assert err.value.code == "document.lang"


def test_seal_concluded_refuses_an_unconcluded_version(workspace) -> None:
    from fieldapp.domain.agreement_examples import complete_example_content
    from fieldapp.domain.records import Participant
    from fieldapp.services import records

    p = records.save(workspace, Participant(first_name="Ole", last_name="Brå"))
    with workspace.folder.write() as s:
        agreement, version = store.create(s, device_id=workspace.device_id, participant_id=p.id,
                                          content=complete_example_content())
        store.freeze(s, version.id)
    with pytest.raises(DomainError) as err:
        docs.seal_concluded(workspace, agreement.id)
    assert err.value.code == "document.seal.not_concluded"
