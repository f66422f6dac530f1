"""The keyboard all the way: Tab out of tables, a menu bar with every action, Esc closes each window, unique Alt letters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from tests.support.visit_data import participant_in_job
from tests.ui.agreement_helpers import concluded_agreement
from tests.ui.conftest import NOW
from tests.ui.visit_helpers import two_overdue

TODAY = NOW.astimezone().date()


# --- 4: Tab leaves a list table ----------------------------------------------------------------------------
def test_tab_moves_out_of_a_list_table(qtbot, ctx, main_window):
    two_overdue(ctx)
    main_window.show_view("participants")
    table = main_window.participants.list.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=5000)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # arrows still move inside
    assert QApplication.focusWidget() is table and table.currentIndex().row() == 1

    # The mapping's list of areas, beside its form: one Tab reaches the form.
    detail = main_window.participants.detail
    qtbot.waitUntil(lambda: detail.participant_id is not None, timeout=5000)
    detail.tabs.setCurrentWidget(detail.mapping)
    areas = detail.mapping.table
    qtbot.waitUntil(lambda: areas.model().rowCount() > 5, timeout=5000)
    areas.setFocus()
    areas.selectRow(0)
    qtbot.keyClick(areas, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not areas


# --- 5: a menu bar with every action; Esc closes every editor ----------------------------------------------
def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from _menu_actions(action.menu())


def test_every_main_window_action_is_in_the_menu_bar_with_its_shortcut(qtbot, ctx, main_window):
    bar = main_window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles == ["&Fil", "&Rediger", "&Vis", "&Hjelp"]
    in_menus = {id(a) for top in bar.actions() for a in _menu_actions(top.menu())}
    toolbar_actions = [a for toolbar in main_window.findChildren(QToolBar) for a in toolbar.actions()
                       if not a.isSeparator() and a.text() and type(a) is QAction]  # not the search field's place
    with_shortcuts = [a for a in main_window.findChildren(QAction) if not a.shortcut().isEmpty()]
    missing = [a.text() for a in [*toolbar_actions, *with_shortcuts] if id(a) not in in_menus]
    assert not missing, f"not in the menu bar: {missing}"
    assert toolbar_actions and with_shortcuts
    assert not main_window.settings_action.shortcut().isEmpty()
    assert QKeySequence("F1") in main_window.help_action.shortcuts()
    assert QKeySequence("Ctrl+Q") in main_window.quit_action.shortcuts()


def test_f1_opens_keyboard_help_listing_the_shortcuts(qtbot, ctx, main_window):
    from fieldapp.ui.dialogs.keyboard_help import shortcut_rows

    rows = dict((what, keys) for keys, what in shortcut_rows(main_window.menus))
    assert rows["Nytt besøk"] == "Ctrl+N" and rows["I dag"] == "Ctrl+1"


def test_esc_closes_each_editor_and_window(qtbot, ctx, main_window):
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.agreements.history import HistoryWindow
    from fieldapp.ui.agreements.preview import PreviewWindow
    from fieldapp.ui.visits.editor import VisitEditor

    person, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    agreement_id, _ = concluded_agreement(ctx.ws)
    for make in (lambda: VisitEditor(ctx, participant_id=person.id, parent=main_window),
                 lambda: AgreementEditor(ctx, agreement_id, parent=main_window),
                 lambda: PreviewWindow(ctx, agreement_id, 1, parent=main_window),
                 lambda: HistoryWindow(ctx, agreement_id, parent=main_window)):
        window = make()
        name = window.objectName()
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        if isinstance(window, VisitEditor):
            qtbot.waitUntil(lambda w=window: w.stored is not None, timeout=5000)
        target = QApplication.focusWidget() if QApplication.focusWidget() and \
            QApplication.focusWidget().window() is window else window
        qtbot.keyClick(target, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda w=window: not shiboken6.isValid(w) or not w.isVisible(), timeout=5000)
        assert not shiboken6.isValid(window) or not window.isVisible(), f"Esc left {name} open"


# --- 6: each Alt letter unique per window, in both languages -------------------------------------------------
def _windows_to_check(qtbot, ctx, main):
    """(name, window, states): each state a callable putting the window in a state to check (a view, a tab)."""
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.agreements.history import HistoryWindow
    from fieldapp.ui.agreements.lifecycle import NewVersionDialog, ReasonDialog
    from fieldapp.ui.agreements.preview import PreviewWindow
    from fieldapp.ui.agreements.signature_pad import SignatureDialog
    from fieldapp.ui.dialogs.choose_participant import ChooseParticipantDialog
    from fieldapp.ui.dialogs.keyboard_help import KeyboardHelp
    from fieldapp.ui.dialogs.settings import SettingsDialog
    from fieldapp.ui.forms.actor_form import ActorDialog
    from fieldapp.ui.forms.consent_form import ConsentDialog
    from fieldapp.ui.forms.contact_form import ContactDialog
    from fieldapp.ui.forms.employer_form import EmployerDialog
    from fieldapp.ui.forms.participant_form import ParticipantDialog
    from fieldapp.ui.forms.placement_form import PlacementDialog
    from fieldapp.ui.visits.editor import VisitEditor
    from tests.ui.agreement_helpers import complete_content

    person, job, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    employer_id = job.employer_id
    agreement_id, _ = concluded_agreement(ctx.ws)
    detail = main.participants.detail

    def participant_tab(index: int):
        def show() -> None:
            main.show_participant(person.id)
            qtbot.waitUntil(lambda: detail.participant_id == person.id, timeout=5000)
            detail.tabs.setCurrentIndex(index)
        return show

    main_states = [lambda k=k: main.show_view(k) for k in main.nav_actions]
    main_states += [participant_tab(i) for i in range(detail.tabs.count())]
    yield "main_window", main, main_states
    visit = VisitEditor(ctx, participant_id=person.id, parent=main)
    visit.show()
    qtbot.waitUntil(lambda: visit.stored is not None, timeout=5000)
    yield "visit_editor", visit, [lambda: None, visit.finish_button.click]
    editor = AgreementEditor(ctx, agreement_id, parent=main)
    editor.show()
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10_000)
    yield "agreement_editor", editor, [lambda: None]
    for window in (PreviewWindow(ctx, agreement_id, 1, parent=main), HistoryWindow(ctx, agreement_id, parent=main),
                   SettingsDialog(ctx.settings, main, sync=main.sync), ParticipantDialog(ctx, parent=main),
                   PlacementDialog(ctx, participant_id=person.id, parent=main),
                   EmployerDialog(ctx, parent=main), ActorDialog(ctx, person.id, parent=main),
                   ConsentDialog(ctx, person.id, parent=main), ContactDialog(ctx, employer_id, parent=main),
                   SignatureDialog(complete_content(), ["employee", "employer", "job_specialist"],
                                   number="AB12-2026-0001", version_no=1, now=NOW, parent=main),
                   ReasonDialog("Annul", "Why?", "Annul", main), NewVersionDialog(TODAY, main),
                   ChooseParticipantDialog(ctx, main), KeyboardHelp(main.menus, main)):
        window.show()
        yield window.objectName() or type(window).__name__, window, [lambda: None]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_window_has_the_same_alt_letter_twice(qtbot, ctx, lang):
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.main_window import MainWindow
    from tests.ui.mnemonics import duplicates, menu_duplicates

    install_language(QApplication.instance(), lang)
    try:
        main = MainWindow(ctx)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        found = {}
        assert not menu_duplicates(main), menu_duplicates(main)
        for name, window, states in _windows_to_check(qtbot, ctx, main):
            for number, state in enumerate(states):
                state()
                QApplication.processEvents()
                if duplicates(window):
                    found[f"{name}#{number}"] = duplicates(window)
            if window is not main and shiboken6.isValid(window):
                window.close()
        assert not found, f"duplicate Alt letters ({lang}): {found}"
    finally:
        install_language(QApplication.instance(), "nb")
