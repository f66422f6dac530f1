"""Every window and dialog fits a 1366×768 laptop with its finishing buttons on screen, also when restored."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from fieldapp.ui.widgets import screen
from tests.support.visit_data import participant_in_job
from tests.ui.agreement_helpers import complete_content, concluded_agreement
from tests.ui.conftest import NOW

TODAY = NOW.astimezone().date()
LAPTOP = QRect(0, 0, 1366, 728)  # a 1366×768 screen less a 40-pixel panel


# --- 3: every window fits a 1366×768 laptop, its finishing buttons on screen ---------------------------------
@pytest.fixture
def laptop(monkeypatch) -> QRect:
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
    """As the main window opens it (the sync panel is fitted by its caller)."""
    screen.fit_to_screen(window)
    return window


def test_every_window_fits_a_1366x768_screen_with_its_buttons_visible(qtbot, ctx, laptop):
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.agreements.history import HistoryWindow
    from fieldapp.ui.agreements.preview import PreviewWindow
    from fieldapp.ui.agreements.lifecycle import NewVersionDialog, ReasonDialog
    from fieldapp.ui.agreements.signature_pad import SignatureDialog
    from fieldapp.ui.dialogs.choose_participant import ChooseParticipantDialog
    from fieldapp.ui.dialogs.keyboard_help import KeyboardHelp
    from fieldapp.ui.dialogs.settings import SettingsDialog
    from fieldapp.ui.forms.employer_form import EmployerDialog
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
        EmployerDialog(ctx, parent=main),
        SignatureDialog(complete_content(), ["employee", "employer", "job_specialist"], number="AB12-2026-0001",
                        version_no=1, now=NOW, parent=main),
        ReasonDialog("Annuller", "Hvorfor?", "Annuller", main),
        NewVersionDialog(TODAY, main),
        ChooseParticipantDialog(ctx, main),
        KeyboardHelp(main.menus, main),
        _fitted(panel := SyncPanel(main.sync, main)),
        panel.setup_dialog(),
        panel.conflicts_dialog(),
        panel.devices_dialog(),
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


def test_the_sync_panel_fits_its_dialogs_to_a_small_screen(qtbot, ctx, monkeypatch):
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.sync.panel import SyncPanel

    small = QRect(0, 0, 800, 500)  # smaller than the conflicts and devices dialogs' own sizes
    monkeypatch.setattr(screen, "available", lambda window: QRect(small))
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    panel = SyncPanel(main.sync, main)
    for dialog in (panel.setup_dialog(), panel.conflicts_dialog(), panel.devices_dialog()):
        frame = dialog.size() + QSize(16, 40)
        assert frame.width() <= small.width() and frame.height() <= small.height(), (dialog.objectName(), frame)
        dialog.close()
