"""Background work: one worker thread for everything touching the database, results back on the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


def deliver(on_done: Callable[[Any], None] | None, on_error: ErrorHandler | None, owner: QObject | None,
            result: Any, exc: BaseException | None) -> None:
    """Hand a background result to its callbacks on the UI thread: nothing when `owner` has been deleted,
    `on_error(exc)` for a failure, and without `on_error` the exception is re-raised (to sys.excepthook)."""
    if owner is not None and not shiboken6.isValid(owner):
        return
    if exc is None:
        if on_done is not None:
            on_done(result)
    elif on_error is not None:
        on_error(exc)
    else:
        raise exc


class TaskManager(QObject):
    """Runs callables one at a time on a single worker thread (SQLite has one writer; order is kept).

    `run()` returns at once; `on_done(result)` or `on_error(exception)` is later called on the thread
    that owns this object (the UI thread). If `owner` has been deleted by then, nothing is called:
    a view closed while its list loaded must not be touched. Without `on_error`, the exception is
    re-raised on the UI thread, so it reaches sys.excepthook (the crash handler, or pytest-qt).
    """

    task_started = Signal()
    task_finished = Signal()
    _completed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-db")
        self._pending = 0
        # Queued: the worker emits, the slot runs later in this object's (the UI) thread.
        self._completed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def is_open(self) -> bool:
        """False once shut down: no more tasks, no more callbacks."""
        return self._executor is not None

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return self._pending

    def run(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None, *,
            on_error: ErrorHandler | None = None, owner: QObject | None = None) -> Future[T]:
        if self._executor is None:
            raise RuntimeError("the task manager has been shut down")
        self._pending += 1
        if self._pending == 1:
            self.task_started.emit()

        def work() -> T:
            try:
                result = fn()
            except BaseException as exc:
                self._completed.emit((on_done, on_error, owner, None, exc))
                raise
            self._completed.emit((on_done, on_error, owner, result, None))
            return result

        return self._executor.submit(work)

    @Slot(object)
    def _deliver(self, payload: tuple[Any, ...]) -> None:
        on_done, on_error, owner, result, exc = payload
        self._pending -= 1
        try:
            if self._executor is None:
                return  # shut down: the workspace is closing or closed, nobody waits for this any more
            deliver(on_done, on_error, owner, result, exc)
        finally:
            if self._pending == 0:
                self.task_finished.emit()

    def shutdown(self) -> None:
        """Drop queued tasks, wait for the running one; call before closing the workspace."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
