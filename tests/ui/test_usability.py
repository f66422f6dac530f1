"""Everyday use as a job specialist works: the right person for a new visit, windows inside a 1366×768 screen,
the keyboard all the way (Tab out of tables, a menu bar with every action, Esc closes every window)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemDelegate, QApplication, QMenu, QScrollArea, QToolBar,
                               QWidget)

from fieldapp.ui.widgets import screen
from tests.support.visit_data import earlier_visit, participant_in_job
from tests.ui.agreement_helpers import concluded_agreement
from tests.ui.conftest import NOW

TODAY = NOW.astimezone().date()
LAPTOP = QRect(0, 0, 1366, 728)  # a 1366×768 screen less a 40-pixel panel


def _reload_today(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.today.loaded, timeout=5000):
        window.today.reload()


def _two_overdue(ctx):  # type: ignore[no-untyped-def]
    aksel, job, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=300), first_name="Aksel",
                                       last_name="Nygård")
    earlier_visit(ctx.ws, aksel, job, NOW - timedelta(days=90))
    martin, job2, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=300), first_name="Martin",
                                         last_name="Bakke")
    earlier_visit(ctx.ws, martin, job2, NOW - timedelta(days=60))
    return aksel, martin


# --- 1: a new visit is with the person selected in the view on screen ----------------------------------------
def test_ctrl_n_on_today_opens_the_visit_with_the_selected_row_not_the_participant_list(qtbot, ctx, main_window):
    aksel, martin = _two_overdue(ctx)
    main_window.show_participant(martin.id)  # Martin is left selected in the participant list
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("today")
    _reload_today(qtbot, main_window)
    today = main_window.today
    row = today.overdue_model.find(lambda r: r.participant_id == aksel.id)
    today.overdue_table.setFocus()
    today.overdue_table.selectRow(row)
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=100, raising=False):
        qtbot.keyClick(today.overdue_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.visit_editors[-1]
    assert editor.participant_id == aksel.id
    qtbot.waitUntil(lambda: editor.data is not None, timeout=5000)
    # Whose visit it is, is on screen before anything is typed.
    assert editor.heading.text() == "Aksel Nygård" and "Aksel Nygård" in editor.windowTitle()
    editor.close()


def test_new_visit_with_nothing_selected_asks_whom_it_is_with(qtbot, ctx, main_window):
    aksel, martin = _two_overdue(ctx)
    main_window.show_participant(martin.id)
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("today")
    _reload_today(qtbot, main_window)
    main_window.today.overdue_table.clearSelection()
    main_window.new_visit_action.trigger()
    assert main_window.visit_editors == []  # not Martin's, not anyone's yet
    dialog = main_window.choose_participant
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    qtbot.keyClicks(dialog.filter, "aksel")
    assert [r.id for r in dialog.model.rows] == [aksel.id]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    editor = main_window.visit_editors[-1]
    assert editor.participant_id == aksel.id
    qtbot.waitUntil(lambda: editor.data is not None, timeout=5000)
    editor.close()


def test_new_visit_from_employers_asks_instead_of_using_the_participant_list(qtbot, ctx, main_window):
    _, martin = _two_overdue(ctx)
    main_window.show_participant(martin.id)
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("employers")
    main_window.new_visit_action.trigger()
    assert main_window.visit_editors == []
    main_window.choose_participant.reject()


# --- 3: every window fits a 1366×768 laptop, its finishing buttons on screen ---------------------------------
@pytest.fixture
def laptop(monkeypatch) -> QRect:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(screen, "available", lambda window: QRect(LAPTOP))
    return LAPTOP


def _outside_scroll_areas(button: QWidget, window: QWidget) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return False
        parent = parent.parentWidget()
    return True


def _assert_fits(window: QWidget, area: QRect) -> None:
    frame = window.frameGeometry()
    assert area.contains(frame), f"{window.objectName()}: {frame} is not inside {area}"
    buttons = [b for b in window.findChildren(QAbstractButton)
               if b.isVisibleTo(window) and b.window() is window and _outside_scroll_areas(b, window)]
    assert buttons, f"{window.objectName()} has no buttons outside its scroll area"
    for button in buttons:
        top_left = button.mapTo(window, QPoint(0, 0)) + window.geometry().topLeft()
        rect = QRect(top_left, button.size())
        assert area.contains(rect), f"{window.objectName()}: {button.text()!r} at {rect} is off {area}"


def _fitted(window: QWidget) -> QWidget:
    """As the main window opens it (a sync dialog is fitted by its caller)."""
    screen.fit_to_screen(window)
    return window


def test_every_window_fits_a_1366x768_screen_with_its_buttons_visible(qtbot, ctx, laptop):
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.agreements.history import HistoryWindow
    from fieldapp.ui.agreements.preview import PreviewWindow
    from fieldapp.ui.dialogs.settings import SettingsDialog
    from fieldapp.ui.forms.participant_form import ParticipantDialog
    from fieldapp.ui.forms.placement_form import PlacementDialog
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.sync.panel import SyncPanel
    from fieldapp.ui.visits.editor import VisitEditor

    person, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    agreement_id, _ = concluded_agreement(ctx.ws)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    _assert_fits(main, laptop)
    assert laptop.contains(QRect(main.statusBar().mapTo(main, QPoint(0, 0)) + main.geometry().topLeft(),
                                 main.statusBar().size()))
    windows: list[QWidget] = [
        VisitEditor(ctx, participant_id=person.id, parent=main),
        AgreementEditor(ctx, agreement_id, parent=main),
        PreviewWindow(ctx, agreement_id, 1, parent=main),
        HistoryWindow(ctx, agreement_id, parent=main),
        SettingsDialog(ctx.settings, main),
        ParticipantDialog(ctx, parent=main),
        PlacementDialog(ctx, participant_id=person.id, parent=main),
        _fitted(SyncPanel(main.sync, main)),
    ]
    for window in windows:
        window.show()
        qtbot.waitExposed(window)
        _assert_fits(window, laptop)
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


def test_a_window_saved_on_a_big_screen_fits_the_small_one(qtbot, ctx, monkeypatch):
    from fieldapp.ui.main_window import MainWindow

    monkeypatch.setattr(screen, "available", lambda window: QRect(0, 0, 1920, 1040))
    big = MainWindow(ctx)
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1900, 1000)
    big.save_state()
    monkeypatch.setattr(screen, "available", lambda window: QRect(LAPTOP))
    small = MainWindow(ctx)
    qtbot.addWidget(small)
    small.show()
    qtbot.waitExposed(small)
    _assert_fits(small, LAPTOP)


# --- 4: Tab leaves a list table ----------------------------------------------------------------------------
def test_tab_moves_out_of_a_list_table(qtbot, ctx, main_window):
    _two_overdue(ctx)
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
def _windows_to_check(qtbot, ctx, main):  # type: ignore[no-untyped-def]
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

    def participant_tab(index: int):  # type: ignore[no-untyped-def]
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


# --- 10: screen readers hear what each table and cell is ---------------------------------------------------------
def _tables_in(window: QWidget) -> list:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QAbstractItemView

    return [t for t in window.findChildren(QAbstractItemView) if t.window() is window
            and not t.inherits("QListView") and not t.inherits("QHeaderView")]


def test_every_table_and_cell_editor_has_a_bokmal_name(qtbot, ctx, main_window):
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.visits.editor import VisitEditor

    person, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    agreement_id, _ = concluded_agreement(ctx.ws)
    for key in main_window.nav_actions:
        main_window.show_view(key)
    visit = VisitEditor(ctx, participant_id=person.id, parent=main_window)
    visit.show()
    qtbot.waitUntil(lambda: visit.stored is not None, timeout=5000)
    agreement = AgreementEditor(ctx, agreement_id, parent=main_window)
    agreement.show()
    qtbot.waitUntil(lambda: agreement.data is not None, timeout=10_000)
    tables = [t for w in (main_window, visit, agreement) for t in _tables_in(w)]
    assert len(tables) > 10
    unnamed = [t.objectName() for t in tables
               if not t.accessibleName() or t.accessibleName() in (t.objectName(), "Tabell", "Table")
               or "_" in t.accessibleName()]
    assert not unnamed, f"tables without a spoken name: {unnamed}"
    assert main_window.today.overdue_table.accessibleName() == "Forfalt oppfølging"

    visit.actions.add.click()
    table = visit.actions.table
    model = table.model()
    edited = 0
    for column in range(model.columnCount()):
        index = model.index(0, column)
        if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            continue
        table.setCurrentIndex(index)
        table.edit(index)
        editors = [w for w in table.viewport().findChildren(QWidget) if w.isVisible() and w.parentWidget()
                   is table.viewport()]
        assert editors, f"no editor opened in column {column}"
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert editors[0].accessibleName() == f"{title}, rad 1", editors[0].accessibleName()
        assert table.accessibleName() in editors[0].accessibleDescription()
        table.closeEditor(editors[0], QAbstractItemDelegate.EndEditHint.RevertModelCache)
        edited += 1
    assert edited >= 3
    agreement.close()
    visit.close()


# --- 7: the language switch restarts; plural forms and dates in English ----------------------------------------
def test_english_has_plural_forms_and_english_dates(qapp):
    from datetime import date

    from fieldapp.ui.formatting import days_overdue_text, fmt_long_date
    from fieldapp.ui.i18n import install_language, translate

    try:
        install_language(qapp, "en")
        assert days_overdue_text(311) == "311 days overdue"
        assert days_overdue_text(1) == "1 day overdue"
        assert translate("ParticipantList", "%n participant(s)", None, 41) == "41 participants"
        assert translate("ParticipantList", "%n participant(s)", None, 1) == "1 participant"
        assert translate("Search", "%n match(es) for “%1”", None, 2).startswith("2 matches for")
        assert fmt_long_date(date(2026, 12, 3)) == "Thursday 3 December 2026"
        install_language(qapp, "nb")
        assert days_overdue_text(311) == translate("Formatting", "%n day(s) overdue", None, 311)
        assert "311" in days_overdue_text(311) and "day" not in days_overdue_text(311)
        assert fmt_long_date(date(2026, 12, 3)) == "torsdag 3. desember 2026"
    finally:
        install_language(qapp, "nb")


def test_today_heading_in_english_keeps_the_month_capitalised(qtbot, qapp, ctx):
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.main_window import MainWindow

    try:
        install_language(qapp, "en")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_view_loaded, timeout=10_000):
            window.load_first_view()
        assert "Monday 23 November 2026" in window.today.heading.text()
    finally:
        install_language(qapp, "nb")


def test_choosing_another_language_offers_a_restart_that_restarts(qtbot, ctx, main_window, monkeypatch):
    from fieldapp.ui.dialogs import restart
    from fieldapp.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx.settings, main_window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert dialog.language_changed
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(restart, "ask_restart", lambda parent: True)
    monkeypatch.setattr(restart.QProcess, "startDetached", lambda program, args: started.append((program, args))
                        or (True, 1))
    monkeypatch.setattr(restart.QApplication, "quit", lambda: None)
    assert main_window.offer_restart()
    assert started == [restart.restart_command()]
    assert not main_window.isVisible()
