"""Python's cycle collector runs on the UI thread only, while the app runs (ui/app.py starts it).

The collector runs on whichever thread happens to allocate past its threshold. When that is a worker thread
(a database read, a sync run) and the garbage holds Qt objects' wrappers, PySide destroys them off the UI
thread, and the process can crash ("Garbage-collecting" in a worker's stack, seen in UI test runs). So the
automatic collector is switched off and the same generations are collected, by the same thresholds, from a
timer on the UI thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from fieldapp import collector_pause

INTERVAL_MS = 250


class UiThreadCollector(QObject):
    """Collects like the automatic collector would, from the UI thread; the automatic one is back once it goes."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._was_on = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()
        self.destroyed.connect(_restore if self._was_on else _keep)

    def collect(self) -> None:
        """The oldest generation whose count passed its threshold, as CPython's own rule picks it; nothing
        while a worker holds the collector off (a pull, the overview's reading: collector_pause.py), whose
        short-lived objects would otherwise be walked every tick."""
        if collector_pause.paused():
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def _restore() -> None:
    gc.enable()


def _keep() -> None:
    """The collector was off before it started (a caller's choice): it stays off."""
