"""The status bar: sync state and the number of local changes not yet synced."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from fieldapp.services import status as service
from fieldapp.services.status import SyncStatus
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_count
from fieldapp.ui.i18n import translate

REFRESH_DELAY_MS = 1000


class SyncStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("status_bar")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("sync_status")
        self.sync_label.setAccessibleName(translate("StatusBar", "Sync status"))
        self.addPermanentWidget(self.sync_label)
        self.last: SyncStatus | None = None
        # Changes come in bursts (autosave); count them once the burst is over.
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS, timeout=self.refresh)
        ctx.changes.data_changed.connect(lambda _: self._timer.start())

    def refresh(self) -> None:
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.sync_status(ws), self._show, owner=self)

    def _show(self, status: SyncStatus) -> None:
        self.last = status
        state = translate("StatusBar", "Online") if status.online else translate("StatusBar", "Offline")
        waiting = translate("StatusBar", "%n local change(s) not synced", None, status.unsynced_changes)
        self.sync_label.setText(f"{state} · {waiting.replace(str(status.unsynced_changes), fmt_count(status.unsynced_changes), 1)}")
        self.sync_label.setToolTip(translate(
            "StatusBar", "Sync with a server is not set up on this device; everything is stored on this computer."))
