"""The selected employer: details, contact persons (add, edit) and the participants who work or worked there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from fieldapp.services import employers as service
from fieldapp.services.employers import EmployerDetail
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_phone
from fieldapp.ui.forms.contact_form import ContactDialog
from fieldapp.ui.forms.employer_form import EmployerDialog
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.employer_detail import contact_columns, placement_columns
from fieldapp.ui.views.jobdev.outreach_list import OutreachList
from fieldapp.ui.widgets.record_list import RecordList



class EmployerDetailPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.employer_id: str | None = None
        self.detail: EmployerDetail | None = None
        self.dialog: QWidget | None = None
        self.heading = QLabel(translate("EmployerDetail", "Choose an employer in the list."))
        self.heading.setObjectName("employer_heading")
        self.heading.setWordWrap(True)
        self.facts = QGroupBox(translate("EmployerDetail", "Details"))
        form = QFormLayout(self.facts)
        self.values: dict[str, QLabel] = {}
        for name, text in (("orgnr", translate("EmployerDetail", "Org. no.")), ("business_number", translate("EmployerDetail", "Business unit")),
                           ("industry", translate("EmployerDetail", "Industry")), ("address", translate("EmployerDetail", "Address")),
                           ("phone", translate("EmployerDetail", "Phone")), ("email", translate("EmployerDetail", "E-mail")),
                           ("notes", translate("EmployerDetail", "Notes"))):
            value = QLabel()
            value.setObjectName(name)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            form.addRow(text, value)
        self.edit_button = QPushButton(translate("EmployerDetail", "E&dit employer …"))
        self.edit_button.setObjectName("edit_employer")
        self.edit_button.clicked.connect(self.edit_employer)
        self.contacts = RecordList(translate("EmployerDetail", "Contact persons"), contact_columns(), "contact_table",
                                   on_activate=lambda c: self.edit_contact())
        self.contacts.add_button(translate("EmployerDetail", "Add contact person …"), self.add_contact, "add_contact")
        self.contacts.add_button(translate("EmployerDetail", "Edit contact person …"), self.edit_contact, "edit_contact",
                                 needs_row=True)
        self.placements = RecordList(translate("EmployerDetail", "Participants working here"), placement_columns(),
                                     "employer_placements", on_activate=self.open_participant)
        self.placements.add_button(translate("EmployerDetail", "Show participant"),
                                   lambda: self.open_participant(self.placements.current()), "show_participant",
                                   needs_row=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.facts)
        body.addLayout(buttons)
        body.addWidget(self.contacts, 1)
        body.addWidget(self.placements, 2)
        self.outreach = OutreachList(ctx, "employer", "employer_outreach", translate("EmployerDetail", "Employer contacts"))
        body.addWidget(self.outreach, 2)
        self.body.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        scroller = QScrollArea()  # small screens scroll rather than squeeze the lists
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.body)
        layout.addWidget(scroller, 1)
        ctx.changes.data_changed.connect(self._data_changed)

    def _data_changed(self, entities: frozenset[str]) -> None:
        if self.employer_id and entities & {"employer", "employer_contact", "placement", "participant"}:
            self.show_employer(self.employer_id)

    def show_employer(self, employer_id: str) -> None:
        self.employer_id = employer_id
        self.outreach.show_for(employer_id)
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.employer_detail(ws, employer_id), self._show, owner=self)

    def _show(self, detail: EmployerDetail | None) -> None:
        if detail is None or detail.employer.id != self.employer_id:
            return
        self.detail = detail
        e = detail.employer
        self.heading.setText(f"<h2>{e.name}</h2>")
        place = " ".join(x for x in (e.postcode, e.city) if x)
        texts = {"orgnr": e.orgnr, "business_number": e.business_number, "industry": e.industry,
                 "address": ", ".join(x for x in (e.address, place) if x), "phone": fmt_phone(e.phone),
                 "email": e.email, "notes": e.notes}
        for name, text in texts.items():
            self.values[name].setText(text or "–")
        self.contacts.set_rows(detail.contacts, translate("EmployerDetail", "No contact persons yet: add the nearest manager."))
        self.placements.set_rows(detail.placements, translate("EmployerDetail", "Nobody has had a job here yet."))
        self.body.setEnabled(True)

    def edit_employer(self) -> None:
        if self.detail:
            self._open(EmployerDialog(self.ctx, self.detail.employer, parent=self))

    def add_contact(self) -> None:
        if self.employer_id:
            self._open(ContactDialog(self.ctx, self.employer_id, parent=self))

    def edit_contact(self) -> None:
        contact = self.contacts.current()
        if self.employer_id and contact is not None:
            self._open(ContactDialog(self.ctx, self.employer_id, contact, parent=self))

    def open_participant(self, row) -> None:
        if row is not None:
            self.ctx.navigator.participant(row.participant_id, "placements")

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()
