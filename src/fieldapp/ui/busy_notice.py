"""The status bar's "waiting for another Fieldapp process" while a save waits for another process's lock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from fieldapp.ui.i18n import translate


class BusyNotice(QObject):
    """Shown while the database worker waits for a lock; the wait is reported from the worker thread, so the
    report crosses to the UI thread through a queued signal."""

    waiting = Signal(bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stop: Callable[[], None] = lambda: None
        self.waiting.connect(self._show)

    def listen(self) -> None:
        from fieldapp.services.workspace import on_busy_wait  # the storage layer is loaded by now

        self.stop = on_busy_wait(self.waiting.emit)
        self.destroyed.connect(lambda: self.stop())

    @Slot(bool)
    def _show(self, on: bool) -> None:
        bar = self.window.statusBar()
        if on:
            bar.showMessage(translate("App", "Waiting for another Fieldapp process …"))
        else:
            bar.clearMessage()
