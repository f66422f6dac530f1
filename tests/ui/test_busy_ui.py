"""A save that meets another Fieldapp process's lock: the status bar says it waits, and a save that gives up
shows the locked-database message instead of the crash dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.storage import engine
from fieldapp.storage.faults import DatabaseBusy
from fieldapp.ui.busy_notice import BusyNotice
from tests.storage.test_busy import _Holder
from tests.support.visit_data import participant_in_job
from tests.ui.conftest import NOW
from tests.ui.visit_helpers import open_editor  # noqa: F401 - a fixture


@pytest.fixture
def short_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before the workspace opens, so its connections wait briefly at first."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)


def test_the_status_bar_says_it_waits_and_the_save_then_succeeds(short_busy, qtbot, main_window, ctx) -> None:
    BusyNotice(main_window).listen()
    holder = _Holder(ctx.ws.path)
    ws = ctx.ws
    done: list[object] = []
    try:
        def save() -> None:
            with ws.folder.write() as session:
                session.connection().exec_driver_sql("UPDATE meta SET value = value WHERE key = 'device_id'")

        ctx.tasks.run(save, done.append)
        qtbot.waitUntil(lambda: main_window.statusBar().currentMessage() == "Venter på en annen Fieldapp-prosess …",
                        timeout=10_000)
    finally:
        holder.stop()
    qtbot.waitUntil(lambda: done == [None], timeout=10_000)
    qtbot.waitUntil(lambda: main_window.statusBar().currentMessage() == "", timeout=10_000)


def test_the_visit_editor_shows_the_locked_database_message(short_busy, qtbot, ctx, open_editor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    participant, _, _ = participant_in_job(ctx.ws, job_start=NOW.date() - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    monkeypatch.setattr(engine, "BUSY_WAIT_S", 0.3)
    holder = _Holder(ctx.ws.path)
    try:
        with qtbot.waitSignal(editor.autosave.save_failed, timeout=10_000) as failed:
            qtbot.keyClicks(editor.employee_view, "Trives på bakeriet")
        assert isinstance(failed.args[0], DatabaseBusy)
        assert "En annen Fieldapp-prosess" in editor.state_label.text()
        assert "uventet" not in editor.state_label.text()
    finally:
        holder.stop()


def test_a_known_fault_reaching_the_crash_handler_shows_its_message(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.ui.app import _excepthook

    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append((box.windowTitle(), box.text(), box.detailedText())) or 0)
    _excepthook(lambda: None)(DatabaseBusy, DatabaseBusy(), None)
    [(title, text, details)] = shown
    assert title == "Kunne ikke utføres" and "En annen Fieldapp-prosess" in text and details == ""
