"""Each form marks invalid input at its field and saves nothing; the agreements tab lists demo agreements."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.demo.generate import generate
from fieldapp.domain.records import Employer, Participant
from fieldapp.services import employers as es
from fieldapp.services import participants as ps
from tests.ui.conftest import NOW


def _click_save_and_wait_error(qtbot, dialog, form, field: str) -> str:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error_text(field) != "", timeout=5000)
    return form.error_text(field)


def _open_participant(qtbot, main_window, participant_id: str):
    main_window.show_participant(participant_id, "overview")
    detail = main_window.participants.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.participant.id == participant_id, timeout=5000)
    return detail


def test_actor_and_consent_forms(qtbot, ctx, main_window, monkeypatch):
    p = ps.create_participant(ctx.ws, Participant(first_name="Siri", last_name="Åsheim"))
    overview = _open_participant(qtbot, main_window, p.id).overview

    qtbot.mouseClick(overview.actors.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    dialog = overview.dialog
    qtbot.keyClicks(dialog.role, "Fastlege")
    qtbot.keyClicks(dialog.phone, "12")
    assert _click_save_and_wait_error(qtbot, dialog, dialog.form, "name")
    assert dialog.form.error_text("phone")
    assert dialog.role.text() == "Fastlege"
    assert ps.open_participant(ctx.ws, p.id, now=NOW).actors == ()
    qtbot.keyClicks(dialog.name, "Dr. Bø")
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "22334455")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    actors = ps.open_participant(ctx.ws, p.id, now=NOW).actors
    assert [(a.role, a.name, a.phone) for a in actors] == [("Fastlege", "Dr. Bø", "22334455")]
    qtbot.waitUntil(lambda: overview.actors.model.rowCount() == 1, timeout=5000)

    qtbot.mouseClick(overview.consents.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    dialog = overview.dialog
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("employer"))
    assert _click_save_and_wait_error(qtbot, dialog, dialog.form, "scope")
    assert ps.open_participant(ctx.ws, p.id, now=NOW).consents == ()
    qtbot.keyClicks(dialog.scope, "At hun trenger pauser; ikke diagnosen.")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overview.consents.model.rowCount() == 1, timeout=5000)
    overview.consents.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(overview.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ps.open_participant(ctx.ws, p.id, now=NOW).consents[0].given, timeout=5000)
    consent = ps.open_participant(ctx.ws, p.id, now=NOW).consents[0]
    assert (consent.recipient, consent.decided_on) == ("employer", NOW.astimezone().date())


def test_editing_a_participant_keeps_typed_text_on_error(qtbot, ctx, main_window):
    p = ps.create_participant(ctx.ws, Participant(first_name="Siri", last_name="Åsheim"))
    overview = _open_participant(qtbot, main_window, p.id).overview
    qtbot.mouseClick(overview.edit_button, Qt.MouseButton.LeftButton)
    dialog = overview.dialog
    dialog.last_name.clear()
    qtbot.keyClicks(dialog.email, "siri(at)example")
    assert _click_save_and_wait_error(qtbot, dialog, dialog.form, "last_name")
    assert dialog.form.error_text("email") and dialog.email.text() == "siri(at)example"
    assert ps.open_participant(ctx.ws, p.id, now=NOW).participant.last_name == "Åsheim"
    qtbot.keyClicks(dialog.last_name, "Åsheim-Lie")
    dialog.email.clear()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ps.open_participant(ctx.ws, p.id, now=NOW).participant.last_name == "Åsheim-Lie"
    qtbot.waitUntil(lambda: "Åsheim-Lie" in main_window.participants.detail.heading.text(), timeout=5000)


def test_contact_form_and_duplicate_orgnr(qtbot, ctx, main_window):
    employer = es.save_employer(ctx.ws, Employer(name="Testverksted AS", orgnr="974760673"))
    main_window.show_employer(employer.id)
    panel = main_window.employers.detail
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=5000)
    qtbot.mouseClick(panel.contacts.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.keyClicks(dialog.email, "ikke-en-adresse")
    assert _click_save_and_wait_error(qtbot, dialog, dialog.form, "name")
    assert dialog.form.error_text("email")
    assert es.employer_detail(ctx.ws, employer.id).contacts == ()
    dialog.reject()

    qtbot.mouseClick(main_window.employers.new_button, Qt.MouseButton.LeftButton)
    dialog = main_window.employers.dialog
    qtbot.keyClicks(dialog.name, "Kopi AS")
    qtbot.keyClicks(dialog.orgnr, "974760673")
    assert "Testverksted AS" in _click_save_and_wait_error(qtbot, dialog, dialog.form, "orgnr")
    assert [r.name for r in es.list_employers(ctx.ws)] == ["Testverksted AS"]


def test_agreements_tab_lists_demo_agreements(qtbot, ctx, main_window):
    generate(ctx.ws, participants=12, today=NOW.date())
    with_agreements = [(row, ps.agreements_for(ctx.ws, row.id, today=NOW.date()))
                       for row in ps.list_participants(ctx.ws, now=NOW)]
    row, agreements = next((r, a) for r, a in with_agreements if a)
    detail = _open_participant(qtbot, main_window, row.id)
    detail.tabs.setCurrentWidget(detail.agreements)
    table = detail.agreements.list
    qtbot.waitUntil(lambda: table.model.rowCount() == len(agreements), timeout=5000)
    shown = {table.model.index(i, 0).data() for i in range(table.model.rowCount())}
    assert shown == {a.number for a in agreements}
    statuses = {a.status for _, found in with_agreements for a in found}
    assert len(statuses) > 1  # the demo data has agreements in several statuses
