"""The period report as a spreadsheet (.xlsx): the same sections and chart numbers as the PDF, counts only."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font

from fieldapp.domain.outcomes.report import Report, nb_date


def render_report_xlsx(report: Report, *, made_on: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Rapport"
    bold = Font(bold=True)
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"Periode: {report.period}", f"Laget {nb_date(made_on)}"])
    sheet.append([f"Bare antall. Tall under {report.threshold} vises som «<{report.threshold}»."])
    for section in report.sections:
        sheet.append([])
        sheet.append([section.title])
        sheet.cell(sheet.max_row, 1).font = bold
        for label, cell in section.rows:
            # Counts as numbers (so the team leader can sum them); suppressed cells and measures as text.
            sheet.append([label, cell.count if cell.count is not None else cell.text])
        if section.chart is not None:
            sheet.append([section.chart.title])
            sheet.cell(sheet.max_row, 1).font = bold
            for label, value, shown in zip(section.chart.labels, section.chart.values, section.chart.shown):
                sheet.append([label, value if shown == str(value) else shown])
    sheet.column_dimensions["A"].width = 52
    sheet.column_dimensions["B"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
