"""Cooperation through the real widgets: a meeting with an actor without consent shows the warning while
attendees are chosen and again before the minutes are saved; benefits are added in their tab and summarised
in a visit about money."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from fieldapp.domain.cooperation_records import Benefit
from fieldapp.services import benefits, cooperation
from fieldapp.ui.forms.base import set_combo
from tests.support.cooperation_data import people
from tests.ui.mnemonics import duplicates


def _button(widget, name: str) -> QPushButton:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _open_tab(qtbot, main_window, participant_id: str, tab: str):
    detail = main_window.participants.detail
    main_window.show_participant(participant_id)
    qtbot.waitUntil(lambda: detail.participant_id == participant_id and detail.tabs.isEnabled(), timeout=5000)
    detail.tabs.setCurrentIndex(detail.TABS.index(tab))
    return detail


def test_a_meeting_with_an_actor_without_consent_shows_the_warning(qtbot, ctx, main_window, tmp_path: Path):
    folks = people(ctx.ws)
    detail = _open_tab(qtbot, main_window, folks.participant.id, "meetings")
    tab = detail.meetings
    qtbot.mouseClick(_button(tab, "add_meeting"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    dialog = tab.dialog
    assert not duplicates(dialog), duplicates(dialog)
    qtbot.keyClicks(dialog.topic, "Veien mot jobb")
    boxes = dialog.attendees.boxes
    for actor in (folks.clinician, folks.nav):
        boxes[actor.id].setFocus()
        qtbot.keyClick(boxes[actor.id], Qt.Key.Key_Space)
    assert not dialog.consent_warning.isVisible()  # both have consent recorded

    boxes[folks.housing.id].setFocus()
    qtbot.keyClick(boxes[folks.housing.id], Qt.Key.Key_Space)
    assert dialog.consent_warning.isVisible()
    assert "Eva Strand" in dialog.consent_warning.text() and "samtykke" in dialog.consent_warning.text()
    assert "Per Lien" not in dialog.consent_warning.text()

    qtbot.keyClicks(dialog.items.rows[0][1], "Søke tre jobber innen kjøkken")
    qtbot.keyClicks(dialog.items.rows[0][2], "Åse")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [row] = cooperation.list_meetings(ctx.ws, folks.participant.id)
    assert (row.meeting.topic, [i.what for i in row.items]) == ("Veien mot jobb", ["Søke tre jobber innen kjøkken"])
    assert set(row.meeting.attendee_ids) == {folks.clinician.id, folks.nav.id, folks.housing.id}
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=5000)
    assert "Eva Strand" in tab.list.model.data(tab.list.model.index(0, 4))

    # Saving the minutes warns first; going on past the warning writes the PDF.
    tab.list.table.selectRow(0)
    target = tmp_path / "referat.pdf"
    qtbot.mouseClick(_button(tab, "save_minutes"), Qt.MouseButton.LeftButton)
    tab.export.choose_path = lambda: target
    qtbot.waitUntil(lambda: tab.export.box is not None and tab.export.box.isVisible(), timeout=5000)
    box: QMessageBox = tab.export.box
    assert box.objectName() == "minutes_consent_warning" and "Eva Strand" in box.text()
    with qtbot.waitSignal(tab.export.saved, timeout=10_000):
        qtbot.mouseClick(box.findChild(QPushButton, "minutes_continue"), Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: str(target) in tab.info.text(), timeout=5000)


def test_benefits_are_added_in_their_tab_and_summarised_in_a_visit_about_money(qtbot, ctx, main_window):
    from fieldapp.ui.visits.editor import VisitEditor

    folks = people(ctx.ws)
    detail = _open_tab(qtbot, main_window, folks.participant.id, "benefits")
    tab = detail.benefits
    qtbot.mouseClick(_button(tab, "add_benefit"), Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    assert not duplicates(dialog), duplicates(dialog)
    set_combo(dialog.kind, "aap")
    qtbot.keyClicks(dialog.limits, "Inntekt over grensen trekkes")
    qtbot.keyClicks(dialog.reporting, "Meldekort hver 14. dag")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=5000)
    [stored] = benefits.list_benefits(ctx.ws, folks.participant.id)
    assert (stored.kind, stored.reporting) == ("aap", "Meldekort hver 14. dag")
    benefits.save_benefit(ctx.ws, Benefit(participant_id=folks.participant.id, kind="sosialhjelp",
                                          calculation_asked_on=ctx.now().date()))

    editor = VisitEditor(ctx, participant_id=folks.participant.id, parent=main_window)
    editor.show()
    qtbot.waitUntil(lambda: editor.stored is not None, timeout=5000)
    assert not editor.economy.isVisible()
    editor.topics.boxes["economy"].setChecked(True)
    qtbot.waitUntil(lambda: editor.economy.isVisible() and "Meldekort" in editor.economy.text(), timeout=5000)
    text = editor.economy.text()
    assert "Arbeidsavklaringspenger" in text and "Sosialhjelp" in text and "venter på svar" in text
    editor.topics.boxes["economy"].setChecked(False)
    qtbot.waitUntil(lambda: not editor.economy.isVisible(), timeout=5000)
    editor.close()


def test_a_meeting_and_a_benefit_are_removed_after_asking(qtbot, ctx, main_window):
    from fieldapp.domain.cooperation_records import CooperationMeeting

    folks = people(ctx.ws)
    pid = folks.participant.id
    cooperation.save_meeting(ctx.ws, CooperationMeeting(participant_id=pid, held_on=ctx.now().date(), topic="Bolig"),
                             [])
    benefits.save_benefit(ctx.ws, Benefit(participant_id=pid, kind="aap"))
    for tab_name, box_name, gone in (("meetings", "remove_meeting", lambda: not cooperation.list_meetings(ctx.ws, pid)),
                                     ("benefits", "remove_benefit", lambda: not benefits.list_benefits(ctx.ws, pid))):
        detail = _open_tab(qtbot, main_window, pid, tab_name)
        tab = getattr(detail, tab_name)
        qtbot.waitUntil(lambda t=tab: t.list.model.rowCount() == 1, timeout=5000)
        tab.list.table.selectRow(0)
        qtbot.mouseClick(_button(tab, box_name), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda t=tab: t.box is not None and t.box.isVisible(), timeout=5000)
        qtbot.mouseClick(tab.box.findChild(QPushButton, f"{box_name}_yes"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gone, timeout=5000)
        qtbot.waitUntil(lambda t=tab: t.list.model.rowCount() == 0, timeout=5000)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_dialogs_use_each_alt_letter_once_and_close_on_escape(qtbot, ctx, lang):
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.cooperation.meeting_dialog import MeetingDialog
    from fieldapp.ui.forms.benefit_form import BenefitDialog
    from fieldapp.ui.i18n import install_language

    folks = people(ctx.ws)
    install_language(QApplication.instance(), lang)
    try:
        context = cooperation.meeting_context(ctx.ws, folks.participant.id)
        for dialog in (MeetingDialog(ctx, context), BenefitDialog(ctx, folks.participant.id)):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert not duplicates(dialog), (lang, duplicates(dialog))
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5000)
    finally:
        install_language(QApplication.instance(), "nb")
