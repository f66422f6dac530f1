"""Table columns for job development: employer contacts, job leads and participants waiting before a job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain import jobdev_vocab
from fieldapp.domain.names import name_sort_key
from fieldapp.ui.formatting import days_overdue_text, fmt_date
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.phases import phase_name, short_phase
from fieldapp.ui.models.table import RIGHT, Column

if TYPE_CHECKING:  # Today's first paint uses these columns before the storage layer is loaded
    from fieldapp.services.job_search import LeadRow
    from fieldapp.services.jobdev import OutreachRow, WeekOfOutreach
    from fieldapp.services.pre_job import PreJobRow


def _for_whom(row: OutreachRow) -> str:
    return ", ".join(row.participant_names) or translate("OutreachTable", "General")


def _next_step(row: OutreachRow) -> str:
    if not row.next_step and not row.next_step_date:
        return ""
    return " – ".join(x for x in (fmt_date(row.next_step_date), row.next_step or "") if x)


def outreach_columns(*, employer: bool = True) -> tuple[Column[OutreachRow], ...]:
    """The contact log's columns; the employer's own page leaves out the employer."""
    columns: list[Column[OutreachRow]] = [
        Column(translate("OutreachTable", "Date"), lambda r: fmt_date(r.contact_date), sort_key=lambda r: r.contact_date)]
    if employer:
        columns.append(Column(translate("OutreachTable", "Employer"), lambda r: r.employer_name,
                              sort_key=lambda r: name_sort_key(r.employer_name)))
    columns += [
        Column(translate("OutreachTable", "Kind"), lambda r: label(jobdev_vocab.EMPLOYER_CONTACT_KINDS, r.kind)),
        Column(translate("OutreachTable", "Contact person"), lambda r: r.contact_person or ""),
        Column(translate("OutreachTable", "For"), _for_whom),
        Column(translate("OutreachTable", "Asked for"), lambda r: r.asked_for or ""),
        Column(translate("OutreachTable", "Outcome"), lambda r: r.outcome or ""),
        Column(translate("OutreachTable", "Next step"), _next_step, sort_key=lambda r: r.next_step_date),
        Column(translate("OutreachTable", "Made by"), lambda r: r.made_by),
    ]
    return tuple(columns)


def next_step_columns() -> tuple[Column[OutreachRow], ...]:
    return (
        Column(translate("OutreachTable", "By"), lambda r: fmt_date(r.next_step_date), sort_key=lambda r: r.next_step_date),
        Column(translate("OutreachTable", "Employer"), lambda r: r.employer_name,
               sort_key=lambda r: name_sort_key(r.employer_name)),
        Column(translate("OutreachTable", "Next step"), lambda r: r.next_step or ""),
        Column(translate("OutreachTable", "For"), _for_whom),
    )


def lead_columns() -> tuple[Column[LeadRow], ...]:
    return (
        Column(translate("LeadTable", "Job"), lambda r: r.lead.job_title, sort_key=lambda r: name_sort_key(r.lead.job_title)),
        Column(translate("LeadTable", "Employer"), lambda r: r.employer_name, sort_key=lambda r: name_sort_key(r.employer_name)),
        Column(translate("LeadTable", "Status"), lambda r: label(jobdev_vocab.LEAD_STATUSES, r.lead.status)),
        Column(translate("LeadTable", "Found"), lambda r: fmt_date(r.lead.found_on), sort_key=lambda r: r.lead.found_on),
        Column(translate("LeadTable", "Applied"), lambda r: fmt_date(r.lead.applied_on), sort_key=lambda r: r.lead.applied_on),
        Column(translate("LeadTable", "Interview"), lambda r: fmt_date(r.lead.interview_on),
               sort_key=lambda r: r.lead.interview_on),
        Column(translate("LeadTable", "Decided"), lambda r: fmt_date(r.lead.decided_on), sort_key=lambda r: r.lead.decided_on),
        Column(translate("LeadTable", "Notes"), lambda r: r.lead.notes or ""),
    )


def _waiting(row: PreJobRow) -> str:
    days = row.days_without_employer_contact
    return "" if days is None else translate("PreJobTable", "%n day(s)", None, days)


def pre_job_columns() -> tuple[Column[PreJobRow], ...]:
    return (
        Column(translate("PreJobTable", "Participant"), lambda r: r.participant_name,
               sort_key=lambda r: name_sort_key(r.participant_name)),
        Column(translate("PreJobTable", "Phase"), lambda r: short_phase(r.phase),
               tooltip=lambda r: phase_name(r.phase)),
        Column(translate("PreJobTable", "Last visit"),
               lambda r: fmt_date(r.last_visit) or translate("PreJobTable", "None"), sort_key=lambda r: r.last_visit),
        Column(translate("PreJobTable", "Due"), lambda r: fmt_date(r.due), sort_key=lambda r: r.due,
               warning=lambda r: r.overdue),
        Column(translate("PreJobTable", "Overdue by"), lambda r: days_overdue_text(r.days_overdue),
               sort_key=lambda r: r.days_overdue, align=RIGHT, warning=lambda r: r.overdue),
        Column(translate("PreJobTable", "No employer contact for"), _waiting,
               tooltip=lambda r: _waiting(r) and translate("PreJobTable", "Days since referral without an employer contact"),
               sort_key=lambda r: r.days_without_employer_contact, align=RIGHT,
               warning=lambda r: (r.days_without_employer_contact or 0) > 30),
    )


def week_text(week: WeekOfOutreach) -> str:
    return (translate("JobDevelopment", "Employer contacts this week: %1 of %2")
            .replace("%1", str(week.count)).replace("%2", str(week.target)))
