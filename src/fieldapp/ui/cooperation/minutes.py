"""Saving a meeting's minutes as PDF: the consent check first (a warning with a choice), then the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldapp.domain.messages import DomainError, Message
from fieldapp.services import cooperation as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import message, translate


def _ask_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Minutes", "Save the minutes as PDF"),
                                          str(Path.home() / suggested), translate("Minutes", "PDF (*.pdf)"))
    return Path(path) if path else None


class MinutesExport(QObject):
    """`start()` checks consent, asks where to save (`choose_path`, a file dialog by default) and writes the PDF.

    Signals: `saved(str)` with the path, `failed(str)` with a message for the user. The warning box is kept as
    `box` while it is open."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, meeting_id: str, suggested_name: str, parent: QWidget,
                 choose_path: Callable[[], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.parent_widget = parent
        self.choose_path = choose_path or (lambda: _ask_path(parent, suggested_name))
        self.box: QMessageBox | None = None

    def start(self) -> None:
        ws, meeting_id = self.ctx.ws, self.meeting_id
        self.ctx.tasks.run(lambda: service.minutes_warning(ws, meeting_id), self._decide, on_error=self._failed,
                           owner=self.parent_widget)

    def _decide(self, warning: Message | None) -> None:
        if warning is None:
            self._write()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Minutes", "Consent to share with the attendees"),
                          message(warning), QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setObjectName("minutes_consent_warning")
        go_on = box.addButton(translate("Minutes", "&Continue anyway"), QMessageBox.ButtonRole.AcceptRole)
        go_on.setObjectName("minutes_continue")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(translate("Minutes", "Cancel"))
        box.setDefaultButton(cancel)
        box.accepted.connect(self._write)
        self.box = box
        box.open()

    def _write(self) -> None:
        path = self.choose_path()
        if path is None:
            return
        ws, meeting_id = self.ctx.ws, self.meeting_id
        self.ctx.tasks.run(lambda: service.save_minutes(ws, meeting_id, path), lambda p: self.saved.emit(str(p)),
                           on_error=self._failed, owner=self.parent_widget)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.failed.emit(message(exc))
