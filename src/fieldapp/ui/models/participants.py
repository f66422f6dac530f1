"""The participant list as a table model."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import vocab
from fieldapp.services.participants import ParticipantRow, name_sort_key
from fieldapp.ui.formatting import days_overdue_text, fmt_date, fmt_datetime, fmt_fodselsnummer
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.models.phases import phase_name, short_phase


def _follow_up(row: ParticipantRow) -> str:
    if row.overdue:
        return translate("ParticipantTable", "Overdue")
    return translate("ParticipantTable", "On track") if row.next_visit_due else ""


def _follow_up_tip(row: ParticipantRow) -> str:
    if row.next_visit_due is None:
        return translate("ParticipantTable", "No follow-up rhythm (ended, or no visit or referral date yet).")
    if row.overdue:
        return translate("ParticipantTable", "The next visit was due by %1 (%2).").replace(
            "%1", fmt_date(row.next_visit_due)).replace("%2", days_overdue_text(row.days_overdue))
    return translate("ParticipantTable", "The next visit should be by %1.").replace("%1", fmt_date(row.next_visit_due))


def _employer_tip(row: ParticipantRow) -> str:
    if not row.employer_name:
        return translate("ParticipantTable", "No current job")
    return translate("ParticipantTable", "%1 at %2").replace("%1", row.job_title or "").replace("%2", row.employer_name)


def columns() -> tuple[Column[ParticipantRow], ...]:
    return (
        Column(translate("ParticipantTable", "Name"), lambda r: f"{r.last_name}, {r.first_name}",
               sort_key=lambda r: (name_sort_key(r.last_name), name_sort_key(r.first_name))),
        Column(translate("ParticipantTable", "National ID"), lambda r: fmt_fodselsnummer(r.fodselsnummer),
               sort_key=lambda r: r.fodselsnummer),
        Column(translate("ParticipantTable", "Status"), lambda r: label(vocab.PARTICIPANT_STATUSES, r.status)),
        Column(translate("ParticipantTable", "Job specialist"), lambda r: r.specialist_name or "",
               sort_key=lambda r: name_sort_key(r.specialist_name) if r.specialist_name else None),
        Column(translate("ParticipantTable", "Method"), lambda r: label(vocab.METHODS, r.method)),
        Column(translate("ParticipantTable", "Phase"), lambda r: short_phase(r.phase),
               tooltip=lambda r: phase_name(r.phase)),
        Column(translate("ParticipantTable", "Employer"), lambda r: r.employer_name or "", tooltip=_employer_tip,
               sort_key=lambda r: name_sort_key(r.employer_name) if r.employer_name else None),
        Column(translate("ParticipantTable", "Last visit"), lambda r: fmt_date(r.last_visit), sort_key=lambda r: r.last_visit),
        Column(translate("ParticipantTable", "Next planned"), lambda r: fmt_datetime(r.next_planned_visit),
               sort_key=lambda r: r.next_planned_visit),
        Column(translate("ParticipantTable", "Visit due by"), lambda r: fmt_date(r.next_visit_due), sort_key=lambda r: r.next_visit_due,
               tooltip=_follow_up_tip, warning=lambda r: r.overdue),
        Column(translate("ParticipantTable", "Follow-up"), _follow_up, tooltip=_follow_up_tip, warning=lambda r: r.overdue,
               sort_key=lambda r: (not r.overdue, -r.days_overdue) if r.next_visit_due else None),
    )


class ParticipantTableModel(RowTableModel[ParticipantRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(columns(), parent)
