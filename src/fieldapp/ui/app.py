"""Starting the desktop app: Qt application, language, data folder, first start, main window.

`run_app(smoke_test=True)` opens the main window offscreen, waits until the first view has its rows
on screen, prints one line of JSON (start-up time and rows shown) and exits: installers and
benchmarks use it to check that a build really starts.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import fieldapp
from fieldapp import STARTED_AT, paths
from fieldapp.domain.messages import DomainError

if TYPE_CHECKING:  # Qt and the storage layer load later, on purpose
    from PySide6.QtWidgets import QWidget

    from fieldapp.services.workspace import Workspace
    from fieldapp.ui.tasks import TaskManager

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 60_000
QUICK, AFTER_OPEN = "read before the storage layer", "read after opening"  # where the first view came from


def _excepthook(parent_getter):
    """Unexpected errors are logged and shown; the app keeps running (what is saved stays saved)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from fieldapp.ui.i18n import message, translate

        if isinstance(exc, DomainError):  # a known fault (locked database, full disk): its message, no crash report
            QMessageBox(QMessageBox.Icon.Warning, translate("App", "Could not be done"), message(exc),
                        parent=parent_getter()).exec()
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        text = f"{kind.__name__}: {exc}"
        box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Something went wrong"),
                          translate("App", "An unexpected error occurred. What was already saved is kept."),
                          parent=parent_getter())
        box.setDetailedText(text + "\n\n" + "".join(traceback.format_exception(kind, exc, tb)))
        box.exec()

    return hook


def offer_demo_data(window, ctx, ask=None) -> None:
    """On an empty data folder, offer invented demo data; it is made on the worker and the views reload.

    `ask(parent) -> bool` is the question (a dialog by default). Everything touching the database runs
    on the worker; only the question is asked on the UI thread.
    """
    from fieldapp.demo.generate import generate
    from fieldapp.services.status import folder_is_empty
    from fieldapp.ui.dialogs.first_start import DEMO_PARTICIPANTS, ask_load_demo
    from fieldapp.ui.i18n import translate

    ws = ctx.ws

    def loaded(_summary: object) -> None:
        window.status.clearMessage()

    def decide(empty: bool) -> None:
        if empty and (ask or ask_load_demo)(window):
            window.status.showMessage(translate("App", "Loading demo data …"))
            ctx.tasks.run(lambda: generate(ws, participants=DEMO_PARTICIPANTS), loaded, owner=window)

    ctx.tasks.run(lambda: folder_is_empty(ws), decide, owner=window)


