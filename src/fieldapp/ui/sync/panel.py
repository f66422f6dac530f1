"""The sync panel: where sync stands, the last results, and 'Sync now', set-up, conflicts, devices, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError
from fieldapp.services import sync as service
from fieldapp.ui.formatting import fmt_count, fmt_datetime
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.status_bar import state_texts
from fieldapp.ui.sync import worker
from fieldapp.ui.sync.worker import SyncController, SyncState
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.tables import RowTable


def result_text(r: service.RunResult) -> str:
    if r.ok:
        return translate("SyncPanel", "Sent %1, received %2 changes").replace("%1", fmt_count(r.pushed_changes)).replace(
            "%2", fmt_count(r.applied_changes))
    return message(r.message) if r.message is not None else translate("SyncPanel", "Did not finish")


def state_word(r: service.RunResult) -> str:
    return {"done": translate("SyncPanel", "Done"), "paused": translate("SyncPanel", "Paused")}.get(
        r.state, translate("SyncPanel", "Not done"))


class SyncPanel(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.ctx = controller.ctx
        self.setObjectName("sync_panel")
        self.setWindowTitle(translate("SyncPanel", "Sync"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)

        self.headline = QLabel()
        self.headline.setObjectName("sync_headline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.reason = QLabel()
        self.reason.setObjectName("sync_reason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)

        info = self.info = QFormLayout()
        self.server = QLabel()
        self.team_key = QLabel()
        info.addRow(translate("SyncPanel", "Server"), self.server)
        info.addRow(translate("SyncPanel", "Team key fingerprint"), self.team_key)
        layout.addLayout(info)

        layout.addWidget(QLabel(translate("SyncPanel", "Last results")))
        self.results = RowTableModel[service.RunResult]([
            Column(translate("SyncPanel", "When"), lambda r: fmt_datetime(r.finished_at.astimezone())),
            Column(translate("SyncPanel", "Result"), state_word),
            Column(translate("SyncPanel", "Details"), result_text),
        ], self)
        self.table = RowTable(self.results, "sync_results", self)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.sync_button = QPushButton(translate("SyncPanel", "Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(lambda: self.controller.sync_now(manual=True))
        self.setup_button = QPushButton(translate("SyncPanel", "Connect to a server …"))
        self.setup_button.clicked.connect(self.open_setup)
        self.conflicts_button = QPushButton(translate("SyncPanel", "Conflicts …"))
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.devices_button = QPushButton(translate("SyncPanel", "Devices …"))
        self.devices_button.clicked.connect(self.open_devices)
        self.export_button = QPushButton(translate("SyncPanel", "Export local data …"))
        self.export_button.clicked.connect(self.export_local)
        self.leave_button = QPushButton(translate("SyncPanel", "Leave the team and keep my changes …"))
        self.leave_button.setObjectName("sync_leave_team")
        self.leave_button.clicked.connect(lambda: self.leave_team())
        self.left_team = False  # left in this session: the folder must be reopened before enrolling again
        for b in (self.sync_button, self.setup_button, self.conflicts_button, self.devices_button, self.export_button,
                  self.leave_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        controller.state_changed.connect(self.show_state)
        controller.run_finished.connect(lambda _: self._fill_results())
        self.show_state(controller.state)
        self._fill_results()

    def _fill_results(self) -> None:
        self.results.set_rows(self.controller.history.results)
        self.table.fit_columns()

    def show_state(self, state: SyncState) -> None:
        text, tip = state_texts(state)
        self.headline.setText(text)
        self.reason.setText(tip)
        ov = state.overview
        self.server.setText(f"{ov.server_url} ({ov.team_name})" if ov.enrolled
                            else translate("SyncPanel", "None: this computer only"))
        self.team_key.setText(state.fingerprint or "")
        self.info.setRowVisible(self.team_key, bool(state.fingerprint))
        enrolled = ov.enrolled
        if self.left_team:
            self.reason.setText(self._left_text())
        self.sync_button.setEnabled(enrolled and state.state != worker.SYNCING)
        self.setup_button.setVisible((not enrolled or state.state == worker.REVOKED) and not self.left_team)
        self.leave_button.setVisible(enrolled and state.state == worker.REVOKED and not self.left_team)
        self.devices_button.setEnabled(enrolled and state.state not in (worker.REVOKED, worker.PENDING))
        self.conflicts_button.setText(translate("SyncPanel", "Conflicts (%1) …").replace(
            "%1", fmt_count(ov.open_conflicts + ov.duplicates)))
        if state.state == worker.SYNCING:
            done, total = state.progress or (0, 0)
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
        else:
            self.progress.hide()

    def setup_dialog(self) -> QDialog:
        """The set-up dialog, sized to fit the screen (as Settings opens it)."""
        from fieldapp.ui.sync.setup_dialog import SetupDialog

        return self._fitted(SetupDialog(self.controller, self))

    def conflicts_dialog(self) -> QDialog:
        from fieldapp.ui.sync.conflicts_view import ConflictsDialog

        return self._fitted(ConflictsDialog(self.controller, self))

    def devices_dialog(self) -> QDialog:
        from fieldapp.ui.sync.devices_view import DevicesDialog

        return self._fitted(DevicesDialog(self.controller, self))

    @staticmethod
    def _fitted(dialog: QDialog) -> QDialog:
        fit_to_screen(dialog)
        return dialog

    def open_setup(self) -> None:
        self.setup_dialog().exec()

    def open_conflicts(self) -> None:
        self.conflicts_dialog().exec()

    def open_devices(self) -> None:
        self.devices_dialog().exec()

    def export_local(self, path: Path | None = None) -> None:
        """Everything on this computer to a JSON file (what a revoked device keeps)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, translate("SyncPanel", "Export local data"),
                                                    "fieldapp-export.json", "JSON (*.json)")
            if not chosen:
                return
            path = Path(chosen)
        ws = self.ctx.ws

        def done(n: int) -> None:
            self.reason.setText(translate("SyncPanel", "%n record(s) exported to %1", None, n).replace(
                "%1", str(path)))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, translate("SyncPanel", "Export failed"), str(exc))

        self.ctx.tasks.run(lambda: service.export_local(ws, path), done, on_error=failed, owner=self)

    def _left_text(self) -> str:
        return translate("SyncPanel", "This computer has left the team. Everything is kept here, also the changes "
                         "that were not synced. Close Fieldapp and open it again, then connect to the server with a "
                         "new enrollment code: once the device is approved, the changes are sent to the team.")

    def leave_team(self, *, confirm: bool = True) -> None:
        """For a revoked device: forget the team and its keys, keep every record and unsynced change."""
        waiting = self.controller.state.overview.waiting_changes
        if confirm:
            text = translate(
                "SyncPanel", "The server no longer accepts this computer, so its changes cannot reach the team. "
                "Leaving the team keeps everything on this computer, also %n change(s) not yet synced, and forgets "
                "only the connection to the team and its keys. Afterwards you can connect again with a new "
                "enrollment code from the administrator; the kept changes are then sent to the team.\n\n"
                "Leave the team?", None, waiting)
            answer = QMessageBox.question(self, translate("SyncPanel", "Leave the team"), text,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        ws = self.ctx.ws
        self.leave_button.setEnabled(False)

        def done(_: service.Reset) -> None:
            self.left_team = True
            self.leave_button.setEnabled(True)
            self.controller.refresh()
            self.show_state(self.controller.state)

        def failed(exc: BaseException) -> None:
            self.leave_button.setEnabled(True)
            text = message(exc) if isinstance(exc, DomainError) else str(exc)
            QMessageBox.warning(self, translate("SyncPanel", "Could not leave the team"), text)

        self.ctx.tasks.run(lambda: service.leave_team(ws), done, on_error=failed, owner=self)
