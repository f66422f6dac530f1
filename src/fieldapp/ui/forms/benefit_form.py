"""Adding or changing one of the participant's benefits: kind, limits, NAV's benefits calculation, reporting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from fieldapp.domain.cooperation_records import BENEFIT_KINDS, Benefit
from fieldapp.services import benefits as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, term_combo, text_of
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit


class BenefitDialog(RecordDialog):
    def __init__(self, ctx: AppContext, participant_id: str, benefit: Benefit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("BenefitForm", "Edit benefit") if benefit
                         else translate("BenefitForm", "New benefit"), "benefit_dialog", parent)
        self.original = benefit or Benefit(participant_id=participant_id)
        b = self.original
        f = self.form
        self.kind = f.add_field("kind", translate("BenefitForm", "&Benefit"), term_combo(BENEFIT_KINDS, b.kind))
        self.limits = f.add_field("limits", translate("BenefitForm", "L&imits and rules"), notes_edit(b.limits))
        self.limits.setPlaceholderText(translate(
            "BenefitForm", "e.g. income above the limit is deducted; hours worked are reported on the employment form"))
        f.addRow(section(translate("BenefitForm", "Benefits calculation from NAV")))
        self.calculation_asked_on = f.add_field("calculation_asked_on", translate("BenefitForm", "As&ked for on"),
                                                OptionalDateEdit(b.calculation_asked_on))
        self.calculation_answer = f.add_field("calculation_answer", translate("BenefitForm", "NAV's a&nswer"),
                                              notes_edit(b.calculation_answer))
        self.answered_on = f.add_field("answered_on", translate("BenefitForm", "Answ&ered on"),
                                       OptionalDateEdit(b.answered_on))
        f.addRow(section(translate("BenefitForm", "Income reporting")))
        self.reporting = f.add_field("reporting", translate("BenefitForm", "&Reporting"), line(b.reporting, 1000))
        self.reporting.setPlaceholderText(translate("BenefitForm", "e.g. employment status form every 14 days"))
        self.next_reporting_on = f.add_field("next_reporting_on", translate("BenefitForm", "Ne&xt reporting date"),
                                             OptionalDateEdit(b.next_reporting_on))
        self.notes = f.add_field("notes", translate("BenefitForm", "N&otes"), notes_edit(b.notes, lines=2))
        self.finish_layout()

    def record(self) -> Benefit:
        return replace(self.original, kind=self.kind.currentData(), limits=text_of(self.limits),
                       calculation_asked_on=self.calculation_asked_on.value(),
                       calculation_answer=text_of(self.calculation_answer), answered_on=self.answered_on.value(),
                       reporting=self.reporting.text(), next_reporting_on=self.next_reporting_on.value(),
                       notes=text_of(self.notes))

    def store(self) -> Callable[[], Benefit]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_benefit(ws, record)
