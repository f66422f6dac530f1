"""Page layout of agreement PDFs: A4 frame, paragraph and table styles, header, footer and "Side x av y"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from xml.sax.saxutils import escape

from fieldapp.documents.fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#1d2530")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c9d0d9")
SHADE = colors.HexColor("#eef2f6")
MARK = colors.HexColor("#e4e7eb")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle


def make_styles() -> Styles:
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT,
                             spaceAfter=1 * mm),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, textColor=MUTED, spaceAfter=4 * mm),
        heading=ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=11.5, leading=15, textColor=ACCENT,
                               spaceBefore=3.5 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.8, leading=11.5),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=8.3, leading=11, textColor=ACCENT),
        label=ParagraphStyle("label", parent=body, fontSize=8.8, leading=11.5, textColor=MUTED),
    )


def text(value: object) -> str:
    """Escape user text for a Paragraph (which reads a small XML markup) and keep its line breaks."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], st: Styles) -> Table:
    """A table with a shaded header row that repeats on every page and thin horizontal rules."""
    data = [[Paragraph(text(h), st.cell_head) for h in header]]
    data += [[c if not isinstance(c, str) else Paragraph(c, st.cell) for c in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    return table


def field_table(pairs: Sequence[tuple[str, str]], st: Styles, *, label_width: float = 52 * mm) -> Table:
    """Label / value rows (the job, the duration): labels muted on the left, values as written."""
    data = [[Paragraph(text(k), st.label), Paragraph(v, st.cell)] for k, v in pairs]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


@dataclass(frozen=True)
class PageDecor:
    """What every page carries: a running header (from page 2), the footer with fingerprint and page x of y."""

    header: str
    footer_left: str
    page_words: str  # e.g. "Side {page} av {pages}"


def canvas_class(decor: PageDecor) -> type[Canvas]:
    """A canvas that holds pages back until the end, so every footer can say how many pages there are."""

    class DecoratedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this every page starts in unembedded Helvetica, which PDF/A and some printers reject.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9.5
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            if page > 1:
                self.setFont(REGULAR, 8)
                self.setFillColor(MUTED)
                self.drawString(MARGIN_X, PAGE_HEIGHT - 12 * mm, decor.header)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN_X, PAGE_HEIGHT - 13.5 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 13.5 * mm)
            y = 12 * mm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 4.5 * mm, PAGE_WIDTH - MARGIN_X, y + 4.5 * mm)
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, decor.footer_left)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, y, decor.page_words.format(page=page, pages=total))
            self.restoreState()

    return DecoratedCanvas


def draw_watermark(canvas: Canvas, word: str) -> None:
    """A pale diagonal word behind the content (drafts, annulled agreements): called before the page's flowables."""
    canvas.saveState()
    canvas.setFillColor(MARK)
    canvas.setFont(BOLD, 80)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -25, word)
    canvas.restoreState()
