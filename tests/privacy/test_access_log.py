"""What the access log records from the services, and the subject access export ("Eksporter innsyn")."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest

from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import access_log, records
from fieldapp.services import agreement_documents as docs
from fieldapp.services.exporting import write_export
from fieldapp.services.subject_access import export_subject_access
from fieldapp.services.visits import load_for_editor
from tests.ui.agreement_helpers import concluded_agreement


def _kinds(ws, participant_id: str) -> list[str]:
    return sorted(e.kind for e in access_log.entries_for(ws, participant_id))


def test_visit_pdf_print_and_export_are_logged_with_references_only(workspace, tmp_path) -> None:
    agreement_id, _ = concluded_agreement(workspace)
    docs.render_pdf(workspace, agreement_id)
    with workspace.folder.read() as session:
        participant_id = access_log.q.participant_of_agreement(session, agreement_id)
    assert participant_id is not None and _kinds(workspace, participant_id) == []  # a render nobody sees: no entry
    docs.render_pdf(workspace, agreement_id, log_access=True)
    docs.save_pdf(workspace, agreement_id, tmp_path / "a.pdf")
    docs.log_printed(workspace, agreement_id, version_no=1, copies=1, printer="Skriver")
    visit = records.save(workspace, Visit(participant_id=participant_id, starts_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                                          summary="Samtale om helse, hemmelig"))
    load_for_editor(workspace, visit.id)
    write_export(workspace, tmp_path / "one.json", participant_id=participant_id)
    assert _kinds(workspace, participant_id) == ["export", "pdf", "pdf", "print", "visit"]
    write_export(workspace, tmp_path / "all.json")  # everything: each participant's log shows the export
    assert _kinds(workspace, participant_id) == ["export", "export", "pdf", "pdf", "print", "visit"]
    targets = {e.kind: e.target_id for e in access_log.entries_for(workspace, participant_id)}
    assert targets["visit"] == visit.id and targets["print"] == agreement_id
    with workspace.folder.read() as session:
        dump = " ".join(str(v) for row in session.connection().exec_driver_sql("SELECT * FROM read_log") for v in row)
    assert "hemmelig" not in dump and "Skriver" not in dump and str(tmp_path) not in dump and "a.pdf" not in dump
    with pytest.raises(DomainError):
        access_log.record(workspace, participant_id=participant_id, kind="gossip")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_subject_access_export_is_a_readable_bokmal_pdf_plus_json_and_is_logged(workspace, tmp_path) -> None:
    p = records.save(workspace, Participant(first_name="Åshild", last_name="Bræin", phone="91234567",
                                            notes="Ønsker jobb i barnehage", follow_up_start=date(2026, 1, 5)))
    pdf, js = export_subject_access(workspace, p.id, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.parent == tmp_path
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["scope"] == {"participant_id": p.id} and doc["records"]["participant"][0]["last_name"] == "Bræin"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Innsyn: opplysninger vi har lagret om deg", "Åshild Bræin", "Ønsker jobb i barnehage",
                     "Personopplysninger og oppfølging", "Oppfølging startet"):
        assert expected in text
    assert "access_export" in _kinds(workspace, p.id)
    with pytest.raises(DomainError):
        export_subject_access(workspace, "no-such-id", tmp_path)


@pytest.mark.parametrize("one", [True, False])
def test_an_export_that_cannot_be_logged_writes_no_file(workspace, tmp_path, monkeypatch, one: bool) -> None:
    from fieldapp.domain.messages import Message

    p = records.save(workspace, Participant(first_name="Uten", last_name="Spor"))

    def refuse(*args: object, **kwargs: object) -> None:  # the log's write fails (a damaged or full database)
        raise DomainError(Message("disk_full", "Disken er full.", "The disk is full."))

    monkeypatch.setattr(access_log, "record", refuse)
    monkeypatch.setattr(access_log, "record_many", refuse)
    out = tmp_path / "x.json"
    with pytest.raises(DomainError):
        write_export(workspace, out, participant_id=p.id if one else None)
    assert not out.exists() and not list(tmp_path.glob(".x.json*")), "no file the access log does not show"
    with pytest.raises(DomainError):
        export_subject_access(workspace, p.id, tmp_path)
    assert not list(tmp_path.glob("innsyn-*"))


def test_an_agreement_pdf_that_cannot_be_logged_is_not_written(workspace, tmp_path, monkeypatch) -> None:
    from fieldapp.domain.messages import Message

    agreement_id, _ = concluded_agreement(workspace)

    def refuse(*args: object, **kwargs: object) -> None:
        raise DomainError(Message("disk_full", "Disken er full.", "The disk is full."))

    monkeypatch.setattr(access_log, "record_agreement", refuse)
    with pytest.raises(DomainError):
        docs.save_pdf(workspace, agreement_id, tmp_path / "avtale.pdf")
    assert not (tmp_path / "avtale.pdf").exists()
