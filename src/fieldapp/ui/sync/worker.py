"""Background sync: a thread of its own for the network and the merge, and the schedule that drives it.

The sync thread is not the database worker (ctx.tasks): a long catch-up must not hold up autosave.
SQLite has one writer, and the engine keeps each write short (one pulled page, one outbox batch), so
an autosave waits at most for one page. Sync runs on start, a few seconds after local changes stop,
periodically, when the network comes back (QNetworkInformation, else the periodic timer polls), and on
request; an unreachable server backs off exponentially with jitter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from fieldapp.domain.messages import Message
from fieldapp.services import sync as service
from fieldapp.services.changes import Changes
from fieldapp.ui.context import AppContext
from fieldapp.ui.tasks import deliver

log = logging.getLogger(__name__)

DEBOUNCE_MS = 4_000
PERIOD_MS = 5 * 60_000
PENDING_POLL_MS = 15_000
REFRESH_DELAY_MS = 1_000

# States shown in the status bar.
LOCAL = "local"  # no server set up: working on this computer only
OFFLINE = "offline"
SYNCING = "syncing"
UP_TO_DATE = "up_to_date"
ATTENTION = "attention"
PENDING = "pending"  # enrolled, waiting for a member device to approve
REVOKED = "revoked"  # the server refuses this device: stopped until set up again


@dataclass(frozen=True)
class SyncState:
    state: str
    overview: service.Overview
    last_ok_at: datetime | None = None
    message: Message | None = None  # why offline / stopped / waiting
    progress: tuple[int, int] | None = None
    retry_in_s: float | None = None
    fingerprint: str | None = None

    @property
    def waiting_changes(self) -> int:
        return self.overview.waiting_changes


Job = Callable[[Callable[[int, int], None]], Any]


class _Runner(QObject):
    """Lives in the sync thread and runs one job at a time."""

    progressed = Signal(int, int)
    finished = Signal(int, object, object)

    @Slot(int, object)
    def execute(self, job_id: int, job: Job) -> None:
        try:
            result = job(self.progressed.emit)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which decides
            self.finished.emit(job_id, None, exc)
            return
        self.finished.emit(job_id, result, None)


class SyncController(QObject):
    """Owned by the UI thread; all its signals and callbacks arrive there."""

    state_changed = Signal(object)  # SyncState
    run_finished = Signal(object)  # service.RunResult
    _submit = Signal(int, object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, syncer: service.Syncer | None = None,
                 network: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.syncer = syncer or service.Syncer(ctx.ws)
        self.history = service.History()
        self.failures = 0
        self._running = False
        self._again = False
        self._stopped = False
        self._ids = count(1)
        self._callbacks: dict[int, tuple[Any, Any, Any]] = {}
        self.state = SyncState(LOCAL, service.Overview(False))

        self._thread = QThread()
        self._thread.setObjectName("fieldapp-sync")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.execute, Qt.ConnectionType.QueuedConnection)
        self._runner.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._runner.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._closed = False

        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.sync_now)
        self.periodic = QTimer(self, interval=PERIOD_MS, timeout=self.sync_now)
        self.retry = QTimer(self, singleShot=True, timeout=self.sync_now)
        # Changes come in bursts (autosave): count them once the burst is over.
        self.recount = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS, timeout=self.refresh)
        ctx.changes.changed.connect(self._changed)
        self.network_watch = self._watch_network() if network else False

    # --- jobs on the sync thread ----------------------------------------------------------------
    def call(self, job: Job, on_done: Callable[[Any], None] | None = None, *,
             on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None) -> None:
        """Run `job(progress)` on the sync thread; callbacks come back on the UI thread (not if owner is gone)."""
        if self._closed:
            return
        if not self._thread.isRunning():
            self._thread.start()  # lazily: a window that never syncs never starts the thread
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error, owner)
        self._submit.emit(job_id, job)

    @Slot(int, object, object)
    def _finished(self, job_id: int, result: Any, exc: BaseException | None) -> None:
        on_done, on_error, owner = self._callbacks.pop(job_id, (None, None, None))
        deliver(on_done, on_error, owner, result, exc)

    # --- scheduling -----------------------------------------------------------------------------
    def start(self) -> None:
        """After the window shows: read the state, and sync at once when a server is set up."""
        self.periodic.start()
        self.refresh(then_sync=True)

    def refresh(self, *, then_sync: bool = False) -> None:
        """Re-read what the data folder says (enrolled, changes waiting, open conflicts)."""
        ws = self.ctx.ws

        def got(overview: service.Overview) -> None:
            state = self.state.state
            if not overview.enrolled:
                state = LOCAL
            elif state == LOCAL:
                state = OFFLINE
            self._set(state=state, overview=overview)
            if then_sync and overview.enrolled:
                self.sync_now()

        self.ctx.tasks.run(lambda: service.overview(ws), got, owner=self)

    def sync_now(self, *, manual: bool = False) -> None:
        """Start a run now (or right after the one running). `manual` also restarts a stopped sync."""
        if manual:
            self._stopped = False
            self.failures = 0
        if self._stopped or not self.state.overview.enrolled:
            return
        if self._running:
            self._again = True
            return
        self.retry.stop()
        self.debounce.stop()
        self._running = True
        self._again = False
        self._set(state=SYNCING, progress=(0, 0))
        syncer = self.syncer
        self.call(lambda progress: syncer.run(progress), self._run_done, on_error=self._run_crashed)

    def _changed(self, changes: Changes) -> None:
        """Any record written here is pushed soon (debounced: autosave writes come in bursts)."""
        if changes.local:
            self.debounce.start()
        self.recount.start()

    def _progressed(self, done: int, total: int) -> None:
        if self._running:
            self._set(progress=(done, total))

    def _run_crashed(self, exc: BaseException) -> None:
        self._running = False
        log.error("sync run failed", exc_info=exc)
        self._schedule_retry(Message("sync.bug", f"Uventet feil: {exc}", f"Unexpected error: {exc}"))

    def _run_done(self, result: service.RunResult) -> None:
        self._running = False
        self.history.add(result)
        if result.changed_entities:
            self.ctx.changes.publish(Changes.of(result.changed_entities, local=False))
        if result.ok:
            self.failures = 0
            self._set(state=UP_TO_DATE, message=None, retry_in_s=None, progress=None,
                      last_ok_at=result.finished_at,
                      fingerprint=result.team_key_fingerprint or self.state.fingerprint)
        elif result.error_kind == "auth":
            self._stopped = True
            self._set(state=REVOKED, message=result.message, progress=None)
        elif result.error_kind == "pending":
            self.retry.start(PENDING_POLL_MS)
            self._set(state=PENDING, message=result.message, progress=None)
        elif result.error_kind in service.STOPPING_KINDS:
            self._stopped = True
            self._set(state=ATTENTION, message=result.message, progress=None)
        else:  # outage, paused, protocol, conflict: try again later
            self._schedule_retry(result.message, result.retry_after)
        self.run_finished.emit(result)
        self.refresh()
        if self._again and not self._stopped:
            self.sync_now()

    def _schedule_retry(self, message: Message | None, retry_after: float | None = None) -> None:
        self.failures += 1
        wait = max(retry_after or 0.0, service.wait_seconds(self.failures))
        self.retry.start(int(wait * 1000))
        self._set(state=OFFLINE, message=message, progress=None, retry_in_s=wait)

    # --- connectivity ---------------------------------------------------------------------------
    def _watch_network(self) -> bool:
        """Sync when the network comes back; without a backend the periodic timer is the poll."""
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:
            return False
        if not QNetworkInformation.loadDefaultBackend():
            return False
        info = QNetworkInformation.instance()
        if info is None:
            return False
        info.reachabilityChanged.connect(self._reachability)
        return True

    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site):
            self.failures = 0
            self.sync_now()

    # --- state ----------------------------------------------------------------------------------
    def _set(self, **changes: Any) -> None:
        values = {**self.state.__dict__, **changes}
        self.state = SyncState(**values)
        self.state_changed.emit(self.state)

    def set_up_done(self) -> None:
        """After enrolling: start over with the new account."""
        self._stopped = False
        self.failures = 0
        self.refresh(then_sync=True)

    def shutdown(self) -> None:
        """Let the running job finish (a page is one transaction), then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self.debounce.stop()
        self.recount.stop()
        self.periodic.stop()
        self.retry.stop()
        self._thread.quit()
        self._thread.wait(60_000)
        self.syncer.close()
