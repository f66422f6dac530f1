"""UI test fixtures: an isolated QSettings store, the app context on a fresh data folder, the main window."""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

# A fixed "now" inside the demo data's range keeps agenda and overdue lists deterministic.
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cycles_collected_between_tests() -> Iterator[None]:
    """As in the app (ui/ui_thread_gc.py), the cycle collector never runs by itself during a UI test; it runs
    after it, on the main thread, with no Qt code on the stack. Run by itself it can start anywhere, also inside
    a Qt destructor looking up a Python override: freeing another widget's wrapper there deadlocked the test
    process on Qt's signal lock (a dialog left over from the test before, freed inside the next one)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        # What is left is alive: set aside, so the next test's collection looks only at what that test made (a
        # full one each time, over everything the test session holds, took over a second per test).
        gc.freeze()
        if was_on:
            gc.enable()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def settings(qapp) -> QSettings:
    qapp.setOrganizationName("FieldappTests")
    qapp.setApplicationName("FieldappTests")
    return QSettings()


UI_CODE = str(Path(__file__).resolve().parents[2] / "src" / "fieldapp" / "ui")


def _guard_ui_thread(folder, calls: list[str]) -> None:
    """Record every database session the UI's own code opens on the UI thread (it must use the worker)."""
    for name in ("read", "write"):
        original = getattr(folder, name)

        def guarded(*args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                stack = traceback.extract_stack()[:-1]
                ui_frames = [f for f in stack if f.filename.startswith(UI_CODE)]
                if ui_frames:
                    calls.append(f"{_name}() from {ui_frames[-1].filename}:{ui_frames[-1].lineno}")
            return _original(*args, **kwargs)

        setattr(folder, name, guarded)


@pytest.fixture
def ctx(qapp, workspace, settings):
    from fieldapp.ui.change_hub import ChangeHub
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.tasks import TaskManager

    install_language(qapp, "nb")
    ui_thread_calls: list[str] = []
    _guard_ui_thread(workspace.folder, ui_thread_calls)
    context = AppContext(ws=workspace, tasks=TaskManager(), changes=ChangeHub(), settings=settings,
                         now=lambda: NOW)
    yield context
    context.tasks.shutdown()
    assert not ui_thread_calls, f"the UI opened database sessions on the UI thread: {sorted(set(ui_thread_calls))}"


@pytest.fixture
def main_window(qtbot, ctx):
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.first_view_loaded, timeout=10_000):
        window.load_first_view()
    return window
