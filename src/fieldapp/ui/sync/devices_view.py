"""The team's devices: approve a new one after comparing fingerprints, revoke a lost one."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError
from fieldapp.services import sync as service
from fieldapp.ui.formatting import fmt_datetime
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.sync.worker import SyncController
from fieldapp.ui.widgets.tables import RowTable


def status_label(d: service.Device) -> str:
    text = {"pending": translate("Devices", "Waiting for approval"), "active": translate("Devices", "Active"),
            "revoked": translate("Devices", "Revoked")}.get(d.status, d.status)
    return text + (" " + translate("Devices", "(this device)") if d.this_device else "")


def _local_text(iso: str) -> str:
    """The server's UTC time in this computer's time zone, written as the rest of the UI writes times."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso  # an unexpected form from an older server: shown as sent rather than hidden
    return fmt_datetime((when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone())


def enrolled_text(d: service.Device) -> str:
    return _local_text(d.enrolled_at)


def last_seen_text(d: service.Device) -> str:
    """To the minute: the server records it at most once a minute. A dash when unknown (not yet, or an older server)."""
    if not d.last_seen:
        return "—"
    return _local_text(d.last_seen)


class DevicesDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("devices_dialog")
        self.setWindowTitle(translate("Devices", "The team's devices"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.model = RowTableModel[service.Device]([
            Column(translate("Devices", "Name"), lambda d: d.name),
            Column(translate("Devices", "Status"), status_label, warning=lambda d: d.status == "pending"),
            Column(translate("Devices", "Fingerprint"), lambda d: d.fingerprint),
            Column(translate("Devices", "Last seen"), last_seen_text),
            Column(translate("Devices", "Enrolled"), enrolled_text),
        ], self)
        self.table = RowTable(self.model, "devices_table", self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        layout.addWidget(self.table, 1)

        self.approve_box = QWidget()
        av = QVBoxLayout(self.approve_box)
        av.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(translate(
            "Devices", "Approve only a device you know. Compare the fingerprint: type the one the new device shows "
                       "on its own screen. They must be the same."))
        hint.setWordWrap(True)
        av.addWidget(hint)
        row = QHBoxLayout()
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("approve_fingerprint")
        self.fingerprint.setPlaceholderText(translate("Devices", "Fingerprint shown on the new device"))
        self.approve_button = QPushButton(translate("Devices", "Approve"))
        self.approve_button.setObjectName("approve_device")
        self.approve_button.clicked.connect(self.approve_current)
        row.addWidget(self.fingerprint, 1)
        row.addWidget(self.approve_button)
        av.addLayout(row)
        layout.addWidget(self.approve_box)

        self.feedback = QLabel()
        self.feedback.setObjectName("devices_feedback")
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(translate("Devices", "Refresh"))
        self.reload_button.clicked.connect(self.reload)
        self.revoke_button = QPushButton(translate("Devices", "Revoke (lost or stolen) …"))
        self.revoke_button.setObjectName("revoke_device")
        self.revoke_button.clicked.connect(lambda: self.revoke_current())
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.loaded = False
        self.approved_key: str | None = None  # the team key fingerprint once a device has been approved
        self._current_changed()
        self.reload()

    def reload(self) -> None:
        syncer = self.controller.syncer
        self.feedback.setText(translate("Devices", "Asking the server …"))
        self.controller.call(lambda _p: syncer.devices(), self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, devices: list[service.Device]) -> None:
        from fieldapp.ui.privacy import device_names

        device_names.remember(devices)  # the access log names other devices with these
        self.loaded = True
        self.feedback.setText("")
        self.model.set_rows(devices)
        self.table.fit_columns()
        pending = self.model.find(lambda d: d.status == "pending")
        self.table.selectRow(pending if pending >= 0 else 0)
        self._current_changed()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.feedback.setText(message(exc))

    def _current_changed(self) -> None:
        d = self.table.current_row()
        self.approve_box.setVisible(d is not None and d.status == "pending")
        self.revoke_button.setEnabled(d is not None and d.status != "revoked" and not d.this_device)

    def approve_current(self) -> None:
        d = self.table.current_row()
        if d is None or d.status != "pending":
            return
        syncer, fp = self.controller.syncer, self.fingerprint.text()

        def done(team_key: str) -> None:
            self.approved_key = team_key
            self.feedback.setText(translate(
                "Devices", "“%1” is approved. Team key fingerprint: %2. Ask the new device's user to read out the "
                           "team key fingerprint it shows after its first sync: if it differs, revoke the device and "
                           "contact the administrator.").replace("%1", d.name).replace("%2", team_key))
            self.fingerprint.clear()
            self.controller.call(lambda _p: syncer.devices(), self._loaded_keep_feedback, owner=self)

        self.controller.call(lambda _p: syncer.approve(d.device_id, fp), done, on_error=self._failed, owner=self)

    def _loaded_keep_feedback(self, devices: list[service.Device]) -> None:
        text = self.feedback.text()
        self._loaded(devices)
        self.feedback.setText(text)

    def revoke_current(self, *, confirm: bool = True) -> None:
        d = self.table.current_row()
        if d is None or d.this_device or d.status == "revoked":
            return
        if confirm and QMessageBox.question(
                self, translate("Devices", "Revoke device"),
                translate("Devices", "Revoke “%1”? It stops syncing at once and the team gets a new key. Changes it "
                                     "has not synced stay only on that device.").replace("%1", d.name)
        ) != QMessageBox.StandardButton.Yes:
            return
        syncer = self.controller.syncer

        def done(_: object) -> None:
            self.feedback.setText(translate("Devices", "“%1” is revoked.").replace("%1", d.name))
            self.controller.call(lambda _p: syncer.devices(), self._loaded_keep_feedback, owner=self)
            self.controller.sync_now()  # the next sync makes the new team key

        self.controller.call(lambda _p: syncer.revoke(d.device_id), done, on_error=self._failed, owner=self)
