"""The period report as PDF: one table per section and reportlab's own bar charts (no Qt)."""

from __future__ import annotations

import io
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldapp.documents.fonts import BOLD, REGULAR, register_fonts
from fieldapp.domain.outcomes.report import Chart, Report, Section, nb_date

BAR_COLOUR = colors.HexColor("#2f6f8f")


def _chart(chart: Chart) -> Drawing:
    width, height = 160 * mm, 55 * mm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, chart.title, fontName=BOLD, fontSize=9))
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 30, 22, width - 40, height - 45
    bars.data = [list(chart.values) or [0]]
    bars.categoryAxis.categoryNames = list(chart.labels) or [""]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max([*chart.values, 5]) * 1.2
    bars.bars[0].fillColor = BAR_COLOUR
    bars.barLabels.fontName = REGULAR
    bars.barLabels.fontSize = 7
    bars.barLabels.nudge = 6
    # The labels say "<5" where the bar is suppressed, so a missing bar is never read as zero.
    bars.barLabelArray = [list(chart.shown) or [""]]
    bars.barLabelFormat = "%s"
    drawing.add(bars)
    return drawing


def _section(section: Section, body: ParagraphStyle, heading: ParagraphStyle) -> list:
    rows = [[Paragraph(label, body), Paragraph(cell.text, body)] for label, cell in section.rows]
    table = Table(rows, colWidths=(95 * mm, 70 * mm))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    parts: list = [Paragraph(section.title, heading), table]
    if section.note:
        parts.append(Paragraph(section.note, body))
    if section.chart is not None and section.chart.labels:
        parts += [Spacer(1, 3 * mm), _chart(section.chart)]
    return [KeepTogether(parts), Spacer(1, 5 * mm)]


def render_report_pdf(report: Report, *, made_on: date) -> bytes:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
    heading = ParagraphStyle("h2", fontName=BOLD, fontSize=12, leading=16, spaceAfter=4)
    title = ParagraphStyle("h1", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=report.title, author="Fieldapp",
                            leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm)
    story: list = [
        Paragraph(report.title, title),
        Paragraph(f"Periode: {report.period}. Laget {nb_date(made_on)}.", body),
        Paragraph(f"Bare antall: ingen navn eller fødselsnummer. Tall under {report.threshold} vises som "
                  f"«&lt;{report.threshold}», så ingen enkeltperson kan kjennes igjen.", body),
        Spacer(1, 6 * mm),
    ]
    for section in report.sections:
        story += _section(section, body, heading)
    doc.build(story)
    return out.getvalue()
