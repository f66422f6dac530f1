"""Choosing the app PIN that unlocks the locked window (typed twice; stored only as a salted hash)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.services import app_pin
from fieldapp.ui.i18n import message, translate


class PinDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.setWindowTitle(translate("PinDialog", "App PIN"))
        self.pin = QLineEdit()
        self.pin.setObjectName("new_pin")
        self.again = QLineEdit()
        self.again.setObjectName("new_pin_again")
        for field in (self.pin, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
        self.error = QLabel()
        self.error.setObjectName("pin_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        note = QLabel(translate("PinDialog", "At least 4 digits. The PIN unlocks Fieldapp after the screen lock; "
                                             "five wrong PINs in a row close the app."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(translate("PinDialog", "&New PIN"), self.pin)
        form.addRow(translate("PinDialog", "&Repeat the PIN"), self.again)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.pin.text() != self.again.text():
            self.error.setText(translate("PinDialog", "The two PINs are not the same."))
            return
        try:
            app_pin.set_pin(self.pin.text())
        except DomainError as exc:
            self.error.setText(message(exc))
            return
        super().accept()
