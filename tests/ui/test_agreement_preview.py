"""The agreement preview: QtPdf shows the rendered PDF; printing into a QPrinter logs "printed"; Save as PDF."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from fieldapp.services import agreement_documents as docs
from fieldapp.services import agreement_editing as editing
from fieldapp.ui.agreements.preview import PreviewWindow
from tests.ui.agreement_helpers import concluded_agreement


def _ink(image) -> int:
    """Pixels that are not white, sampled on a grid."""
    white = QColor("white").rgb()
    return sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixel(x, y) != white)


def _preview(qtbot, ctx, agreement_id: str) -> PreviewWindow:
    window = PreviewWindow(ctx, agreement_id, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.document.pageCount() > 0, timeout=20_000)
    return window


def test_preview_shows_pages_and_prints_with_a_logged_event(qtbot, ctx, tmp_path: Path):
    agreement_id, _ = concluded_agreement(ctx.ws)
    window = _preview(qtbot, ctx, agreement_id)
    assert window.result is not None and window.result.sealed  # a concluded version shows its sealed copy
    assert window.print_button.isEnabled()
    image = window.page_image(0, 600)
    assert image.width() == 600 and image.height() > 800
    assert _ink(image) > 500  # text, lines and the header: not a blank page

    out = tmp_path / "utskrift.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(window.printed, timeout=20_000):
        window.print_to(printer)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
    events = [e for e in editing.load(ctx.ws, agreement_id).events if e.kind == "printed"]
    assert len(events) == 1
    details = json.loads(events[0].details or "{}")
    assert details["sha256"] == window.result.sha256 and details["printer"] == str(out)


def test_save_as_pdf_writes_the_sealed_copy(qtbot, ctx, tmp_path: Path):
    agreement_id, _ = concluded_agreement(ctx.ws)
    window = _preview(qtbot, ctx, agreement_id)
    out = tmp_path / "avtale.pdf"
    with qtbot.waitSignal(window.saved, timeout=20_000):
        window.save_to(out)
    assert docs.verify_file(ctx.ws, out).ok
    assert "pdf_made" in [e.kind for e in editing.load(ctx.ws, agreement_id).events]
