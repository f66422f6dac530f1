"""Adding or changing an employer's contact person (nearest manager, HR, buddy)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from fieldapp.domain import vocab
from fieldapp.domain.records import EmployerContact
from fieldapp.services import employers as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, term_combo
from fieldapp.ui.i18n import translate



class ContactDialog(RecordDialog):
    def __init__(self, ctx: AppContext, employer_id: str, contact: EmployerContact | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("ContactForm", "Edit contact person") if contact else translate("ContactForm", "New contact person"),
                         "contact_dialog", parent)
        self.original = contact or EmployerContact(employer_id=employer_id, name="")
        c = self.original
        f = self.form
        self.name = f.add_field("name", translate("ContactForm", "&Name"), line(c.name, 200))
        self.role = f.add_field("role", translate("ContactForm", "&Role"), term_combo(vocab.CONTACT_ROLES, c.role))
        self.phone = f.add_field("phone", translate("ContactForm", "&Phone"), line(c.phone, 20))
        self.email = f.add_field("email", translate("ContactForm", "E-&mail"), line(c.email, 254))
        self.finish_layout()

    def record(self) -> EmployerContact:
        return replace(self.original, name=self.name.text(), role=self.role.currentData(), phone=self.phone.text(),
                       email=self.email.text())

    def store(self) -> Callable[[], EmployerContact]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_contact(ws, record)
