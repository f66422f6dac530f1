"""Through the real editor: a behandler added as a party and a NAV follow-up line both reach the PDF; a TOA
without a NAV line lists it as missing until the reason field says why NAV does not follow up."""

from __future__ import annotations

from pathlib import Path

from datetime import date

from fieldapp.domain.records import Consent
from fieldapp.services import agreement_documents as docs
from fieldapp.services import participants as ps
from fieldapp.ui.agreements.editor import AgreementEditor
from fieldapp.ui.views.participants.agreements_tab import AgreementsTab
from tests.documents.helpers import pdftotext, squeeze
from tests.support.visit_data import participant_in_job
from tests.ui.agreement_helpers import START, cancel_cell_editor, fill_missing_through_widgets


def _new_agreement(qtbot, ctx, main_window) -> AgreementEditor:
    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    ctx.navigator.participant(participant.id, "agreements")
    tab = main_window.findChild(AgreementsTab)
    qtbot.waitUntil(lambda: tab.participant_id == participant.id and tab.new_button.isVisible()
                    and tab.new_button.isEnabled(), timeout=5000)
    tab.new_button.click()
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.data is not None, timeout=10_000)
    return tab.editor


def _add_behandler(qtbot, editor: AgreementEditor) -> None:
    editor.others.add.click()
    cancel_cell_editor(qtbot, editor.others.table)
    model = editor.others.model
    # A party without a name is missing before signing, and the list leads to its cell.
    qtbot.waitUntil(lambda: any(e.field == "parties.others[0].name" for e in editor.missing_model.rows), timeout=5000)
    editor.go_to_error(next(e for e in editor.missing_model.rows if e.field == "parties.others[0].name"))
    assert editor.others.table.currentIndex().column() == model.column_of("name")
    for field, value in (("role", "behandler"), ("name", "Eli Fjordheim"), ("title", "Psykolog"),
                         ("organisation", "DPS Eksempelby"), ("phone", "55 00 11 22")):
        assert model.setData(model.index(0, model.column_of(field)), value)


def _frozen_pdf_text(qtbot, ctx, editor: AgreementEditor, tmp_path: Path) -> str:
    assert editor.missing_model.rowCount() == 0, [e.field for e in editor.missing_model.rows]
    if editor.autosave.dirty:
        with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
            editor.save_button.click()
    editor.lifecycle.freeze_button.click()
    qtbot.waitUntil(lambda: editor.data is not None and editor.data.status == "ready_for_signing", timeout=15_000)
    out = tmp_path / "avtale.pdf"
    docs.save_pdf(ctx.ws, editor.agreement_id, out)
    return squeeze(pdftotext(out.read_bytes(), tmp_path))


def test_behandler_party_and_nav_follow_up_line_print(qtbot, ctx, main_window, tmp_path: Path) -> None:
    editor = _new_agreement(qtbot, ctx, main_window)
    fill_missing_through_widgets(qtbot, editor)  # holds a follow-up line from NAV
    _add_behandler(qtbot, editor)
    # The employer gets a copy: a behandler there tells of treatment, so it needs the participant's consent.
    qtbot.waitUntil(lambda: [e.message.code for e in editor.missing_model.rows]
                    == ["party.behandler_without_consent"], timeout=5000)
    participant_id = editor.data.agreement.participant_id
    ps.save_consent(ctx.ws, Consent(participant_id=participant_id, recipient="employer",
                                    scope="Tilrettelegging, og at hun får behandling ved DPS", given=True,
                                    decided_on=date(2026, 11, 1)))
    with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        editor.save_button.click()
    with qtbot.waitSignal(editor.agreement_loaded, timeout=10_000):
        editor.reload()
    text = _frozen_pdf_text(qtbot, ctx, editor, tmp_path)
    stored = editor.data.version.content
    assert [(p.role, p.name, p.organisation) for p in stored.parties.others] == [
        ("behandler", "Eli Fjordheim", "DPS Eksempelby")]
    parties = text[text.index("Parter"):text.index("Jobben")]
    assert all(squeeze(w) in parties for w in ("Behandler", "Eli Fjordheim", "DPS Eksempelby", "Psykolog"))
    signatures = text[text.index("Signaturer"):]
    assert signatures.count("Behandler") == 1 and "EliFjordheim" in signatures
    follow_up = text[text.index("Oppfølging"):]
    assert squeeze("Følge opp lønnstilskuddet og fristene") in follow_up and "PerØdegård" in follow_up


def test_without_nav_line_the_reason_field_clears_the_missing_item(qtbot, ctx, main_window, tmp_path: Path) -> None:
    editor = _new_agreement(qtbot, ctx, main_window)
    fill_missing_through_widgets(qtbot, editor)
    model = editor.follow_ups.model
    editor.follow_ups.table.setCurrentIndex(model.index(model.rowCount() - 1, 0))
    editor.follow_ups.remove.click()  # the NAV line
    qtbot.waitUntil(lambda: [e.field for e in editor.missing_model.rows] == ["nav_follow_up_reason"], timeout=5000)
    reason = editor.parts.fields["nav_follow_up_reason"]
    editor.go_to_error(editor.missing_model.rows[0])
    assert reason.hasFocus()
    qtbot.keyClicks(reason, "NAV har ingen virkemidler i saken.")
    qtbot.waitUntil(lambda: editor.missing_model.rowCount() == 0, timeout=5000)
    text = _frozen_pdf_text(qtbot, ctx, editor, tmp_path)
    assert squeeze("Hvorfor NAV ikke følger opp: NAV har ingen virkemidler i saken.") in text
