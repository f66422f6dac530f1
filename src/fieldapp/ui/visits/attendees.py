"""Who was present at a visit (role and name), with quick buttons for the people usually there."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView, QMenu, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.records import EmployerContact
from fieldapp.domain.visit_records import VisitAttendee
from fieldapp.services.visits import new_id
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.visits.delegates import SuggestDelegate
from fieldapp.ui.visits.rows_model import EditableRowsModel, EditColumn
from fieldapp.ui.visits.rows_view import RowsEditor


@dataclass
class AttendeeRow:
    id: str
    role: str | None = None
    name: str | None = None

    @classmethod
    def from_record(cls, attendee: VisitAttendee) -> AttendeeRow:
        return cls(id=attendee.id, role=attendee.role, name=attendee.name)

    def to_record(self, visit_id: str) -> VisitAttendee:
        return VisitAttendee(id=self.id, visit_id=visit_id, role=self.role or "", name=self.name or "")

    @property
    def blank(self) -> bool:
        return not (self.role or self.name)


def participant_role() -> str:
    return translate("VisitAttendees", "Participant")


def nav_role() -> str:
    return translate("VisitAttendees", "NAV contact")


def role_suggestions() -> list[str]:
    return [participant_role(), *(label(vocab.CONTACT_ROLES, c.code) for c in vocab.CONTACT_ROLES[:3]),
            nav_role(), translate("VisitAttendees", "Clinician"), translate("VisitAttendees", "Family"), translate("VisitAttendees", "Other")]


class AttendeesModel(EditableRowsModel[AttendeeRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((EditColumn("role", translate("VisitAttendees", "Role")), EditColumn("name", translate("VisitAttendees", "Name"))), parent)


class AttendeesEditor(RowsEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(AttendeesModel(), "attendees", translate("VisitAttendees", "Present"), parent)
        self.table.setItemDelegateForColumn(0, SuggestDelegate(role_suggestions, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        header.setStretchLastSection(True)
        self.participant_name = ""
        self.nav_contact = ""
        self.contacts: tuple[EmployerContact, ...] = ()
        self.add_participant = self.add_button(translate("VisitAttendees", "Participant"), "add_participant",
                                               lambda: self.add_person(participant_role(), self.participant_name))
        self.add_contact = self.add_button(translate("VisitAttendees", "Employer contact"), "add_contact", lambda: None)
        self.contact_menu = QMenu(self.add_contact)
        self.add_contact.setMenu(self.contact_menu)
        self.add_nav = self.add_button(translate("VisitAttendees", "NAV contact"), "add_nav",
                                       lambda: self.add_person(nav_role(), self.nav_contact))
        self.add_other = self.add_button(translate("VisitAttendees", "Someone else"), "add_other", lambda: self.add_person("", ""))
        self.remove = self.add_button(translate("VisitAttendees", "Remove"), "remove_attendee",
                                      lambda: self.model.remove(self.current_row()))
        self.finish_buttons()
        self.table.fit_height()

    def set_people(self, participant_name: str, nav_contact: str | None,
                   contacts: tuple[EmployerContact, ...]) -> None:
        self.participant_name, self.nav_contact, self.contacts = participant_name, nav_contact or "", contacts
        self.contact_menu.clear()
        for contact in contacts:
            role = label(vocab.CONTACT_ROLES, contact.role)
            action = self.contact_menu.addAction(f"{contact.name} ({role})")
            action.triggered.connect(lambda _=False, c=contact, r=role: self.add_person(r, c.name))
        self.add_contact.setEnabled(bool(contacts))
        self.add_nav.setEnabled(bool(nav_contact))

    def add_person(self, role: str, name: str) -> None:
        if name and any(r.name == name and r.role == role for r in self.model.rows):
            return
        row = self.model.append(AttendeeRow(id=new_id(), role=role or None, name=name or None))
        self.table.edit_cell(row, 1 if role else 0) if not name else self.table.selectRow(row)
