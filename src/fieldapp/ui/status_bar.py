"""The status bar: sync state (offline, syncing, up to date, needs attention) and local changes waiting.

A click on the sync status opens the sync panel (`panel_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar, QWidget

from fieldapp.services import sync as service
from fieldapp.services.status import WaitingForSync
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_count, fmt_time
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.sync import worker
from fieldapp.ui.sync.worker import SyncController, SyncState


def _count(text: str, n: int) -> str:
    return text.replace(str(n), fmt_count(n), 1)


def waiting_text(waiting: WaitingForSync) -> str:
    """"3 deltakere og 12 besøk venter på synkronisering": records the user wrote, not field changes."""
    p, v, o = waiting.participants, waiting.visits, waiting.other
    parts = [text for n, text in (
        (p, _count(translate("StatusBar", "%n participant(s)", None, p), p)),
        (v, _count(translate("StatusBar", "%n visit(s)", None, v), v)),
        (o, _count(translate("StatusBar", "%n other record(s)", None, o), o))) if n]
    if not parts:
        return translate("StatusBar", "Nothing waiting to sync")
    listed = parts[0] if len(parts) == 1 else translate("StatusBar", "%1 and %2").replace(
        "%1", ", ".join(parts[:-1])).replace("%2", parts[-1])
    return translate("StatusBar", "%1 waiting to sync").replace("%1", listed)


def state_texts(state: SyncState) -> tuple[str, str]:
    """(the status bar text, its tooltip) for a sync state."""
    ov = state.overview
    waiting = waiting_text(ov.waiting)
    reason = message(state.message) if state.message is not None else ""
    if state.state == worker.LOCAL:
        return (translate("StatusBar", "Offline") + " · " + waiting,
                translate("StatusBar", "Sync with a server is not set up on this device; everything is stored on "
                                       "this computer."))
    if state.state == worker.SYNCING:
        done, total = state.progress or (0, 0)
        if total > 0:
            text = translate("StatusBar", "Syncing … %1 of %2").replace("%1", fmt_count(done)).replace(
                "%2", fmt_count(total))
        else:
            text = translate("StatusBar", "Syncing …")
        return text, translate("StatusBar", "You can keep working while the app syncs.")
    if state.state == worker.REVOKED:
        return (translate("StatusBar", "Needs attention: sync stopped · %1").replace("%1", waiting),
                reason or translate("StatusBar", "The server does not accept this device."))
    if state.state == worker.PENDING:
        return (translate("StatusBar", "Needs attention: waiting for approval"), reason)
    if state.state == worker.ATTENTION:
        return (translate("StatusBar", "Needs attention: sync stopped · %1").replace("%1", waiting), reason)
    if ov.duplicates and not ov.open_conflicts:
        return (translate("StatusBar", "Needs attention: %1").replace("%1", translate(
            "StatusBar", "the same person is registered twice")),
            translate("StatusBar", "Open the conflicts to merge the two records."))
    if ov.open_conflicts:
        conflicts = _count(translate("StatusBar", "%n value(s) overwritten by sync", None, ov.open_conflicts),
                           ov.open_conflicts)
        text = translate("StatusBar", "Needs attention: %1").replace("%1", conflicts)
        if ov.waiting_changes:
            text += " · " + waiting
        return text, translate("StatusBar", "Open the conflicts to see what sync overwrote and restore it if needed.")
    if state.state == worker.UP_TO_DATE and state.last_ok_at is not None:
        when = fmt_time(state.last_ok_at.astimezone())
        text = translate("StatusBar", "Up to date at %1").replace("%1", when)
        if ov.waiting_changes:
            text += " · " + waiting
        return text, translate("StatusBar", "Synced with %1").replace("%1", ov.server_url)
    # Offline (server unreachable, or not tried yet)
    tip = reason
    if state.retry_in_s:
        tip += ("\n" if tip else "") + translate("StatusBar", "Next attempt in %1 s.").replace(
            "%1", fmt_count(round(state.retry_in_s)))
    return translate("StatusBar", "Offline · %1").replace("%1", waiting), tip


class SyncStatusBar(QStatusBar):
    panel_requested = Signal()

    def __init__(self, ctx: AppContext, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller
        self.setObjectName("status_bar")
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(translate("StatusBar", "Sync progress"))
        self.progress.hide()
        self.addPermanentWidget(self.progress)
        self.sync_label = QPushButton()
        self.sync_label.setObjectName("sync_status")
        self.sync_label.setFlat(True)
        self.sync_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_label.setAccessibleName(translate("StatusBar", "Sync status"))
        self.sync_label.clicked.connect(self.panel_requested)
        self.addPermanentWidget(self.sync_label)
        self.last: service.Overview | None = None
        self.state: SyncState | None = None
        controller.state_changed.connect(self._show)

    def refresh(self) -> None:
        self.controller.refresh()

    def _show(self, state: SyncState) -> None:
        self.state = state
        self.last = state.overview
        text, tip = state_texts(state)
        attention = state.state in (worker.REVOKED, worker.PENDING, worker.ATTENTION) or (
            state.state != worker.SYNCING and (state.overview.open_conflicts > 0 or state.overview.duplicates > 0))
        self.sync_label.setText(("⚠ " if attention else "") + text)
        self.sync_label.setToolTip(tip)
        if state.state == worker.SYNCING and state.progress and state.progress[1] > 0:
            self.progress.setRange(0, state.progress[1])
            self.progress.setValue(state.progress[0])
            self.progress.show()
        elif state.state == worker.SYNCING:
            self.progress.setRange(0, 0)
            self.progress.show()
        else:
            self.progress.hide()
