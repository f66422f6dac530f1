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

from fieldapp import STARTED_AT, __version__
from fieldapp.domain.messages import DomainError

if TYPE_CHECKING:
    from fieldapp.ui.main_window import MainWindow as MainWindowType

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 60_000


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
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fieldapp.services.agenda import load_agenda
    from fieldapp.services.workspace import open_workspace
    from fieldapp.ui import icons
    from fieldapp.ui.context import AppContext, ChangeBus
    from fieldapp.ui.dialogs.settings import saved_language
    from fieldapp.ui.i18n import install_language, message, translate
    from fieldapp.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Fieldapp")
    app.setApplicationName("Fieldapp")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    settings = QSettings()
    install_language(app, saved_language(settings))

    try:
        ws = open_workspace(data_dir)
    except DomainError as exc:
        if smoke_test:
            print(f"fieldapp: {exc.text('en')}", file=sys.stderr)
        else:
            QMessageBox.critical(None, translate("App", "Fieldapp cannot open the data folder"), message(exc))
        return 2

    ctx = AppContext(ws=ws, tasks=TaskManager(app), changes=ChangeBus(app), settings=settings)
    # The first view's data is read on the worker while the rest of the UI is imported and built.
    built: list[MainWindowType] = []
    ctx.tasks.run(lambda: load_agenda(ws, now=ctx.now()), lambda agenda: built[0].today.show_agenda(agenda))
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)
    built.append(window)
    window.today.expect_preloaded()
    result: dict[str, object] = {}

    if smoke_test:
        def report(rows: int) -> None:
            result.update(startup_ms=round((time.perf_counter() - STARTED_AT) * 1000, 1), view="today",
                          rows={"today": window.today.today_model.rowCount(),
                                "this_week": window.today.week_model.rowCount(),
                                "overdue": window.today.overdue_model.rowCount()},
                          rows_shown=rows, version=__version__)
            app.quit()

        window.first_view_loaded.connect(report)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    else:
        sys.excepthook = _excepthook(lambda: window)

    window.show()
    window.status.refresh()
    if not smoke_test:
        offer_demo_data(window, ctx)
        QTimer.singleShot(0, window.sync.start)  # background sync, once the window is on screen
    code = app.exec()
    window.sync.shutdown()
    ctx.close()
    if smoke_test:
        if not result:
            print("fieldapp: the first view did not load within the time limit", file=sys.stderr)
            return 1
        print(json.dumps(result))
    return code
