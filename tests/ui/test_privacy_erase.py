"""Erasing a participant from the app: from Today's retention list and from the participant, confirmed first."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.storage import erasure as erasure_store
from fieldapp.ui.privacy.erase_dialog import EraseDialog

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _answer(qtbot, confirm: bool, seen: list[EraseDialog], *, shot: bool = False) -> QTimer:
    """Handle the modal dialog from a timer (exec() runs its own event loop)."""
    timer = QTimer()

    def poll() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, EraseDialog) and w.isVisible()]
        if not dialogs:
            return
        timer.stop()
        dialog = dialogs[0]
        seen.append(dialog)
        assert not dialog.erase_button.isEnabled()  # not before ticking that it cannot be undone
        if shot and os.environ.get("FIELDAPP_SCREENSHOTS"):
            dialog.grab().save(str(SHOTS / "erase-dialog.png"))
        if confirm:
            dialog.reason.setCurrentIndex(dialog.reason.findData("retention_expired"))
            dialog.sure.setChecked(True)
            assert dialog.erase_button.isEnabled()
            dialog.erase_button.click()
        else:
            dialog.reject()

    timer.timeout.connect(poll)
    timer.start(30)
    return timer


def test_erase_from_todays_retention_list_names_what_goes_and_erases(qtbot, ctx, main_window) -> None:
    due = records.save(ctx.ws, Participant(first_name="Gunnar", last_name="Lengesiden", status="ended",
                                           follow_up_end=date(2019, 3, 1)))
    records.save(ctx.ws, Visit(participant_id=due.id, summary="Siste samtale på Nesset",
                               starts_at=datetime(2019, 2, 1, 9, 0, tzinfo=UTC)))
    section = main_window.today.retention
    section.refresh()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    section.table.selectRow(0)
    seen: list[EraseDialog] = []
    timer = _answer(qtbot, False, seen, shot=True)
    qtbot.mouseClick(section.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    texts = [label.text() for label in seen[0].findChildren(QLabel)]
    assert any("Gunnar Lengesiden" in t for t in texts)
    what = seen[0].findChild(QLabel, "erase_what")
    assert what is not None and ("visits: 1" in what.text() or "besøk: 1" in what.text())
    assert records.get(ctx.ws, Participant, due.id) is not None  # cancelled: nothing erased
    timer.stop()
    # The list may have been read again meanwhile (the preview logs who looked): choose the row again.
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    section.table.selectRow(0)
    qtbot.waitUntil(section.erase_button.isEnabled, timeout=5000)
    timer = _answer(qtbot, True, seen)
    qtbot.mouseClick(section.erase_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: records.get(ctx.ws, Participant, due.id) is None, timeout=10000)
    finally:
        timer.stop()  # never left polling into the next test
    qtbot.waitUntil(lambda: section.model.rowCount() == 0, timeout=5000)
    log = erasure_store.erasure_log(ctx.ws.folder)
    assert [(e.event, e.reason_code) for e in log] == [("erased", "retention_expired")]
    del timer


def test_erase_is_reachable_from_the_participant(qtbot, ctx, main_window) -> None:
    p = records.save(ctx.ws, Participant(first_name="Ola", last_name="Utgått"))
    detail = main_window.participants.detail
    detail.show_participant(p.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    button = detail.access_log.erase_button
    assert button.text() in ("Erase participant …", "Slett deltaker …")
    seen: list[EraseDialog] = []
    timer = _answer(qtbot, True, seen)
    button.click()
    try:
        qtbot.waitUntil(lambda: records.get(ctx.ws, Participant, p.id) is None, timeout=10000)
    finally:
        timer.stop()
    assert any("Ola Utgått" in label.text() for label in seen[0].findChildren(QLabel))
    qtbot.waitUntil(lambda: detail.detail is None, timeout=5000)
    del timer
