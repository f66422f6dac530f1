"""Adding or changing an employer, with organisation number checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from fieldapp.domain.records import Employer
from fieldapp.services import employers as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, text_of
from fieldapp.ui.i18n import translate



class EmployerDialog(RecordDialog):
    def __init__(self, ctx: AppContext, employer: Employer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("EmployerForm", "Edit employer") if employer else translate("EmployerForm", "New employer"),
                         "employer_dialog", parent)
        self.original = employer or Employer(name="")
        e = self.original
        f = self.form
        self.name = f.add_field("name", translate("EmployerForm", "&Name"), line(e.name, 200))
        self.orgnr = f.add_field("orgnr", translate("EmployerForm", "&Organisation number"), line(e.orgnr, 14))
        self.orgnr.setPlaceholderText(translate("EmployerForm", "9 digits"))
        self.business_number = f.add_field("business_number", translate("EmployerForm", "&Business unit number"),
                                           line(e.business_number, 14))
        self.business_number.setPlaceholderText(translate("EmployerForm", "9 digits, the physical workplace (optional)"))
        self.industry = f.add_field("industry", translate("EmployerForm", "&Industry"), line(e.industry, 200))
        self.address = f.add_field("address", translate("EmployerForm", "Visiting &address"), line(e.address, 200))
        self.postcode = f.add_field("postcode", translate("EmployerForm", "&Postcode"), line(e.postcode, 10))
        self.city = f.add_field("city", translate("EmployerForm", "&Town"), line(e.city, 100))
        self.phone = f.add_field("phone", translate("EmployerForm", "P&hone"), line(e.phone, 20))
        self.email = f.add_field("email", translate("EmployerForm", "E-&mail"), line(e.email, 254))
        self.notes = f.add_field("notes", translate("EmployerForm", "Not&es"), notes_edit(e.notes))
        self.finish_layout()

    def record(self) -> Employer:
        return replace(self.original, name=self.name.text(), orgnr=self.orgnr.text(),
                       business_number=self.business_number.text(), industry=self.industry.text(),
                       address=self.address.text(), postcode=self.postcode.text(), city=self.city.text(),
                       phone=self.phone.text(), email=self.email.text(), notes=text_of(self.notes))

    def store(self) -> Callable[[], Employer]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_employer(ws, record)
