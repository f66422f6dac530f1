"""When the data folder cannot be opened: restore its newest sound backup, or make a folder that is not there."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from fieldapp.ui.i18n import current_language, translate
from fieldapp.ui.tasks import TaskManager

if TYPE_CHECKING:  # the storage layer loads only when the dialog is needed
    from fieldapp.services.recovery import BackupState, Restored

# The open failures a backup can mend (codes of the DomainErrors raised by opening a folder).
RESTORABLE = ("database_missing", "database_unreadable")


def ask_create_folder(parent: QWidget | None, data_dir: Path) -> bool:
    """True when the user wants a new, empty data folder made where none is (a typo in --data-dir must not)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("RestoreDialog", "No data folder here"),
                      translate("RestoreDialog", "There is no Fieldapp data folder at %1.").replace("%1", str(data_dir)),
                      parent=parent)
    box.setObjectName("ask_create_folder")
    box.setInformativeText(translate(
        "RestoreDialog", "Check the path if you meant an existing folder. Make a new, empty data folder there?"))
    create = box.addButton(translate("RestoreDialog", "Make a new folder"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("RestoreDialog", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(create)
    box.exec()
    return box.clickedButton() is create


class RestoreDialog(QDialog):
    """Says why the folder cannot be opened and offers its newest sound backup; `restored` tells what was done.
    Checking the backups and restoring run on the database worker (`tasks`): a large file takes seconds."""

    def __init__(self, data_dir: Path, problem: str, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(translate("RestoreDialog", "The data folder is damaged"))
        self.data_dir = data_dir
        self.tasks = tasks
        self.backup: Path | None = None
        self.restored: str | None = None
        layout = QVBoxLayout(self)
        reason = QLabel(problem)
        reason.setObjectName("problem")
        reason.setWordWrap(True)
        layout.addWidget(reason)
        self.offer = QLabel(translate("RestoreDialog", "Checking the backups …"))
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(translate("RestoreDialog", "Restore this backup"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(False)
        quit_button = buttons.addButton(translate("RestoreDialog", "Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quit")
        self.restore_button.clicked.connect(self.restore)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        from fieldapp.services.recovery import backup_states

        tasks.run(lambda: backup_states(data_dir), self._show_backups, on_error=self._failed, owner=self)

    def _show_backups(self, states: list[BackupState]) -> None:
        self.backup = next((b.path for b in states if b.sound), None)
        if self.backup is None:
            self.offer.setText(translate("RestoreDialog", "No sound backup was found in %1. Put back a copy of the "
                                                          "whole data folder if you have one.")
                               .replace("%1", str(self.data_dir / "backups")))
            return
        made = datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%d.%m.%Y %H:%M")
        self.offer.setText(translate("RestoreDialog", "The newest sound backup is %1, made %2. Restoring it keeps "
                                                      "the damaged file aside; changes made after the backup are "
                                                      "not in it.").replace("%1", self.backup.name)
                           .replace("%2", made))
        self.restore_button.setEnabled(True)

    def restore(self) -> None:
        from fieldapp.services.recovery import restore

        if self.backup is None:
            return
        data_dir, backup = self.data_dir, self.backup
        self.restore_button.setEnabled(False)
        self.offer.setText(translate("RestoreDialog", "Restoring …"))
        self.tasks.run(lambda: restore(data_dir, backup=backup), self._restored, on_error=self._failed, owner=self)

    def _restored(self, done: Restored) -> None:
        self.restored = str(done.backup)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from fieldapp.domain.messages import DomainError

        if not isinstance(exc, DomainError):
            raise exc
        self.offer.setText(exc.text(current_language()))
        self.restore_button.setEnabled(False)
