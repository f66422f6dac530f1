"""Adding or changing a placement (arbeidsforhold): employer and contact, the job, its period and NAV measures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.records import NavMeasure, Placement
from fieldapp.services import employers as employer_service
from fieldapp.services import placements as service
from fieldapp.services.employers import EmployerChoice
from fieldapp.services.placements import PlacementDetail
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, set_combo, term_combo, text_of
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.widgets.dates import OptionalDateEdit
from fieldapp.ui.widgets.forms import FieldForm



def _optional_spin(maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSuffix(suffix)
    spin.setSpecialValueText(translate("PlacementForm", "not given"))  # 0 % or 0 days a week means not known yet
    return spin


class MeasureRow(QWidget):
    """One NAV measure: in use or not, and its period."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.in_use = QCheckBox(translate("PlacementForm", "In use"))
        self.in_use.setAccessibleName(label(vocab.NAV_MEASURES, kind))
        self.from_date = OptionalDateEdit()
        self.from_date.setAccessibleName(translate("PlacementForm", "%1 from").replace("%1", label(vocab.NAV_MEASURES, kind)))
        self.to_date = OptionalDateEdit()
        self.to_date.setAccessibleName(translate("PlacementForm", "%1 to").replace("%1", label(vocab.NAV_MEASURES, kind)))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.in_use)
        row.addWidget(QLabel(translate("PlacementForm", "from")))
        row.addWidget(self.from_date)
        row.addWidget(QLabel(translate("PlacementForm", "to")))
        row.addWidget(self.to_date)
        for w in (self.from_date, self.to_date):
            w.dateChanged.connect(lambda *_: self.in_use.setChecked(True))
        self.in_use.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.from_date.setEnabled(on)
        self.to_date.setEnabled(on)

    def set_measure(self, measure: NavMeasure | None) -> None:
        self.original = measure
        self.from_date.set_value(measure.from_date if measure else None)
        self.to_date.set_value(measure.to_date if measure else None)
        self.in_use.setChecked(measure is not None)

    def measure(self, placement_id: str) -> NavMeasure | None:
        if not self.in_use.isChecked():
            return None
        base = getattr(self, "original", None) or NavMeasure(placement_id=placement_id, kind=self.kind)
        return replace(base, from_date=self.from_date.value(), to_date=self.to_date.value())


