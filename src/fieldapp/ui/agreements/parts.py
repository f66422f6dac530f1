"""The agreement's single-value parts as forms: type, parties snapshot, the job, the duration.

Each field is registered in a FieldForm under its content path ("parties.employer.orgnr", "job.title" …),
so the domain's messages from missing_for_signing land on the field they name.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_vocab as av
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.widgets.dates import OptionalDateEdit
from fieldapp.ui.widgets.forms import FieldForm

PARTY_KEYS = ("participant", "employer", "employer_contact", "job_specialist", "nav_contact")
_PARTY_ROLE = {"participant": "participant", "employer": "employer", "employer_contact": "employer_contact",
               "job_specialist": "job_specialist", "nav_contact": "nav"}


def _party_title(key: str) -> str:
    return {"participant": translate("AgreementParts", "Employee"),
            "employer": translate("AgreementParts", "Employer"),
            "employer_contact": translate("AgreementParts", "Employer's contact person"),
            "job_specialist": translate("AgreementParts", "Job specialist"),
            "nav_contact": translate("AgreementParts", "NAV contact")}[key]


def _party_fields(key: str) -> tuple[tuple[str, str], ...]:
    name = translate("AgreementParts", "Name")
    phone, email = translate("AgreementParts", "Phone"), translate("AgreementParts", "Email")
    org = translate("AgreementParts", "Organisation")
    title = translate("AgreementParts", "Title")
    if key == "participant":
        return (("name", name), ("phone", phone), ("email", email))
    if key == "employer":
        return (("name", name), ("orgnr", translate("AgreementParts", "Organisation number")), ("phone", phone),
                ("email", email))
    return (("name", name), ("title", title), ("organisation", org), ("phone", phone), ("email", email))


def _number(maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, maximum)
    box.setSpecialValueText(translate("AgreementParts", "not set"))
    return box


class PartsForms:
    """Builds the group boxes and moves values between them and AgreementContent."""

    def __init__(self) -> None:
        self.forms: list[FieldForm] = []
        self.fields: dict[str, QWidget] = {}

    def _form(self, box: QGroupBox) -> FieldForm:
        form = FieldForm(box)
        self.forms.append(form)
        return form

    def _add(self, form: FieldForm, path: str, text: str, widget: QWidget) -> QWidget:
        form.add_field(path, text, widget)
        self.fields[path] = widget
        return widget

    # --- building -------------------------------------------------------------------------------------
    def type_box(self) -> QGroupBox:
        box = QGroupBox(translate("AgreementParts", "Agreement"))
        form = self._form(box)
        combo = QComboBox()
        for term in av.AGREEMENT_TYPES:
            combo.addItem(label(av.AGREEMENT_TYPES, term.code), term.code)
        self._add(form, "agreement_type", translate("AgreementParts", "T&ype"), combo)
        form.add_general_error_row()
        return box

    def parties_box(self) -> QGroupBox:
        box = QGroupBox(translate("AgreementParts", "Parties"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(18)
        for n, key in enumerate(PARTY_KEYS):
            inner = QGroupBox(_party_title(key))
            inner.setObjectName(f"party_{key}")
            inner.setFlat(True)
            form = self._form(inner)
            for attr, text in _party_fields(key):
                edit = QLineEdit()
                self._add(form, f"parties.{key}.{attr}", text, edit)
            grid.addWidget(inner, n // 2, n % 2)
        return box

    def job_box(self) -> QGroupBox:
        box = QGroupBox(translate("AgreementParts", "The job"))
        form = self._form(box)
        self._add(form, "job.title", translate("AgreementParts", "Job &title"), QLineEdit())
        self._add(form, "job.tasks", translate("AgreementParts", "Tas&ks"), QLineEdit())
        self._add(form, "job.percentage", translate("AgreementParts", "Percentage of full time"), _number(100))
        self._add(form, "job.days_per_week", translate("AgreementParts", "Days per week"), _number(7))
        self._add(form, "job.hours_text", translate("AgreementParts", "Working hours"), QLineEdit())
        forms = QComboBox()
        forms.addItem(translate("AgreementParts", "not set"), "")
        for term in av.EMPLOYMENT_FORMS:
            forms.addItem(label(av.EMPLOYMENT_FORMS, term.code), term.code)
        self._add(form, "job.employment_form", translate("AgreementParts", "Employment form"), forms)
        self._add(form, "job.start", translate("AgreementParts", "Job start"), OptionalDateEdit(fill_on_focus=False))
        return box

    def duration_box(self) -> QGroupBox:
        box = QGroupBox(translate("AgreementParts", "Duration"))
        form = self._form(box)
        self._add(form, "duration.start", translate("AgreementParts", "&Start"), OptionalDateEdit(fill_on_focus=False))
        self._add(form, "duration.end", translate("AgreementParts", "&End"), OptionalDateEdit(fill_on_focus=False))
        self._add(form, "duration.evaluation_date", translate("AgreementParts", "Evaluation &date"),
                  OptionalDateEdit(fill_on_focus=False))
        self._add(form, "duration.may_extend", translate("AgreementParts", "Extension"),
                  QCheckBox(translate("AgreementParts", "May be extended")))
        self._add(form, "duration.extension_consideration", translate("AgreementParts", "How extension is considered"),
                  QLineEdit())
        self._add(form, "duration.extension_consider_by", translate("AgreementParts", "Consider extension by"),
                  OptionalDateEdit(fill_on_focus=False))
        return box

    def nav_reason_form(self) -> QWidget:
        """Under the follow-up table: a TOA without a follow-up line from NAV says why."""
        holder = QWidget()
        holder.setObjectName("nav_reason_form")
        form = self._form(holder)
        form.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        edit.setPlaceholderText(translate("AgreementParts", "Only when no follow-up line is from NAV"))
        self._add(form, "nav_follow_up_reason", translate("AgreementParts", "&Why NAV does not follow up"), edit)
        return holder

    # --- values -----------------------------------------------------------------------------------------
    def set_content(self, c: ac.AgreementContent) -> None:
        f = self.fields
        combo = f["agreement_type"]
        combo.setCurrentIndex(max(0, combo.findData(c.agreement_type)))
        for key in PARTY_KEYS:
            party = getattr(c.parties, key) or ac.PartySnapshot(role=_PARTY_ROLE[key])
            for attr, _ in _party_fields(key):
                f[f"parties.{key}.{attr}"].setText(getattr(party, attr))
        j = c.job
        for path, value in (("job.title", j.title), ("job.tasks", j.tasks), ("job.hours_text", j.hours_text)):
            f[path].setText(value)
        f["job.percentage"].setValue(-1 if j.percentage is None else j.percentage)
        f["job.days_per_week"].setValue(-1 if j.days_per_week is None else j.days_per_week)
        forms = f["job.employment_form"]
        forms.setCurrentIndex(max(0, forms.findData(j.employment_form)))
        d = c.duration
        for path, day in (("job.start", j.start), ("duration.start", d.start), ("duration.end", d.end),
                          ("duration.evaluation_date", d.evaluation_date),
                          ("duration.extension_consider_by", d.extension_consider_by)):
            f[path].set_value(day)
        f["duration.may_extend"].setChecked(d.may_extend)
        f["duration.extension_consideration"].setText(d.extension_consideration)
        f["nav_follow_up_reason"].setText(c.nav_follow_up_reason)
        for widget in f.values():
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)  # show the start of a long text, not its end

    def _text(self, path: str) -> str:
        return self.fields[path].text().strip()

    def _day(self, path: str) -> date | None:
        return self.fields[path].value()

    def _int(self, path: str) -> int | None:
        value = self.fields[path].value()
        return None if value < 0 else value

    def apply(self, c: ac.AgreementContent) -> ac.AgreementContent:
        """`c` with the values in the forms."""
        agreement_type = self.fields["agreement_type"].currentData()
        parties = {}
        for key in PARTY_KEYS:
            old = getattr(c.parties, key) or ac.PartySnapshot(role=_PARTY_ROLE[key])
            values = {attr: self._text(f"parties.{key}.{attr}") for attr, _ in _party_fields(key)}
            party = replace(old, **values)
            if key == "nav_contact" and not any(values.values()):
                party = None
            parties[key] = party
        job = replace(c.job, title=self._text("job.title"), tasks=self._text("job.tasks"),
                      percentage=self._int("job.percentage"), days_per_week=self._int("job.days_per_week"),
                      hours_text=self._text("job.hours_text"),
                      employment_form=self.fields["job.employment_form"].currentData() or "",
                      start=self._day("job.start"))
        duration = replace(c.duration, start=self._day("duration.start"), end=self._day("duration.end"),
                           evaluation_date=self._day("duration.evaluation_date"),
                           may_extend=self.fields["duration.may_extend"].isChecked(),
                           extension_consideration=self._text("duration.extension_consideration"),
                           extension_consider_by=self._day("duration.extension_consider_by"))
        return replace(c, agreement_type=agreement_type, parties=replace(c.parties, **parties), job=job,
                       duration=duration, nav_follow_up_reason=self._text("nav_follow_up_reason"))
