"""Adding or changing a job lead in a participant's job search: employer, job, status, dates, where it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from fieldapp.domain import jobdev_vocab
from fieldapp.domain.jobdev_records import JobLead
from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.services import employers as employer_service
from fieldapp.services import job_search as service
from fieldapp.services import jobdev
from fieldapp.services.employers import EmployerChoice
from fieldapp.services.jobdev import OutreachRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, set_combo, term_combo, text_of
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit

# "Hired" is set by hiring, which also makes the placement; the form offers the other statuses.
_STATUSES = tuple(t for t in jobdev_vocab.LEAD_STATUSES if t.code != "hired")


class LeadDialog(RecordDialog):
    """Loads employers and the participant's employer contacts on the worker thread; `is_ready` after."""

    def __init__(self, ctx: AppContext, participant_id: str, lead: JobLead | None = None, *,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("LeadForm", "Edit job lead") if lead else translate("LeadForm", "New job lead"),
                         "lead_dialog", parent)
        self.original = lead or JobLead(participant_id=participant_id, employer_id="", job_title="",
                                        found_on=today or date.today())
        self.is_ready = False
        o = self.original
        f = self.form
        self.employer_id = f.add_field("employer_id", translate("LeadForm", "&Employer"), QComboBox())
        self.employer_id.setEditable(True)
        self.employer_id.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.job_title = f.add_field("job_title", translate("LeadForm", "&Job"), line(o.job_title, 200))
        self.status = f.add_field("status", translate("LeadForm", "S&tatus"), term_combo(_STATUSES, o.status))
        self.status.setEnabled(o.status != "hired")
        self.found_on = f.add_field("found_on", translate("LeadForm", "&Found"), OptionalDateEdit(o.found_on))
        self.applied_on = f.add_field("applied_on", translate("LeadForm", "&Applied"), OptionalDateEdit(o.applied_on))
        self.interview_on = f.add_field("interview_on", translate("LeadForm", "&Interview"),
                                        OptionalDateEdit(o.interview_on))
        self.outreach_id = f.add_field("outreach_id", translate("LeadForm", "From employer &contact"), QComboBox())
        self.notes = f.add_field("notes", translate("LeadForm", "N&otes"), notes_edit(o.notes))
        self.finish_layout()
        self.save_button.setEnabled(False)
        ws = ctx.ws

        def load() -> tuple[list[EmployerChoice], list[OutreachRow]]:
            return employer_service.employer_choices(ws), jobdev.list_outreach(ws, participant_id=participant_id)

        ctx.tasks.run(load, self._loaded, owner=self)

    def _loaded(self, result: tuple[list[EmployerChoice], list[OutreachRow]]) -> None:
        employers, contacts = result
        self.employer_id.addItem(translate("LeadForm", "Choose employer …"), "")
        for choice in employers:
            self.employer_id.addItem(choice.name, choice.id)
        set_combo(self.employer_id, self.original.employer_id)
        self.outreach_id.addItem(translate("LeadForm", "None"), None)
        for row in contacts:
            self.outreach_id.addItem(f"{fmt_date(row.contact_date)} {row.employer_name}", row.id)
        set_combo(self.outreach_id, self.original.outreach_id)
        self.outreach_id.currentIndexChanged.connect(self._from_contact)
        self.contacts = {row.id: row for row in contacts}
        self.save_button.setEnabled(True)
        self.is_ready = True

    def _from_contact(self, *_: object) -> None:
        """A lead from an employer contact is at that employer, unless one is already chosen."""
        row = self.contacts.get(self.outreach_id.currentData())
        if row is not None and not self.employer_id.currentData():
            set_combo(self.employer_id, row.employer_id)

    def record(self) -> JobLead:
        return replace(self.original, employer_id=self.employer_id.currentData() or "", job_title=self.job_title.text(),
                       status=self.status.currentData() if self.original.status != "hired" else "hired",
                       found_on=self.found_on.value(), applied_on=self.applied_on.value(),
                       interview_on=self.interview_on.value(), outreach_id=self.outreach_id.currentData(),
                       notes=text_of(self.notes))

    def store(self) -> Callable[[], JobLead]:
        record = self.record()
        if not record.employer_id:
            text = translate("LeadForm", "Choose the employer.")
            raise ValidationFailed([FieldError("employer_id", Message("employer.required", text, text))])
        ws = self.ctx.ws
        return lambda: service.save_lead(ws, record)
