"""The job specialist's workflow driven through the real widgets: employer with contact person → participant
(invalid, then valid fødselsnummer) → job → mapping → visit with an action → finished; each step checked
against what the services have stored."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt

from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services import employers as es
from fieldapp.services import mapping as ms
from fieldapp.services import participants as ps
from fieldapp.services import placements as pls
from fieldapp.services import visits as vs
from tests.ui.conftest import NOW

VALID_ORGNR = "974760673"  # passes mod 11; used only for this invented employer


def _fnr(seed: int = 7) -> str:
    return synthetic_fodselsnummer(date(1990, 5, 17), random.Random(seed))


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll() if hasattr(widget, "selectAll") else None
    qtbot.keyClicks(widget, text)


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _saved(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        _save(qtbot, dialog)
    return blocker.args[0]


def _wait_idle(qtbot, ctx) -> None:
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=5000)


def test_employer_participant_job_and_mapping(qtbot, ctx, main_window):
    # --- employer with a contact person ----------------------------------------------------------
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    employers = main_window.employers
    qtbot.mouseClick(employers.new_button, Qt.MouseButton.LeftButton)
    dialog = employers.dialog
    _type(qtbot, dialog.name, "Fjordbakst Testbakeri AS")
    _type(qtbot, dialog.orgnr, "974 760 674")  # wrong check digit
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.form.error_text("orgnr") != "", timeout=5000)
    assert dialog.orgnr.text() == "974 760 674" and dialog.isVisible()
    assert es.list_employers(ctx.ws) == []
    dialog.orgnr.clear()
    _type(qtbot, dialog.orgnr, "974 760 673")
    _type(qtbot, dialog.city, "Ålesund")
    employer = _saved(qtbot, dialog)
    assert employer.orgnr == VALID_ORGNR and employer.city == "Ålesund"
    qtbot.waitUntil(lambda: employers.detail.detail is not None
                    and employers.detail.detail.employer.id == employer.id, timeout=5000)
    qtbot.mouseClick(employers.detail.contacts.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    contact_dialog = employers.detail.dialog
    _type(qtbot, contact_dialog.name, "Åse Bjørnstad")
    _type(qtbot, contact_dialog.phone, "41234567")
    contact = _saved(qtbot, contact_dialog)
    assert [c.name for c in es.employer_detail(ctx.ws, employer.id).contacts] == ["Åse Bjørnstad"]
    qtbot.waitUntil(lambda: employers.detail.contacts.model.rowCount() == 1, timeout=5000)

    # --- participant: an invalid fødselsnummer is marked and nothing saved; a valid one saves ---------
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = main_window.participants
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    _type(qtbot, dialog.first_name, "Kåre")
    _type(qtbot, dialog.last_name, "Øyen")
    fnr = _fnr()
    bad = fnr[:10] + str((int(fnr[10]) + 1) % 10)
    _type(qtbot, dialog.fodselsnummer, bad)
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.form.error_text("fodselsnummer") != "", timeout=5000)
    assert "Kontrollsifrene" in dialog.form.error_text("fodselsnummer")
    assert dialog.fodselsnummer.text() == bad and dialog.first_name.text() == "Kåre"
    assert ps.list_participants(ctx.ws, now=NOW) == []
    dialog.fodselsnummer.clear()
    _type(qtbot, dialog.fodselsnummer, fnr)
    _type(qtbot, dialog.nav_contact_name, "Ingrid Nav-Veileder")
    participant = _saved(qtbot, dialog)
    stored = ps.list_participants(ctx.ws, now=NOW)
    assert [(p.full_name, p.fodselsnummer) for p in stored] == [("Kåre Øyen", fnr)]
    qtbot.waitUntil(lambda: view.detail.detail is not None
                    and view.detail.detail.participant.id == participant.id, timeout=5000)
    assert view.list.table.current_row().id == participant.id
    assert "Kåre Øyen" in view.detail.heading.text()

    # --- a job with the new employer ------------------------------------------------------------
    detail = view.detail
    detail.tabs.setCurrentWidget(detail.placements)
    qtbot.mouseClick(detail.placements.list.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    job = detail.placements.dialog
    qtbot.waitUntil(lambda: job.is_ready, timeout=5000)
    job.select_employer(employer.id)
    assert job.contact_id.currentData() == contact.id  # the nearest manager is proposed
    _type(qtbot, job.job_title, "Bakerassistent")
    job.percentage.setValue(60)
    job.start_date.set_value(date(2026, 12, 1))
    job.end_date.set_value(date(2026, 11, 1))  # before the start: refused at the field
    _save(qtbot, job)
    qtbot.waitUntil(lambda: job.period.error_text("end_date") != "", timeout=5000)
    assert ps.open_participant(ctx.ws, participant.id, now=NOW).placements == ()
    job.end_date.clear_value()
    job.measure_rows["mentor"].in_use.setChecked(True)
    job.measure_rows["mentor"].from_date.set_value(date(2026, 12, 1))
    saved_job = _saved(qtbot, job)
    placements = ps.open_participant(ctx.ws, participant.id, now=NOW).placements
    assert [(p.employer_name, p.job_title, p.percentage, p.start_date) for p in placements] == [
        ("Fjordbakst Testbakeri AS", "Bakerassistent", 60, date(2026, 12, 1))]
    measures = pls.placement_detail(ctx.ws, saved_job.placement.id).measures
    assert [(m.kind, m.from_date) for m in measures] == [("mentor", date(2026, 12, 1))]
    qtbot.waitUntil(lambda: detail.placements.list.model.rowCount() == 1, timeout=5000)
    assert [p.participant_name for p in es.employer_detail(ctx.ws, employer.id).placements] == ["Kåre Øyen"]

    # --- mapping: every area listed, sensitive ones flagged, edits saved --------------------------
    detail.tabs.setCurrentWidget(detail.mapping)
    mapping = detail.mapping
    qtbot.waitUntil(lambda: mapping.model.rowCount() == len(ms.AREA_CODES), timeout=5000)
    _wait_idle(qtbot, ctx)  # reloads started by the earlier saves have finished before anything is typed
    assert {a.area for a in mapping.model.rows if a.sensitive} == {
        "health_treatment", "housing", "finances_benefits", "family_network", "substance_use"}
    mapping.select_area("work_wishes")
    mapping.status.setCurrentIndex(mapping.status.findData("resource"))
    _type(qtbot, mapping.description, "Vil jobbe med mat, helst tidlig på dagen.")
    mapping.select_area("health_treatment")
    assert "never shown" in mapping.sensitive_banner.text() or "aldri" in mapping.sensitive_banner.text()
    mapping.status.setCurrentIndex(mapping.status.findData("obstacle"))
    _type(qtbot, mapping.action, "Avtale med behandler om varsling.")
    _type(qtbot, mapping.responsible, "Jobbspesialist")
    mapping.deadline.set_value(date(2026, 12, 15))
    assert mapping.dirty
    qtbot.mouseClick(mapping.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not mapping.dirty, timeout=5000)
    sheet = ms.mapping_sheet(ctx.ws, participant.id)
    by_area = {a.area: a for a in sheet.areas}
    assert sheet.mapping is not None and sheet.mapping.mapped_on == NOW.date()
    assert by_area["work_wishes"].status == "resource"
    assert by_area["work_wishes"].description == "Vil jobbe med mat, helst tidlig på dagen."
    health = by_area["health_treatment"]
    assert (health.status, health.action, health.responsible, health.deadline, health.sensitive) == (
        "obstacle", "Avtale med behandler om varsling.", "Jobbspesialist", date(2026, 12, 15), True)
    assert by_area["housing"].id == ""  # areas not touched are not stored

    # --- a visit with an agreed action, finished; it shows in the visit history ----------------------
    detail.tabs.setCurrentWidget(detail.visits)
    qtbot.mouseClick(detail.visits.new_button, Qt.MouseButton.LeftButton)
    editor = main_window.visit_editors[-1]
    qtbot.waitUntil(lambda: getattr(editor, "visit_id", None) is not None, timeout=10_000)
    editor.activateWindow()
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor.summary, "Første dag gikk fint; avtalt oppfølging med Åse.")
    qtbot.mouseClick(editor.actions.add, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        editor.actions.model.setData(editor.actions.model.index(0, 0), "Lage ukeplan med leder")
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.confirm_bar.isVisible()
    with qtbot.waitSignal(editor.visit_finished, timeout=5000):
        qtbot.mouseClick(editor.confirm_finish_button, Qt.MouseButton.LeftButton)
    stored = vs.load_stored(ctx.ws, editor.visit_id)
    assert stored.visit.finished and stored.visit.participant_id == participant.id
    assert stored.visit.summary == "Første dag gikk fint; avtalt oppfølging med Åse."
    assert [a.what for a in stored.actions] == ["Lage ukeplan med leder"]
    rows = vs.visits_for_participant(ctx.ws, participant.id)
    assert [(r.id, r.finished) for r in rows] == [(editor.visit_id, True)]
    qtbot.waitUntil(lambda: detail.visits.list.model.rowCount() == 1, timeout=5000)
    editor.close()
    _wait_idle(qtbot, ctx)

def test_new_participant_shortcut_opens_the_form(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = main_window.participants
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.dialog is not None and view.dialog.isVisible()
    assert view.dialog.first_name.accessibleName()
