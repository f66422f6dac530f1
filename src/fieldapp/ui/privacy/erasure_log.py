"""The erasure log ("Sletteloggen"): when a participant was erased, how, why and on which device; read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldapp.domain.erasure import event_label, reason_label
from fieldapp.domain.messages import DomainError
from fieldapp.services import erasure as service
from fieldapp.services.erasure import LogEntry
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_datetime
from fieldapp.ui.i18n import current_language, message, translate
from fieldapp.ui.models.table import Column
from fieldapp.ui.privacy import device_names
from fieldapp.ui.widgets.record_list import RecordList

# An erasure deletes the participant's row here (a sync that applied anything reports every synced table).
ENTITIES = frozenset({"participant"})


class ErasureLogDialog(QDialog):
    """Reloads when an erasure is made here or arrives from the team while it is open. `sync`: the main window's
    sync controller, which asks the server for other devices' names."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, sync: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = sync
        self.setObjectName("erasure_log_dialog")
        self.setWindowTitle(translate("ErasureLog", "Erasure log"))
        self.setMinimumSize(720, 360)
        this_device = translate("ErasureLog", "this computer")
        columns: list[Column[LogEntry]] = [
            Column(translate("ErasureLog", "When"), lambda e: fmt_datetime(e.at.astimezone()), sort_key=lambda e: e.at),
            Column(translate("ErasureLog", "What"), lambda e: event_label(e.event, current_language())),
            Column(translate("ErasureLog", "Reason"), lambda e: reason_label(e.reason_code, current_language())),
            device_names.device_column(translate("ErasureLog", "Device"), this_device, self._device_id),
            Column(translate("ErasureLog", "Records"), lambda e: str(e.count), sort_key=lambda e: e.count),
        ]
        self.list = RecordList(translate("ErasureLog", "Erasures"), columns, "erasure_log_table")
        note = QLabel(translate(
            "ErasureLog", "Every erasure made on this computer or received from the team, newest first. The log "
            "holds no name, national ID number or other content: only when, what, why, on which device and how "
            "many records went. A refused change is one another device made to a participant already erased here; "
            "it was dropped."))
        note.setObjectName("erasure_log_note")
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("erasure_log_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        ctx.changes.data_changed.connect(self._data_changed)
        self.load()

    def _device_id(self) -> str:
        return self.ctx.ws.device_id if self.ctx.has_workspace else ""

    def _data_changed(self, entities: frozenset[str]) -> None:
        if entities & ENTITIES and self.isVisible():
            self.load()

    def load(self) -> None:
        if not self.ctx.has_workspace:
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.log_entries(ws), self._show, on_error=self._failed, owner=self)

    def _show(self, rows: list[LogEntry]) -> None:
        self.status.clear()
        self.list.set_rows(rows, translate("ErasureLog", "No participant has been erased on this computer, and no "
                                                         "erasure has been received from the team."))
        # Another device's entry: its name is on the sync server (the main window's controller asks).
        device_names.ask_names_for(rows, self._device_id(), self.sync, self.load, self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DomainError, OSError)):
            text = message(exc) if isinstance(exc, DomainError) else str(exc)
            self.status.setText(translate("ErasureLog", "The erasure log could not be read: %1").replace("%1", text))
            return
        raise exc


def show_erasure_log(ctx: AppContext, parent: QWidget | None, sync: Any = None) -> ErasureLogDialog:
    """Open the log over the window it was asked from (window-modal: Settings is modal itself)."""
    dialog = ErasureLogDialog(ctx, parent, sync)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