def run_app(data_dir: Path | None = None, *, smoke_test: bool = False, argv: list[str] | None = None,
            create: bool = False) -> int:
    """Start the app in the order that shows the Today view soonest.

    First, on a thread of its own started before Qt is imported: the Today view read straight from the data
    folder without the storage layer (services/first_view.py). Then on the database worker: the folder
    opened properly (migrations, change capture; this imports SQLAlchemy). Meanwhile the UI thread builds the window
    with just the Today view. When the
    folder is open the rest of the window is built (MainWindow.complete). Where the quick read is not
    possible (a new or empty folder, one to migrate, a key problem) Today loads after the open instead,
    and an open that fails is reported as before.
    """
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The quick read starts before Qt is even imported: its SQL runs while Qt loads.
    from concurrent.futures import ThreadPoolExecutor

    from fieldapp.services.first_view import quick_agenda

    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-first-view")
    quick = reader.submit(quick_agenda, data_dir)
    reader.shutdown(wait=False)

    from PySide6.QtCore import QLockFile, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fieldapp.ui import icons
    from fieldapp.ui.change_hub import ChangeHub
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.dialogs.settings import saved_language
    from fieldapp.ui.i18n import install_language, message, translate
    from fieldapp.ui.tasks import TaskManager
    from fieldapp.ui.ui_thread_gc import UiThreadCollector
    from fieldapp.ui.widgets.focus_style import install_focus_ring

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    # From the start, so also a dialog shown before the main window (the restore dialog, the question about a
    # missing folder) is never freed by a collection that starts on a worker thread or inside a Qt destructor.
    UiThreadCollector(app)
    app.setOrganizationName("Fieldapp")
    app.setApplicationName("Fieldapp")
    app.setApplicationVersion(fieldapp.__version__)
    app.setWindowIcon(icons.app_icon())
    install_focus_ring(app)
    settings = QSettings()
    install_language(app, saved_language(settings))

    folder = Path(data_dir) if data_dir is not None else paths.default_data_dir()
    # A new folder is made without asking only at the platform's own default place (a first start) or when
    # asked for; a mistyped --data-dir is asked about instead of silently giving an empty caseload.
    create = create or smoke_test or (data_dir is None and not os.environ.get(paths.ENV_DATA_DIR))
    lock = QLockFile(str(paths.lock_file(folder)))
    lock.setStaleLockTime(0)  # a lock left by a crashed app is found stale by its process id, not by age
    if folder.is_dir() and not lock.tryLock(0):
        return _already_running(folder, smoke_test)

    ctx = AppContext(ws=None, tasks=TaskManager(app), changes=ChangeHub(app), settings=settings)
    result: dict[str, object] = {}  # the smoke test's report; "first_view" also tells opened() what to load
    # A quick read that fails in an unexpected way only means Today loads after the open.
    ctx.tasks.run(quick.result, lambda agenda: first_view(agenda), on_error=lambda _exc: first_view(None))
    openings = [ctx.tasks.run(lambda: _open_workspace(folder, create), lambda ws: opened(ws),
                              on_error=lambda exc: failed(exc))]

    def reopen(make: bool) -> None:
        openings.append(ctx.tasks.run(lambda: _open_workspace(folder, make), lambda ws: opened(ws),
                                      on_error=lambda exc: failed(exc)))
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)  # the callbacks below run from the event loop, so after this
    window.today.expect_preloaded()
    from fieldapp.ui.privacy.lock import install_lock

    screen_lock = install_lock(window, settings)

    def first_view(agenda: object) -> None:
        result["first_view"] = QUICK if agenda is not None else AFTER_OPEN
        if agenda is not None:
            window.today.show_agenda(agenda)

    def opened(ws: object) -> None:
        if not lock.isLocked() and not lock.tryLock(0):  # the folder was made by this start, or restored
            ws.close()  # the Workspace opened on the worker, typed loosely here
            app.exit(_already_running(folder, smoke_test))
            return
        ctx.attach(ws)
        from fieldapp.ui.busy_notice import BusyNotice

        BusyNotice(window).listen()
        try:
            window.complete()
        except Exception as exc:  # noqa: BLE001 - a window that cannot be completed is as bad as no folder
            failed(exc)
            return
        if result["first_view"] == AFTER_OPEN:
            window.today.reload()
        window.status.refresh()
        if smoke_test:
            result["ready_ms"] = round((time.perf_counter() - STARTED_AT) * 1000, 1)
            finish_smoke_test()
        else:
            offer_demo_data(window, ctx)
            QTimer.singleShot(0, window.sync.start)  # background sync, once the window is complete
            from fieldapp.services import app_pin

            # The keyring's word on the PIN, now that the folder's key was read from it: a PIN an older version
            # set is remembered, so this start locks now and the next one at once.
            ctx.tasks.run(app_pin.has_pin, screen_lock.note_pin, on_error=lambda _exc: None)

    def failed(exc: BaseException) -> None:
        """The folder could not be opened: without it the app cannot work, so it says why and stops.
        Expected problems (no key, a damaged or newer database …) exit 2, anything else 1."""
        expected = isinstance(exc, DomainError)
        if isinstance(exc, DomainError) and not smoke_test and _mended(exc, folder, window, ctx.tasks):
            reopen(exc.code == "data_folder_not_found")
            return
        if not expected:
            log.error("the data folder could not be opened", exc_info=exc)
        if smoke_test:
            if expected:
                print(f"fieldapp: {exc.text('en')}", file=sys.stderr)
            else:
                traceback.print_exception(exc)
        else:
            box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Fieldapp cannot open the data folder"),
                              message(exc) if expected else translate(
                                  "App", "An unexpected error occurred. What was already saved is kept."), parent=window)
            if not expected:
                box.setDetailedText("".join(traceback.format_exception(exc)))
            box.exec()
        app.exit(2 if expected else 1)

    def finish_smoke_test() -> None:
        if "startup_ms" in result and "ready_ms" in result:
            app.quit()

    if smoke_test:
        def report(rows: int) -> None:
            result.update(startup_ms=round((time.perf_counter() - STARTED_AT) * 1000, 1), view="today",
                          rows={"today": window.today.today_model.rowCount(),
                                "this_week": window.today.week_model.rowCount(),
                                "overdue": window.today.overdue_model.rowCount(),
                                "drafts": window.today.draft_model.rowCount()},
                          rows_shown=rows, locked=screen_lock.locked, version=fieldapp.__version__)
            finish_smoke_test()

        window.first_view_loaded.connect(report)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    else:
        sys.excepthook = _excepthook(lambda: window)

    window.show()
    screen_lock.lock_at_start()  # before the first paint: with a PIN set, nothing shows until it is given
    code = app.exec()
    if window.completed:
        window.sync.shutdown()
    ctx.close()
    for opening in openings:
        if not ctx.has_workspace and opening.done() and opening.exception() is None:
            opening.result().close()  # opened just as the window closed: its result never reached the UI
    if lock.isLocked():
        lock.unlock()
    if smoke_test:
        if code != 0:
            return code
        if "startup_ms" not in result or "ready_ms" not in result:
            print("fieldapp: the first view did not load within the time limit", file=sys.stderr)
            return 1
        print(json.dumps(result))
    return code


def _open_workspace(data_dir: Path, create: bool) -> Workspace:
    from fieldapp.services.workspace import open_workspace  # loads the storage layer (on the worker)

    return open_workspace(data_dir, create=create)


def _mended(exc: DomainError, folder: Path, window: QWidget | None, tasks: TaskManager) -> bool:
    """Offer what can mend a folder that did not open: make it (none there) or restore a backup (damaged)."""
    from fieldapp.ui.dialogs.restore_dialog import RESTORABLE, RestoreDialog, ask_create_folder
    from fieldapp.ui.i18n import message

    if exc.code == "data_folder_not_found":
        return ask_create_folder(window, folder)
    if exc.code in RESTORABLE:
        dialog = RestoreDialog(folder, message(exc), tasks, window)
        return bool(dialog.exec()) and dialog.restored is not None
    return False


def _already_running(folder: Path, smoke_test: bool) -> int:
    """Two apps on one folder would compete for every save: the second says so and stops (exit 2)."""
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.ui.i18n import translate

    text = translate("App", "Fieldapp is already open on the data folder %1. Switch to that window, or close it "
                            "and start again.").replace("%1", str(folder))
    if smoke_test:
        print(f"fieldapp: {text}", file=sys.stderr)
    else:
        QMessageBox(QMessageBox.Icon.Warning, translate("App", "Fieldapp is already open"), text).exec()
    return 2
