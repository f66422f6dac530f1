"""The agreement editor: create from the participant's tab, fill every part, freeze, sign as each party (drawn,
on paper with a scan, on behalf), conclude and seal, a new version after conclusion, revoking, history and diff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from fieldapp.domain import signature_strokes
from fieldapp.services import agreement_documents as docs
from fieldapp.services import agreement_editing as editing
from fieldapp.ui.agreements.editor import AgreementEditor
from fieldapp.ui.agreements.history import HistoryWindow
from fieldapp.ui.views.participants.agreements_tab import AgreementsTab
from tests.support.visit_data import participant_in_job
from tests.ui.agreement_helpers import START, concluded_agreement, fill_missing_through_widgets
from tests.ui.agreement_helpers import signature_strokes as draw_signature
from tests.ui.conftest import NOW

TODAY = NOW.date()


def _wait_status(qtbot, editor, status: str) -> None:
    qtbot.waitUntil(lambda: editor.data is not None and editor.data.status == status, timeout=15_000)


def _sign(qtbot, editor, role: str, method: str, **extra) -> None:
    editor.lifecycle.sign_button.click()
    dialog = editor.lifecycle.dialog
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.methods.setCurrentIndex(("drawn", "paper", "on_behalf").index(method))
    assert not dialog.sign_button.isEnabled()  # nothing before the party confirms
    dialog.confirm.setChecked(True)
    if method == "drawn":
        assert not dialog.sign_button.isEnabled()
        draw_signature(qtbot, dialog.pad)
    elif method == "paper" and extra.get("scan"):
        dialog.set_scan(str(extra["scan"]))
    elif method == "on_behalf":
        dialog.behalf_reason.setPlainText(extra["reason"])
        assert not dialog.sign_button.isEnabled()
        dialog.informed.setChecked(True)
    assert dialog.sign_button.isEnabled()
    with qtbot.waitSignal(editor.agreement_loaded, timeout=20_000):
        dialog.sign_button.click()
    assert role in editor.data.signed_roles


def test_create_fill_freeze_sign_and_seal(qtbot, ctx, main_window, tmp_path: Path):
    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    ctx.navigator.participant(participant.id, "agreements")
    tab = main_window.findChild(AgreementsTab)
    qtbot.waitUntil(lambda: tab.participant_id == participant.id and tab.new_button.isVisible()
                    and tab.new_button.isEnabled(), timeout=5000)
    tab.new_button.click()
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.data is not None, timeout=10_000)
    editor: AgreementEditor = tab.editor
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=5000)
    assert editor.data.status == "draft"
    assert editor.parts.fields["parties.participant.name"].text() == "Åse Brøndbo"
    assert editor.parts.fields["parties.nav_contact.name"].text() == "Per Ødegård"
    first_missing = editor.missing_model.rowCount()
    assert first_missing > 0
    assert any(e.field == "parties.employer.orgnr" for e in editor.missing_model.rows)

    fill_missing_through_widgets(qtbot, editor)
    assert editor.missing_model.rowCount() == 0, [e.field for e in editor.missing_model.rows]
    with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        editor.save_button.click()
    stored = editing.load(ctx.ws, editor.agreement_id, today=TODAY)
    assert stored.missing == () and stored.version.content.goals[0].description == "Mestre morgenrutinene på egen hånd"

    editor.lifecycle.freeze_button.click()
    _wait_status(qtbot, editor, "ready_for_signing")
    assert not editor.parts.fields["job.title"].isEnabled() or editor.parts.fields["job.title"].isReadOnly()

    scan = tmp_path / "signert.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    _sign(qtbot, editor, "employee", "drawn")
    _sign(qtbot, editor, "employer", "paper", scan=scan)
    _sign(qtbot, editor, "nav", "on_behalf", reason="NAV-veilederen var på telefon og godkjente innholdet")
    assert editor.data.status == "partly_signed"
    _sign(qtbot, editor, "job_specialist", "drawn")
    _wait_status(qtbot, editor, "concluded")

    data = editing.load(ctx.ws, editor.agreement_id, today=TODAY)
    sigs = {s.role: s for s in data.signatures}
    drawn = signature_strokes.parse(sigs["employee"].strokes_json)
    assert drawn is not None and len(drawn.strokes) == 2 and len(drawn.strokes[0]) == 30
    assert drawn.width and drawn.height and drawn.strokes[0][0] == (40.0, 110.0)
    assert sigs["employer"].method == "paper" and sigs["employer"].scan == scan.read_bytes()
    assert sigs["employer"].scan_mime == "image/png"
    assert sigs["nav"].method == "on_behalf" and sigs["nav"].party_informed
    assert "telefon" in (sigs["nav"].on_behalf_reason or "")
    assert "concluded" in [e.kind for e in data.events] and "sealed" in [e.kind for e in data.events]
    out = tmp_path / "avtale.pdf"
    docs.save_pdf(ctx.ws, editor.agreement_id, out)
    assert docs.verify_file(ctx.ws, out).ok

    # The app's own "Check a PDF …" says the same, and a changed byte fails.
    view = main_window.agreements
    with qtbot.waitSignal(view.checker.checked, timeout=10_000) as checked:
        view.checker.check(out)
    assert checked.args[0] is True
    view.checker.box.close()
    broken = tmp_path / "endret.pdf"
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    broken.write_bytes(bytes(raw))
    with qtbot.waitSignal(view.checker.checked, timeout=10_000) as checked:
        view.checker.check(broken)
    assert checked.args[0] is False
    view.checker.box.close()
    editor.close()


def test_new_version_after_conclusion_is_not_signed_and_old_stays_valid(qtbot, ctx):
    agreement_id, _ = concluded_agreement(ctx.ws)
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "concluded")
    assert not editor.resign_label.isVisible() and editor.lifecycle.new_version_button.isVisibleTo(editor)
    editor.lifecycle.new_version_button.click()
    dialog = editor.lifecycle.dialog
    dialog.change_type.setCurrentIndex(dialog.change_type.findData("shorten"))
    dialog.new_end.set_value(date(2027, 5, 31))
    dialog.ok.click()  # shortening without a reason
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert editing.history(ctx.ws, agreement_id, today=TODAY)[-1].version_no == 1  # nothing half-saved
    dialog.reason.setPlainText("Arbeidstakeren slutter før tiden")
    with qtbot.waitSignal(editor.agreement_loaded, timeout=10_000):
        dialog.ok.click()
    _wait_status(qtbot, editor, "draft")
    assert editor.data.version.version_no == 2
    assert editor.resign_label.isVisibleTo(editor)
    text = editor.resign_label.text()
    # English until the lead merges the bokmål texts into the .ts file.
    assert text.startswith(("Ikke signert av partene", "Not signed by the parties")) and "1" in text
    history = editing.history(ctx.ws, agreement_id, today=TODAY)
    assert [(v.version_no, v.status) for v in history] == [(1, "concluded"), (2, "draft")]
    assert "shorten" in history[1].change_types and history[1].change_reason == "Arbeidstakeren slutter før tiden"

    # Editing the new version changes goals too; the history shows both changes in the UI language.
    qtbot.keyClick(editor.parts.fields["job.hours_text"], Qt.Key.Key_End)
    qtbot.keyClicks(editor.parts.fields["job.hours_text"], " og lørdag")
    with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        editor.save_button.click()
    history_window = HistoryWindow(ctx, agreement_id)
    qtbot.addWidget(history_window)
    with qtbot.waitSignal(history_window.diff_shown, timeout=10_000) as shown:
        pass
    assert shown.args[0] == 2
    labels = {history_window.diff_model.data(history_window.diff_model.index(r, 0))
              for r in range(history_window.diff_model.rowCount())}
    assert labels == {"Varighet – sluttdato", "Arbeidstid"}
    hours = next(r for r in history_window.diff_model.rows if r.path == "job.hours_text")
    assert str(hours.new).endswith(" og lørdag")
    row = next(r for r in history_window.diff_model.rows if r.path == "duration.end")
    assert (row.old, row.new) == (date(2027, 6, 30), date(2027, 5, 31))
    assert history_window.versions_model.rowCount() == 2
    status_v2 = history_window.versions_model.data(history_window.versions_model.index(1, 1))
    assert status_v2.endswith(("ikke signert av partene", "not signed by the parties"))
    kinds = [e.kind for e in history_window.events_model.rows]
    assert "new_version" in kinds and "concluded" in kinds


def test_revoking_signatures_before_editing_is_logged(qtbot, ctx):
    agreement_id, version_id = concluded_agreement(ctx.ws)
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "concluded")
    assert not editor.data.editable and editor.parts.fields["job.title"].isReadOnly()
    editor.lifecycle.revoke_button.click()
    dialog = editor.lifecycle.dialog
    dialog.ok.click()  # no reason
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    dialog.reason.setPlainText("Feil stillingsprosent")
    with qtbot.waitSignal(editor.agreement_loaded, timeout=10_000):
        dialog.ok.click()
    _wait_status(qtbot, editor, "ready_for_signing")
    assert editor.lifecycle.reopen_button.isVisibleTo(editor)
    with qtbot.waitSignal(editor.agreement_loaded, timeout=10_000):
        editor.lifecycle.reopen_button.click()
    assert editor.data.editable and not editor.parts.fields["job.title"].isReadOnly()
    qtbot.keyClick(editor.parts.fields["job.title"], Qt.Key.Key_End)
    qtbot.keyClicks(editor.parts.fields["job.title"], " (deltid)")
    with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        editor.save_button.click()
    data = editing.load(ctx.ws, agreement_id, today=TODAY)
    assert data.version.content.job.title.endswith("(deltid)") and data.version.version_no == 1
    revoked = [e for e in data.events if e.kind == "signatures_revoked"]
    assert len(revoked) == 1 and "Feil stillingsprosent" in (revoked[0].details or "")
    assert all(s.revoked_at is not None and s.revoked_reason == "Feil stillingsprosent" for s in data.signatures)
    kinds = [e.kind for e in data.events]
    assert kinds.index("signatures_revoked") < kinds.index("reopened") < kinds.index("changed", kinds.index("reopened"))


def test_invalid_value_is_marked_at_its_field_and_not_saved(qtbot, ctx):
    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    agreement_id = editing.create(ctx.ws, participant.id, editing.prefill(ctx.ws, participant.id))
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "draft")
    editor.parts.fields["job.tasks"].setText("x" * 1001)
    editor.parts.fields["job.tasks"].textEdited.emit("x")
    editor.autosave.save_now()
    form = next(f for f in editor.parts.forms if "job.tasks" in f.fields)
    qtbot.waitUntil(lambda: bool(form.error_text("job.tasks")), timeout=10_000)
    assert "1000" in form.error_text("job.tasks")
    assert editing.load(ctx.ws, agreement_id, today=TODAY).version.content.job.tasks == ""
    editor.parts.fields["job.tasks"].setText("Baking")  # valid again: saved when qtbot closes the window


def test_annulling_needs_a_reason_and_locks_the_agreement(qtbot, ctx):
    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    agreement_id = editing.create(ctx.ws, participant.id, editing.prefill(ctx.ws, participant.id))
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "draft")
    editor.lifecycle.annul_button.click()
    dialog = editor.lifecycle.dialog
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert editing.load(ctx.ws, agreement_id, today=TODAY).status == "draft"
    dialog.reason.setPlainText("Registrert ved en feil")
    dialog.ok.click()
    _wait_status(qtbot, editor, "annulled")
    assert not editor.data.editable and editor.parts.fields["job.title"].isReadOnly()
    assert not editor.lifecycle.annul_button.isVisibleTo(editor)
    assert "Registrert ved en feil" in editor.state_label.text()
    data = editing.load(ctx.ws, agreement_id, today=TODAY)
    assert data.agreement.annul_reason == "Registrert ved en feil" and "annulled" in [e.kind for e in data.events]


def test_bad_scan_or_wrong_order_is_shown_in_the_dialog_and_nothing_is_stored(qtbot, ctx, tmp_path: Path):
    from tests.ui.agreement_helpers import complete_content

    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    agreement_id = editing.create(ctx.ws, participant.id, complete_content())
    editing.freeze(ctx.ws, editing.load(ctx.ws, agreement_id).version.id)
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "ready_for_signing")
    editor.lifecycle.sign_button.click()
    dialog = editor.lifecycle.dialog
    dialog.methods.setCurrentIndex(1)  # on paper
    dialog.confirm.setChecked(True)
    text_file = tmp_path / "notat.txt"
    text_file.write_text("ikke en skanning")
    dialog.set_scan(str(text_file))
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert "PDF" in dialog.error.text()
    dialog.set_scan(None)
    dialog.role.setCurrentIndex(dialog.role.findData("job_specialist"))
    dialog.sign_button.click()  # the job specialist signs last
    qtbot.waitUntil(lambda: "sist" in dialog.error.text() or "last" in dialog.error.text(), timeout=10_000)
    assert editing.load(ctx.ws, agreement_id).signatures == ()


def test_job_terms_that_disagree_are_warned_about_while_typing_but_do_not_block(qtbot, ctx):
    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    agreement_id = editing.create(ctx.ws, participant.id, editing.prefill(ctx.ws, participant.id))
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    _wait_status(qtbot, editor, "draft")
    assert editor.terms_warning.isHidden()
    editor.parts.fields["job.percentage"].setValue(50)
    editor.parts.fields["job.days_per_week"].setValue(5)
    editor.parts.fields["job.hours_text"].setText("mandag–fredag kl. 08–16")
    editor.parts.fields["job.hours_text"].textEdited.emit("x")
    qtbot.waitUntil(lambda: not editor.terms_warning.isHidden(), timeout=5000)
    assert "40 timer" in editor.terms_warning.text() and "18,8 timer" in editor.terms_warning.text()
    assert all(e.message.code != "terms.hours" for e in editor.missing_now())  # a warning, not a missing item
    editor.parts.fields["job.hours_text"].setText("mandag–fredag kl. 08.00–11.45")
    editor.parts.fields["job.hours_text"].textEdited.emit("x")
    qtbot.waitUntil(editor.terms_warning.isHidden, timeout=5000)
