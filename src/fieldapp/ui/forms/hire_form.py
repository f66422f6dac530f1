"""Hiring from a job lead: the agreed terms of the job, from which the placement is created."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.records import Placement
from fieldapp.services import employers as employer_service
from fieldapp.services import job_search as service
from fieldapp.services.employers import EmployerDetail
from fieldapp.services.job_search import Hired, LeadRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, term_combo, text_of
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.widgets.dates import OptionalDateEdit


def _spin(maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSuffix(suffix)
    spin.setSpecialValueText("–")  # 0 means "not agreed yet"
    return spin


class HireDialog(RecordDialog):
    """`saved(Hired)` once the lead is hired and the placement made."""

    def __init__(self, ctx: AppContext, row: LeadRow, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("HireForm", "Hire: %1 at %2").replace("%1", row.lead.job_title)
                         .replace("%2", row.employer_name), "hire_dialog", parent)
        self.row, self.today = row, today
        f = self.form
        f.addRow(section(translate("HireForm", "The agreed terms (they make the placement)")))
        self.job_title = f.add_field("job_title", translate("HireForm", "&Job title"), line(row.lead.job_title, 200))
        self.contact_id = f.add_field("contact_id", translate("HireForm", "Nearest &manager"), QComboBox())
        self.contact_id.addItem(translate("HireForm", "No contact person"), None)
        self.start_date = f.add_field("start_date", translate("HireForm", "Star&t"), OptionalDateEdit())
        self.percentage = f.add_field("percentage", translate("HireForm", "&Percentage of full time"), _spin(100, " %"))
        self.days_per_week = f.add_field("days_per_week", translate("HireForm", "&Days per week"), _spin(7, ""))
        self.working_hours = f.add_field("working_hours", translate("HireForm", "&Working hours"), line())
        self.employment_form = f.add_field("employment_form", translate("HireForm", "Employment &form"),
                                           term_combo(vocab.EMPLOYMENT_FORMS))
        self.tasks = f.add_field("tasks", translate("HireForm", "T&asks"), notes_edit(lines=2))
        self.finish_layout()
        ws, employer_id = ctx.ws, row.lead.employer_id
        ctx.tasks.run(lambda: employer_service.employer_detail(ws, employer_id), self._contacts, owner=self)

    def _contacts(self, detail: EmployerDetail | None) -> None:
        for contact in detail.contacts if detail else ():
            self.contact_id.addItem(f"{contact.name} ({label(vocab.CONTACT_ROLES, contact.role)})", contact.id)
        if self.contact_id.count() > 1:
            self.contact_id.setCurrentIndex(1)

    def terms(self) -> Placement:
        return Placement(participant_id=self.row.lead.participant_id, employer_id=self.row.lead.employer_id,
                         job_title=self.job_title.text(), contact_id=self.contact_id.currentData(),
                         start_date=self.start_date.value(), percentage=self.percentage.value() or None,
                         days_per_week=self.days_per_week.value() or None, working_hours=self.working_hours.text(),
                         employment_form=self.employment_form.currentData(), tasks=text_of(self.tasks))

    def store(self) -> Callable[[], Hired]:
        ws, lead_id, terms, today = self.ctx.ws, self.row.lead.id, self.terms(), self.today
        return lambda: service.hire(ws, lead_id, terms, on=today)
