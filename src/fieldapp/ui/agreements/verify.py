"""“Check a PDF …”: is a file an untouched sealed copy of an agreement version this data folder knows?"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import message, translate

if TYPE_CHECKING:
    from fieldapp.services.agreement_documents import Verification


class PdfChecker(QObject):
    """`checked(ok, text)` once a file was checked; the answer is also shown in a message box."""

    checked = Signal(bool, str)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.box: QMessageBox | None = None

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.widget, translate("PdfCheck", "Check an agreement PDF"), "",
                                              translate("PdfCheck", "PDF (*.pdf)"))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        ws = self.ctx.ws
        # Imported here: the PDF and seal libraries are only loaded when a PDF is really checked.
        from fieldapp.services import agreement_documents as docs

        self.ctx.tasks.run(lambda: docs.verify_file(ws, path), lambda v: self._show(path, v),
                           on_error=lambda exc: self._failed(path, exc), owner=self)

    def _show(self, path: Path, result: Verification) -> None:
        title = translate("PdfCheck", "Untouched sealed copy") if result.ok else \
            translate("PdfCheck", "Not an untouched sealed copy")
        self._tell(result.ok, title, f"{path.name}\n\n{message(result.message)}")

    def _failed(self, path: Path, exc: BaseException) -> None:
        if not isinstance(exc, OSError):
            raise exc
        self._tell(False, translate("PdfCheck", "The file could not be read"),
                   f"{path.name}\n\n{exc.strerror or exc}")

    def _tell(self, ok: bool, title: str, text: str) -> None:
        icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
        self.box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.widget)
        self.box.setObjectName("pdf_check_result")
        self.box.open()
        self.checked.emit(ok, text)
