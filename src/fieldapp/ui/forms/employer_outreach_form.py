"""Logging an employer contact: when, which employer (or a new one), kind, for whom, what was asked, next step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from fieldapp.domain import jobdev_vocab
from fieldapp.domain.jobdev_records import EmployerOutreach
from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.records import Employer
from fieldapp.services import employers as employer_service
from fieldapp.services import jobdev as service
from fieldapp.services.employers import EmployerChoice
from fieldapp.services.jobdev import ParticipantChoice
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, set_combo, term_combo, text_of
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit, date_edit

NEW_EMPLOYER = "__new__"


class ParticipantPicker(QWidget):
    """Checkboxes for the participants a contact is made for, with a filter field for long caseloads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("participant_filter")
        self.filter.setPlaceholderText(translate("OutreachForm", "Find a participant …"))
        self.filter.setAccessibleName(translate("OutreachForm", "Find a participant"))
        self.filter.textChanged.connect(self._filter)
        self.boxes: dict[str, QCheckBox] = {}
        self._inner = QWidget()
        self._inner_layout = QVBoxLayout(self._inner)
        self._inner_layout.setContentsMargins(4, 2, 4, 2)
        self._inner_layout.setSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        scroll.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(scroll)

    def set_choices(self, choices: Sequence[ParticipantChoice], checked: Sequence[str] = ()) -> None:
        for choice in choices:
            box = QCheckBox(choice.name)
            box.setObjectName(f"for_{choice.id}")
            box.setChecked(choice.id in checked)
            self.boxes[choice.id] = box
            self._inner_layout.addWidget(box)
        self._inner_layout.addStretch(1)

    def check(self, participant_ids: Sequence[str]) -> None:
        for pid in participant_ids:
            if pid in self.boxes:
                self.boxes[pid].setChecked(True)

    def chosen(self) -> list[str]:
        return [pid for pid, box in self.boxes.items() if box.isChecked()]

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for box in self.boxes.values():
            name = box.text().casefold()
            box.setVisible(all(w in name for w in words))


class OutreachDialog(RecordDialog):
    """Loads employers and participants on the worker thread; `is_ready` after. `for_participants` pre-checks
    participants (logging from a participant's page)."""

    def __init__(self, ctx: AppContext, outreach: EmployerOutreach | None = None, *,
                 for_participants: Sequence[str] = (), employer_id: str | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        title = (translate("OutreachForm", "Edit employer contact") if outreach
                 else translate("OutreachForm", "Log employer contact"))
        super().__init__(ctx, title, "outreach_dialog", parent)
        self.original = outreach or EmployerOutreach(employer_id=employer_id or "",
                                                     contact_date=today or date.today())
        self.is_ready = False
        o = self.original
        f = self.form
        f.addRow(section(translate("OutreachForm", "The contact")))
        self.contact_date = f.add_field("contact_date", translate("OutreachForm", "&Date"), date_edit(o.contact_date))
        self.employer_id = f.add_field("employer_id", translate("OutreachForm", "&Employer"), QComboBox())
        self.employer_id.setEditable(True)  # type to find among many employers
        self.employer_id.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.new_name = f.add_field("employer.name", translate("OutreachForm", "New employer's na&me"), line(None, 200))
        self.new_orgnr = f.add_field("employer.orgnr", translate("OutreachForm", "&Organisation number"), line(None, 14))
        self.new_orgnr.setPlaceholderText(translate("OutreachForm", "9 digits"))
        self.contact_person = f.add_field("contact_person", translate("OutreachForm", "Contact &person"),
                                          line(o.contact_person, 200))
        self.kind = f.add_field("kind", translate("OutreachForm", "&Kind"),
                                term_combo(jobdev_vocab.EMPLOYER_CONTACT_KINDS, o.kind))
        self.participants = f.add_field("participants", translate("OutreachForm", "For &whom"), ParticipantPicker())
        self.participants.setToolTip(translate("OutreachForm", "Tick no one for a general contact"))
        f.addRow(section(translate("OutreachForm", "Content and next step")))
        self.asked_for = f.add_field("asked_for", translate("OutreachForm", "&Asked for"), notes_edit(o.asked_for, 2))
        self.outcome = f.add_field("outcome", translate("OutreachForm", "O&utcome"), notes_edit(o.outcome, 2))
        self.next_step = f.add_field("next_step", translate("OutreachForm", "&Next step"), line(o.next_step))
        self.next_step_date = f.add_field("next_step_date", translate("OutreachForm", "Next step &by"),
                                          OptionalDateEdit(o.next_step_date))
        self.finish_layout()
        self.setMinimumWidth(620)
        self._show_new_employer(False)
        self.employer_id.currentIndexChanged.connect(
            lambda *_: self._show_new_employer(self.employer_id.currentData() == NEW_EMPLOYER))
        self.save_button.setEnabled(False)
        ws, outreach_id, preset = ctx.ws, (outreach.id if outreach else ""), tuple(for_participants)

        def load() -> tuple[list[EmployerChoice], list[ParticipantChoice], tuple[str, ...]]:
            linked = service.outreach_participants(ws, outreach_id) if outreach_id else preset
            return employer_service.employer_choices(ws), service.participant_choices(ws), linked

        ctx.tasks.run(load, self._loaded, owner=self)

    def _show_new_employer(self, shown: bool) -> None:
        for widget in (self.new_name, self.new_orgnr):
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)

    def _loaded(self, result: tuple[list[EmployerChoice], list[ParticipantChoice], tuple[str, ...]]) -> None:
        employers, people, linked = result
        self.employer_id.blockSignals(True)
        self.employer_id.addItem(translate("OutreachForm", "Choose employer …"), "")
        self.employer_id.addItem(translate("OutreachForm", "New employer …"), NEW_EMPLOYER)
        for choice in employers:
            self.employer_id.addItem(choice.name, choice.id)
        set_combo(self.employer_id, self.original.employer_id)
        self.employer_id.blockSignals(False)
        self.participants.set_choices(people, linked)
        self.save_button.setEnabled(True)
        self.is_ready = True

    def record(self) -> EmployerOutreach:
        chosen = self.employer_id.currentData() or ""
        qdate = self.contact_date.date()
        return replace(self.original, employer_id="" if chosen == NEW_EMPLOYER else chosen,
                       contact_date=date(qdate.year(), qdate.month(), qdate.day()),
                       contact_person=self.contact_person.text(), kind=self.kind.currentData(),
                       asked_for=text_of(self.asked_for), outcome=text_of(self.outcome),
                       next_step=self.next_step.text(), next_step_date=self.next_step_date.value())

    def store(self) -> Callable[[], EmployerOutreach]:
        record = self.record()
        new_employer = None
        if self.employer_id.currentData() == NEW_EMPLOYER:
            new_employer = Employer(name=self.new_name.text(), orgnr=self.new_orgnr.text())
        elif not record.employer_id:
            text_nb = "Velg arbeidsgiveren, eller «Ny arbeidsgiver …»."
            text_en = "Choose the employer, or 'New employer …'."
            raise ValidationFailed([FieldError("employer_id", Message("employer.required", text_nb, text_en))])
        ws, chosen = self.ctx.ws, self.participants.chosen()
        return lambda: service.log_outreach(ws, record, chosen, new_employer=new_employer)
