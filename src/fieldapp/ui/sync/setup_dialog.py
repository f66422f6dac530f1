"""Connecting this computer to a sync server: address and enrollment code, then fingerprint and approval.

Working without a server stays a first-class choice: the dialog says so and closes without changing anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError
from fieldapp.services import sync as service
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.sync import worker
from fieldapp.ui.sync.worker import SyncController, SyncState

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


# How long a copied recovery key stays on the clipboard.
CLIPBOARD_CLEAR_MS = 30_000


def _mono(label: QLabel, scale: float = 1.4) -> QLabel:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(label.font().pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SetupDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.enrolled: service.Enrolled | None = None
        self.setObjectName("sync_setup")
        self.setWindowTitle(translate("SyncSetup", "Connect to a sync server"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._result_page())
        controller.state_changed.connect(self._state)

    # --- page 1: address and code ---------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        intro = QLabel(translate(
            "SyncSetup", "Sync keeps the team's devices up to date, end-to-end encrypted: the server never sees "
                         "the contents. Fieldapp works just as well without a server; everything is then kept on "
                         "this computer only."))
        intro.setWordWrap(True)
        v.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit()
        self.server.setObjectName("setup_server")
        self.server.setPlaceholderText("https://sync.example.org")
        self.code = QLineEdit()
        self.code.setObjectName("setup_code")
        self.code.setPlaceholderText("ABCD-EFGH-…")
        # Not the host name: it is often the employee's name, and the server stores device names in plaintext.
        self.name = QLineEdit(service.default_device_name())
        self.name.setObjectName("setup_name")
        self.recovery = QLineEdit()
        self.recovery.setObjectName("setup_recovery")
        self.recovery.setPlaceholderText(translate("SyncSetup", "only when every other device of the team is lost"))
        form.addRow(translate("SyncSetup", "Server address"), self.server)
        form.addRow(translate("SyncSetup", "Enrollment code"), self.code)
        form.addRow(translate("SyncSetup", "Name of this device"), self.name)
        form.addRow(translate("SyncSetup", "Recovery key (optional)"), self.recovery)
        v.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("setup_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        v.addWidget(self.error)
        buttons = QHBoxLayout()
        self.local_button = QPushButton(translate("SyncSetup", "Work without a server"))
        self.local_button.clicked.connect(self.reject)
        self.connect_button = QPushButton(translate("SyncSetup", "Connect"))
        self.connect_button.setObjectName("setup_connect")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_to_server)
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        v.addLayout(buttons)
        return page

    def connect_to_server(self) -> None:
        if not self.server.text().strip() or not self.code.text().strip():
            self.error.setText(translate("SyncSetup", "Enter the server address and the enrollment code."))
            return
        self.error.setText(translate("SyncSetup", "Connecting …"))
        self.connect_button.setEnabled(False)
        syncer = self.controller.syncer
        url, code, name, recovery = self.server.text(), self.code.text(), self.name.text(), self.recovery.text().strip()
        self.controller.call(lambda _p: syncer.enroll(url, code, name=name, recovery_key=recovery or None),
                             self._enrolled, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.connect_button.setEnabled(True)
        if not isinstance(exc, DomainError):
            raise exc
        self.error.setText(message(exc))

    # --- page 2: fingerprint, recovery key, approval --------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.team_label = QLabel()
        self.team_label.setWordWrap(True)
        v.addWidget(self.team_label)
        v.addWidget(QLabel(translate("SyncSetup", "This device's fingerprint:")))
        self.fingerprint = _mono(QLabel())
        self.fingerprint.setObjectName("setup_fingerprint")
        v.addWidget(self.fingerprint)
        self.recovery_box = QWidget()
        rv = QVBoxLayout(self.recovery_box)
        rv.setContentsMargins(0, 8, 0, 0)
        warn = QLabel(translate(
            "SyncSetup", "The team's recovery key. Print it and keep it somewhere safe: it is shown only now, and it "
                         "is the only way back to the team's data if every device is lost."))
        warn.setWordWrap(True)
        rv.addWidget(warn)
        self.recovery_key = _mono(QLabel(), 1.1)
        self.recovery_key.setObjectName("setup_recovery_key")
        self.recovery_key.setWordWrap(True)
        rv.addWidget(self.recovery_key)
        row = QHBoxLayout()
        self.print_button = QPushButton(translate("SyncSetup", "Print …"))
        self.print_button.clicked.connect(lambda: self.print_recovery_key())
        self.copy_button = QPushButton(translate("SyncSetup", "Copy"))
        self.copy_button.clicked.connect(lambda: self.copy_recovery_key())
        row.addWidget(self.print_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        rv.addLayout(row)
        self.copied = QLabel()
        self.copied.setObjectName("setup_copied")
        rv.addWidget(self.copied)
        v.addWidget(self.recovery_box)
        self.waiting = QLabel()
        self.waiting.setObjectName("setup_waiting")
        self.waiting.setWordWrap(True)
        v.addWidget(self.waiting)
        v.addStretch(1)
        done = QPushButton(translate("SyncSetup", "Close"))
        done.clicked.connect(self.accept)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(done)
        v.addLayout(row2)
        return page

    def _enrolled(self, enrolled: service.Enrolled) -> None:
        self.enrolled = enrolled
        self.team_label.setText(translate("SyncSetup", "Connected to the team “%1”.").replace("%1", enrolled.team_name))
        self.fingerprint.setText(enrolled.fingerprint)
        self.recovery_box.setVisible(bool(enrolled.recovery_key))
        self.recovery_key.setText(enrolled.recovery_key or "")
        if enrolled.status == "pending":
            self.waiting.setText(translate(
                "SyncSetup", "Waiting for approval. On a device already in the team, open Sync → Devices, choose "
                             "this device and check that it shows the same fingerprint. This window may be closed; "
                             "sync starts by itself once the device is approved."))
        else:
            self.waiting.setText(translate("SyncSetup", "This device is the first of the team and syncs now."))
        self.pages.setCurrentIndex(1)
        self.controller.set_up_done()

    def _state(self, state: SyncState) -> None:
        if self.enrolled is not None and self.enrolled.status == "pending" and state.state == worker.UP_TO_DATE:
            text = translate("SyncSetup", "Approved: this device is now in the team and synced.")
            if state.fingerprint:
                text += " " + translate(
                    "SyncSetup", "Team key fingerprint: %1. Read it to the person who approved this device: their "
                                 "screen showed one after approving. If the two differ, stop using sync and contact "
                                 "the administrator.").replace("%1", state.fingerprint)
            self.waiting.setText(text)

    def copy_recovery_key(self) -> None:
        """Copy the recovery key, and clear it from the clipboard again after a short while (other programs
        and clipboard histories can read it there)."""
        QGuiApplication.clipboard().setText(self.recovery_key.text())
        self.copied.setText(translate("SyncSetup", "Copied. The clipboard is cleared again in %1 seconds.")
                            .replace("%1", str(CLIPBOARD_CLEAR_MS // 1000)))
        QTimer.singleShot(CLIPBOARD_CLEAR_MS, self._clear_clipboard)

    def _clear_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.recovery_key.text() and clipboard.text() == self.recovery_key.text():
            clipboard.clear()
        self.copied.setText("")

    def done(self, result: int) -> None:
        # Closing the dialog clears a copied key at once rather than leaving it for the timer.
        self._clear_clipboard()
        super().done(result)

    def print_recovery_key(self, printer: QPrinter | None = None) -> bool:
        """Print the recovery key: on `printer` as it is set up (a test prints to a PDF file), or on one the
        user chooses in the print dialog. False when the user cancels."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter()
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        doc = QTextDocument()
        title = translate("SyncSetup", "Fieldapp: recovery key for the team “%1”").replace(
            "%1", self.enrolled.team_name if self.enrolled else "")
        doc.setPlainText(f"{title}\n\n{self.recovery_key.text()}\n")
        doc.print_(printer)
        return True
