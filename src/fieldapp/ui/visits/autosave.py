"""Debounced autosave: what is typed is saved on the worker thread after a short pause, and at once on close.

The editor gives a `prepare()` function that runs on the UI thread (builds and validates the records, marks
invalid fields) and returns the work to run on the worker thread, or None when there is nothing valid to
save. Only one save is in flight at a time; edits made meanwhile are saved right after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.ui.context import AppContext

# Well inside the two seconds the issue allows between the last keystroke and the draft being on disk.
DELAY_MS = 1500
CLOSE_TIMEOUT_S = 30.0

Job = Callable[[], Any]


class Autosaver(QObject):
    save_started = Signal()
    saved = Signal(object)  # what the job returned
    save_failed = Signal(object)  # the exception

    def __init__(self, ctx: AppContext, prepare: Callable[[], Job | None], parent: QObject | None = None,
                 delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._prepare = prepare
        self._timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self.save_now)
        self._edits = 0
        self._saved_edits = 0
        self._in_flight = False
        self._again = False
        self._after: list[Callable[[], None]] = []
        self.enabled = True

    @property
    def dirty(self) -> bool:
        return self._edits != self._saved_edits

    @property
    def busy(self) -> bool:
        return self._in_flight or self._timer.isActive()

    def edited(self) -> None:
        if not self.enabled:
            return
        self._edits += 1
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._again = False

    def save_now(self) -> None:
        """Start a save on the worker thread (or right after the one in flight)."""
        self._timer.stop()
        if not self.enabled or not self.dirty:
            return
        if self._in_flight:
            self._again = True
            return
        edits = self._edits
        job = self._prepare()
        if job is None:
            return
        self._in_flight = True
        self.save_started.emit()
        self.ctx.tasks.run(job, lambda result: self._done(edits, result),
                           on_error=lambda exc: self._failed(exc), owner=self)

    def after_save(self, then: Callable[[], None]) -> None:
        """Run `then()` once what is unsaved now has been saved, without waiting on the UI thread; at once when
        nothing needs saving (or nothing valid can be). A failed save drops it: save_failed says why."""
        self._timer.stop()
        if not self.enabled or not self.dirty:
            then()
            return
        self._after.append(then)
        self.save_now()
        if not self._in_flight:  # prepare() found nothing valid to save
            self._run_after()

    def _run_after(self) -> None:
        waiting, self._after = self._after, []
        for then in waiting:
            then()

    def _done(self, edits: int, result: Any) -> None:
        self._in_flight = False
        if edits >= self._saved_edits:  # not overtaken by a save made at close
            self._saved_edits = edits
            self.saved.emit(result)
        if self._again:
            self._again = False
            self.save_now()
        if not self._in_flight:
            self._run_after()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self._again = False
        self._after.clear()
        self.save_failed.emit(exc)

    def flush(self) -> Any:
        """Save what is unsaved now and wait for it (closing the window). Raises what the save raised.

        Returns the job's result, or None when nothing needed saving."""
        self._timer.stop()
        self._again = False
        if not self.enabled or not self.dirty:
            return None
        edits = self._edits
        job = self._prepare()
        if job is None:
            return None
        # Queued behind a save in flight on the single worker; its callbacks are dropped with the editor.
        future = self.ctx.tasks.run(job, on_error=lambda exc: None, owner=self)
        result = future.result(timeout=CLOSE_TIMEOUT_S)
        self._saved_edits = max(self._saved_edits, edits)
        self.saved.emit(result)
        return result
