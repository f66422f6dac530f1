"""Overdue follow-ups as a table model."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.names import name_sort_key
from fieldapp.services.today import OverdueRow
from fieldapp.ui.formatting import days_overdue_text, fmt_date
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import RIGHT, Column, RowTableModel


def _job(row: OverdueRow) -> str:
    return f"{row.job_title}, {row.employer_name}" if row.employer_name else ""


def _last_visit(row: OverdueRow) -> str:
    last = fmt_date(row.last_visit) or translate("OverdueTable", "None")
    if row.draft_started is None:
        return last
    return translate("OverdueTable", "%1, draft from %2").replace("%1", last).replace("%2", fmt_date(row.draft_started))


def overdue_columns() -> tuple[Column[OverdueRow], ...]:
    return (
        Column(translate("OverdueTable", "Participant"), lambda r: r.participant_name,
               sort_key=lambda r: name_sort_key(r.participant_name)),
        Column(translate("OverdueTable", "Job"), _job, sort_key=lambda r: name_sort_key(_job(r))),
        Column(translate("OverdueTable", "Last visit"), _last_visit,
               sort_key=lambda r: r.last_visit),
        Column(translate("OverdueTable", "Due"), lambda r: fmt_date(r.due), sort_key=lambda r: r.due, warning=lambda r: True),
        Column(translate("OverdueTable", "Overdue by"), lambda r: days_overdue_text(r.days_overdue),
               sort_key=lambda r: r.days_overdue, align=RIGHT, warning=lambda r: True),
    )


class OverdueTableModel(RowTableModel[OverdueRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(overdue_columns(), parent)