class PlacementDialog(RecordDialog):
    """Loads the employer list (and the placement, when editing) on the worker thread; `is_ready` after."""

    def __init__(self, ctx: AppContext, participant_id: str, placement_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("PlacementForm", "Edit job") if placement_id else translate("PlacementForm", "New job"),
                         "placement_dialog", parent)
        self.original = Placement(participant_id=participant_id, employer_id="", job_title="")
        self.choices: list[EmployerChoice] = []
        self.is_ready = False
        f = self.form
        f.addRow(section(translate("PlacementForm", "Where")))
        self.employer_id = f.add_field("employer_id", translate("PlacementForm", "&Employer"), QComboBox())
        self.employer_id.setEditable(True)  # type to find among many employers
        self.employer_id.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contact_id = f.add_field("contact_id", translate("PlacementForm", "Nearest &manager"), QComboBox())
        f.addRow(section(translate("PlacementForm", "The job")))
        self.job_title = f.add_field("job_title", translate("PlacementForm", "&Job title"), line(None, 200))
        self.tasks = f.add_field("tasks", translate("PlacementForm", "T&asks"), notes_edit(lines=2))
        self.percentage = f.add_field("percentage", translate("PlacementForm", "&Percentage of full time"), _optional_spin(100, " %"))
        self.days_per_week = f.add_field("days_per_week", translate("PlacementForm", "&Days per week"), _optional_spin(7, ""))
        self.working_hours = f.add_field("working_hours", translate("PlacementForm", "&Working hours"), line())
        self.working_hours.setPlaceholderText(translate("PlacementForm", "e.g. Mon–Wed 09–14"))
        self.employment_form = f.add_field("employment_form", translate("PlacementForm", "Employment &form"),
                                           term_combo(vocab.EMPLOYMENT_FORMS))
        self.ordinary_wage = f.add_field("ordinary_wage", translate("PlacementForm", "Wage"),
                                         QCheckBox(translate("PlacementForm", "Ordinary wage from the employer")))
        self.ordinary_wage.setChecked(True)

        self.period = FieldForm()
        self.forms.append(self.period)
        p = self.period
        p.addRow(section(translate("PlacementForm", "Period and status")))
        self.start_date = p.add_field("start_date", translate("PlacementForm", "S&tart"), OptionalDateEdit())
        self.end_date = p.add_field("end_date", translate("PlacementForm", "E&nd"), OptionalDateEdit())
        self.status = p.add_field("status", translate("PlacementForm", "Stat&us"), term_combo(vocab.PLACEMENT_STATUSES))
        self.end_reason = p.add_field("end_reason", translate("PlacementForm", "Reason for endin&g"), line())
        p.addRow(section(translate("PlacementForm", "NAV measures")))
        self.measure_rows: dict[str, MeasureRow] = {}
        for term in vocab.NAV_MEASURES:
            row = MeasureRow(term.code)
            p.add_field(f"measure.{term.code}", label(vocab.NAV_MEASURES, term.code), row)
            self.measure_rows[term.code] = row
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self._layout.removeItem(self.form)
        columns.addLayout(self.form, 1)
        columns.addLayout(self.period, 1)
        self._layout.addLayout(columns)
        self.finish_layout()
        self.setMinimumWidth(1000)

        self.employer_id.currentIndexChanged.connect(self._employer_changed)
        self.save_button.setEnabled(False)
        ws = ctx.ws

        def load() -> tuple[list[EmployerChoice], PlacementDetail | None]:
            detail = service.placement_detail(ws, placement_id) if placement_id else None
            return employer_service.employer_choices(ws), detail

        ctx.tasks.run(load, self._loaded, owner=self)

    def _loaded(self, result: tuple[list[EmployerChoice], PlacementDetail | None]) -> None:
        self.choices, detail = result
        self.employer_id.blockSignals(True)
        self.employer_id.addItem(translate("PlacementForm", "Choose employer …"), "")
        for choice in self.choices:
            self.employer_id.addItem(choice.name, choice.id)
        self.employer_id.blockSignals(False)
        if detail is not None:
            self._fill(detail)
        else:
            self._employer_changed()
        self.save_button.setEnabled(True)
        self.is_ready = True

    def _fill(self, detail: PlacementDetail) -> None:
        pl = self.original = detail.placement
        set_combo(self.employer_id, pl.employer_id)
        self._employer_changed()
        set_combo(self.contact_id, pl.contact_id)
        self.job_title.setText(pl.job_title)
        self.tasks.setPlainText(pl.tasks or "")
        self.percentage.setValue(pl.percentage or 0)
        self.days_per_week.setValue(pl.days_per_week or 0)
        self.working_hours.setText(pl.working_hours or "")
        set_combo(self.employment_form, pl.employment_form)
        self.ordinary_wage.setChecked(pl.ordinary_wage)
        self.start_date.set_value(pl.start_date)
        self.end_date.set_value(pl.end_date)
        set_combo(self.status, pl.status)
        self.end_reason.setText(pl.end_reason or "")
        by_kind = {mm.kind: mm for mm in detail.measures}
        for kind, row in self.measure_rows.items():
            row.set_measure(by_kind.get(kind))

    def select_employer(self, employer_id: str) -> None:
        set_combo(self.employer_id, employer_id)

    def _employer_changed(self, *_: object) -> None:
        chosen = next((c for c in self.choices if c.id == self.employer_id.currentData()), None)
        self.contact_id.clear()
        self.contact_id.addItem(translate("PlacementForm", "No contact person"), None)
        for contact in chosen.contacts if chosen else ():
            self.contact_id.addItem(f"{contact.name} ({label(vocab.CONTACT_ROLES, contact.role)})", contact.id)
        if chosen and chosen.contacts:
            self.contact_id.setCurrentIndex(1)

    def error_field(self, name: str) -> str:
        return name.rsplit(".", 1)[0] if name.startswith("measure.") else name

    def record(self) -> Placement:
        return replace(
            self.original, employer_id=self.employer_id.currentData() or "", contact_id=self.contact_id.currentData(),
            job_title=self.job_title.text(), tasks=text_of(self.tasks), percentage=self.percentage.value() or None,
            days_per_week=self.days_per_week.value() or None, working_hours=self.working_hours.text(),
            employment_form=self.employment_form.currentData(), ordinary_wage=self.ordinary_wage.isChecked(),
            start_date=self.start_date.value(), end_date=self.end_date.value(), status=self.status.currentData(),
            end_reason=self.end_reason.text())

    def store(self) -> Callable[[], PlacementDetail]:
        record = self.record()
        if not record.employer_id:
            text = translate("PlacementForm", "Choose the employer.")
            raise ValidationFailed([FieldError("employer_id", Message("employer.required", text, text))])
        measures = [m for m in (row.measure(record.id) for row in self.measure_rows.values()) if m is not None]
        ws = self.ctx.ws
        return lambda: service.save_placement(ws, record, measures)
