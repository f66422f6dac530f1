"""Table models for the employer detail panel: contact persons and the placements there."""

from __future__ import annotations

from fieldapp.domain import vocab
from fieldapp.domain.records import EmployerContact
from fieldapp.services.employers import EmployerPlacementRow
from fieldapp.services.participants import name_sort_key
from fieldapp.ui.formatting import fmt_date, fmt_phone
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import Column



def contact_columns() -> tuple[Column[EmployerContact], ...]:
    return (
        Column(translate("EmployerDetailTables", "Name"), lambda c: c.name, sort_key=lambda c: name_sort_key(c.name)),
        Column(translate("EmployerDetailTables", "Role"), lambda c: label(vocab.CONTACT_ROLES, c.role)),
        Column(translate("EmployerDetailTables", "Phone"), lambda c: fmt_phone(c.phone)),
        Column(translate("EmployerDetailTables", "E-mail"), lambda c: c.email or ""),
    )


def placement_columns() -> tuple[Column[EmployerPlacementRow], ...]:
    return (
        Column(translate("EmployerDetailTables", "Participant"), lambda p: p.participant_name,
               sort_key=lambda p: name_sort_key(p.participant_name)),
        Column(translate("EmployerDetailTables", "Job title"), lambda p: p.job_title),
        Column(translate("EmployerDetailTables", "Status"), lambda p: label(vocab.PLACEMENT_STATUSES, p.status)),
        Column(translate("EmployerDetailTables", "Start"), lambda p: fmt_date(p.start_date), sort_key=lambda p: p.start_date),
        Column(translate("EmployerDetailTables", "End"), lambda p: fmt_date(p.end_date), sort_key=lambda p: p.end_date),
        Column(translate("EmployerDetailTables", "Contact person"), lambda p: p.contact_name or ""),
    )
