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

import fieldapp
from fieldapp import STARTED_AT
from fieldapp.domain.messages import DomainError

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 60_000
QUICK, AFTER_OPEN = "read before the storage layer", "read after opening"  # where the first view came from


def _excepthook(parent_getter):  # type: ignore[no-untyped-def]
    """Unexpected errors are logged and shown; the app keeps running (what is saved stays saved)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from fieldapp.ui.i18n import message, translate

        log.error("unexpected error", exc_info=(kind, exc, tb))
        text = message(exc) if isinstance(exc, DomainError) else f"{kind.__name__}: {exc}"
        box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Something went wrong"),
                          translate("App", "An unexpected error occurred. What was already saved is kept."),
                          parent=parent_getter())
        box.setDetailedText(text + "\n\n" + "".join(traceback.format_exception(kind, exc, tb)))
        box.exec()

    return hook


def offer_demo_data(window, ctx, ask=None) -> None:  # type: ignore[no-untyped-def]
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
        ctx.changes.notify({"participant", "employer", "visit", "placement", "agreement", "agreement_version"})

    def decide(empty: bool) -> None:
        if empty and (ask or ask_load_demo)(window):
            window.status.showMessage(translate("App", "Loading demo data …"))
            ctx.tasks.run(lambda: generate(ws, participants=DEMO_PARTICIPANTS), loaded, owner=window)

    ctx.tasks.run(lambda: folder_is_empty(ws), decide, owner=window)


def run_app(data_dir: Path | None = None, *, smoke_test: bool = False, argv: list[str] | None = None) -> int:
    """Start the app in the order that shows the Today view soonest.

    First, on a thread of its own started before Qt is imported: the Today view read straight from the data
    folder without the storage layer (services/first_view.py). Then on the database worker: the folder
    opened properly (migrations, change capture; this imports SQLAlchemy). Meanwhile the UI thread builds the window with just the Today view. When the
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

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fieldapp.ui import icons
    from fieldapp.ui.context import AppContext, ChangeBus
    from fieldapp.ui.dialogs.settings import saved_language
    from fieldapp.ui.i18n import install_language, message, translate
    from fieldapp.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Fieldapp")
    app.setApplicationName("Fieldapp")
    app.setApplicationVersion(fieldapp.__version__)
    app.setWindowIcon(icons.app_icon())
    settings = QSettings()
    install_language(app, saved_language(settings))

    ctx = AppContext(ws=None, tasks=TaskManager(app), changes=ChangeBus(app), settings=settings)
    result: dict[str, object] = {}  # the smoke test's report; "first_view" also tells opened() what to load
    # A quick read that fails in an unexpected way only means Today loads after the open.
    ctx.tasks.run(quick.result, lambda agenda: first_view(agenda), on_error=lambda _exc: first_view(None))
    opening = ctx.tasks.run(lambda: _open_workspace(data_dir), lambda ws: opened(ws), on_error=lambda exc: failed(exc))
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)  # the callbacks below run from the event loop, so after this
    window.today.expect_preloaded()
    from fieldapp.ui.privacy.lock import install_lock

    install_lock(window, settings)

    def first_view(agenda: object) -> None:
        result["first_view"] = QUICK if agenda is not None else AFTER_OPEN
        if agenda is not None:
            window.today.show_agenda(agenda)  # type: ignore[arg-type]

    def opened(ws: object) -> None:
        ctx.attach(ws)  # type: ignore[arg-type]
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

    def failed(exc: BaseException) -> None:
        """The folder could not be opened: without it the app cannot work, so it says why and stops.
        Expected problems (no key, a damaged or newer database …) exit 2, anything else 1."""
        expected = isinstance(exc, DomainError)
        if not expected:
            log.error("the data folder could not be opened", exc_info=exc)
        if smoke_test:
            if expected:
                print(f"fieldapp: {exc.text('en')}", file=sys.stderr)  # type: ignore[attr-defined]
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
                                "overdue": window.today.overdue_model.rowCount()},
                          rows_shown=rows, version=fieldapp.__version__)
            finish_smoke_test()

        window.first_view_loaded.connect(report)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    else:
        sys.excepthook = _excepthook(lambda: window)

    window.show()
    code = app.exec()
    if window.completed:
        window.sync.shutdown()
    ctx.close()
    if not ctx.has_workspace and opening.done() and opening.exception() is None:
        opening.result().close()  # opened just as the window closed: its result never reached the UI
    if smoke_test:
        if code != 0:
            return code
        if "startup_ms" not in result or "ready_ms" not in result:
            print("fieldapp: the first view did not load within the time limit", file=sys.stderr)
            return 1
        print(json.dumps(result))
    return code


def _open_workspace(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from fieldapp.services.workspace import open_workspace  # loads the storage layer (on the worker)

    return open_workspace(data_dir)
