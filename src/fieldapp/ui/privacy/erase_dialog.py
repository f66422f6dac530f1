""""Slett deltaker…": the confirmation that names what will go, the reason, and the erasure in the background."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QVBoxLayout, QWidget,
)

from fieldapp.domain.erasure import REASONS
from fieldapp.domain.messages import DomainError
from fieldapp.services import erasure as service
from fieldapp.services.erasure import ErasureDone, ErasurePreview
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, message, translate


class EraseDialog(QDialog):
    """Erasing is enabled only after ticking that it cannot be undone; Cancel is the default button."""

    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erase_dialog")
        self.setWindowTitle(translate("EraseDialog", "Erase participant"))
        self.setMinimumWidth(480)
        lang = current_language()
        heading = QLabel("<h3>" + translate("EraseDialog", "Erase %1 for good?").replace("%1", preview.full_name)
                         + "</h3>")
        parts = preview.lines(lang)
        what = QLabel(translate("EraseDialog", "This erases the participant and everything that belongs to them:")
                      + "<ul>" + "".join(f"<li>{p}</li>" for p in parts)
                      + "<li>" + translate("EraseDialog", "drafts, corrections, scans, conflicts and search entries")
                      + "</li></ul>")
        what.setObjectName("erase_what")
        what.setWordWrap(True)
        if preview.backups:
            where_text = translate(
                "EraseDialog", "It goes from this computer now, including its %n backup file(s) (a new backup is "
                "taken afterwards) and exports in the data folder; from the other devices and the server at their "
                "next sync. Only a note without personal data remains: when, by whom and why.", None, preview.backups)
        else:
            where_text = translate(
                "EraseDialog", "It goes from this computer now, including exports in the data folder; from the other "
                "devices and the server at their next sync. Only a note without personal data remains: when, by "
                "whom and why.")
        where = QLabel(where_text)
        where.setObjectName("erase_where")
        where.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("erase_reason")
        for code, (nb, en) in REASONS.items():
            self.reason.addItem(nb if lang == "nb" else en, code)
        self.reason.setAccessibleName(translate("EraseDialog", "Reason"))
        self.sure = QCheckBox(translate("EraseDialog", "I understand that this cannot be undone"))
        self.sure.setObjectName("erase_sure")
        form = QFormLayout()
        form.addRow(translate("EraseDialog", "Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton(translate("EraseDialog", "Erase participant"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("erase_confirm")
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.sure.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (heading, what, where):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.sure)
        layout.addWidget(buttons)

    def reason_code(self) -> str:
        return str(self.reason.currentData())


def ask_and_erase(ctx: AppContext, parent: QWidget, participant_id: str,
                  done: Callable[[ErasureDone], None] | None = None) -> None:
    """Load what would go, ask, and erase in the background (the erasure is reported to the views like any write)."""
    ws = ctx.ws

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        QMessageBox.warning(parent, translate("EraseDialog", "Erase participant"), message(exc))

    def erased(result: ErasureDone) -> None:
        if done is not None:
            done(result)

    def ask(preview: ErasurePreview) -> None:
        dialog = EraseDialog(preview, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        code = dialog.reason_code()
        ctx.tasks.run(lambda: service.erase(ws, participant_id=participant_id, reason_code=code), erased,
                      on_error=failed, owner=parent)

    ctx.tasks.run(lambda: service.preview(ws, participant_id), ask, on_error=failed, owner=parent)
