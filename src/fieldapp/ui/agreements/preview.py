"""Preview of an agreement version's PDF inside the app (QtPdf), printing it (logged) and saving it as PDF.

A concluded version shows and prints its sealed copy; anything else a fresh render with its status.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.messages import DomainError
from fieldapp.services import agreement_documents as docs
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, label, message, translate
from fieldapp.ui.privacy.consent_warning import consent_gate
from fieldapp.ui.widgets.screen import close_on_escape, fit_to_screen
from fieldapp.ui.widgets.theme import warning_style



def render_page(document: QPdfDocument, page: int, width_px: int) -> QImage:
    """Page `page` as an opaque image `width_px` wide (QPdfDocument.render gives a transparent one)."""
    size = document.pagePointSize(page)
    height = round(width_px * size.height() / size.width()) if size.width() else round(width_px * 1.414)
    rendered = document.render(page, QSize(width_px, height))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


class PreviewWindow(QWidget):
    """Signals: `pdf_loaded(page_count)`, `printed()`, `saved(path)` once the event is logged or the file written."""

    pdf_loaded = Signal(int)
    printed = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, agreement_id: str, version_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.version_no = version_no
        self.result: docs.PdfResult | None = None
        self.setObjectName("agreement_preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("AgreementPreview", "Agreement preview"))
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #5f6368;")
        self.info = QLabel(translate("AgreementPreview", "Making the PDF …"))
        self.info.setObjectName("preview_info")
        self.info.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("preview_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        self.print_button = QPushButton(translate("AgreementPreview", "&Print …"))
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(lambda: consent_gate(self, self.ask_print))
        self.save_button = QPushButton(translate("AgreementPreview", "&Save as PDF …"))
        self.save_button.setObjectName("save_pdf_button")
        self.save_button.clicked.connect(lambda: consent_gate(self, self.ask_save))
        close = QPushButton(translate("AgreementPreview", "Close"))
        close.clicked.connect(self.close)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        fit_to_screen(self, QSize(900, 1000))
        close_on_escape(self)
        self.load()

    def load(self) -> None:
        ws, agreement_id, version_no, lang = self.ctx.ws, self.agreement_id, self.version_no, current_language()
        self.ctx.tasks.run(lambda: docs.render_pdf(ws, agreement_id, version_no=version_no, lang=lang,
                                                           log_access=True),
                           self._show, on_error=self._failed, owner=self)

    def _show(self, result: docs.PdfResult) -> None:
        self.result = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        sealed = translate("AgreementPreview", "sealed copy") if result.sealed else \
            translate("AgreementPreview", "not sealed")
        self.info.setText(translate("AgreementPreview", "Agreement %1, version %2 – %3, %4 – %n page(s)", None, pages)
                          .replace("%1", result.number).replace("%2", str(result.version_no))
                          .replace("%3", label(av.AGREEMENT_STATUSES, result.status).lower()).replace("%4", sealed))
        self.setWindowTitle(translate("AgreementPreview", "Agreement %1 – preview").replace("%1", result.number))
        for b in (self.print_button, self.save_button):
            b.setEnabled(pages > 0)
        self.pdf_loaded.emit(pages)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DomainError, OSError)):
            self.error.setText(message(exc) if isinstance(exc, DomainError) else
                               translate("AgreementPreview", "The file could not be written: %1")
                               .replace("%1", exc.strerror or str(exc)))
            self.error.show()
            return
        raise exc

    def page_image(self, page: int = 0, width_px: int = 800) -> QImage:
        return render_page(self.document, page, width_px)

    # --- printing ---------------------------------------------------------------------------------------
    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("AgreementPreview", "Print the agreement"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page into `printer` and log the printing (the print dialog chose the printer)."""
        if self.result is None:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.error.setText(translate("AgreementPreview", "The printer could not be started."))
            self.error.show()
            return
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                image = render_page(self.document, page, area.width())
                target = QRect(0, 0, area.width(), round(area.width() * image.height() / image.width()))
                if target.height() > area.height():
                    target = QRect(0, 0, round(area.height() * image.width() / image.height()), area.height())
                painter.drawImage(target, image)
        finally:
            painter.end()
        ws, result = self.ctx.ws, self.result
        name = printer.printerName() or printer.outputFileName()
        copies = printer.copyCount()
        self.ctx.tasks.run(lambda: docs.log_printed(ws, result.agreement_id, version_no=result.version_no,
                                                    copies=copies, printer=name, sha256=result.sha256),
                           lambda _: self.printed.emit(), on_error=self._failed, owner=self)

    # --- saving -----------------------------------------------------------------------------------------
    def ask_save(self) -> None:
        if self.result is None:
            return
        suggested = f"{self.result.number}-v{self.result.version_no}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, translate("AgreementPreview", "Save the agreement as PDF"),
                                              str(Path.home() / suggested), translate("AgreementPreview", "PDF (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        ws, agreement_id, version_no, lang = self.ctx.ws, self.agreement_id, self.version_no, current_language()
        self.ctx.tasks.run(lambda: docs.save_pdf(ws, agreement_id, path, version_no=version_no, lang=lang),
                           lambda _: self._saved(path), on_error=self._failed, owner=self)

    def _saved(self, path: Path) -> None:
        self.info.setText(translate("AgreementPreview", "Saved to %1").replace("%1", str(path)))
        self.saved.emit(str(path))
