"""The "Økonomi og ytelser" tab: the participant's benefits, NAV's benefits calculations and reporting dates."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from fieldapp.domain.cooperation_records import BENEFIT_KINDS, Benefit
from fieldapp.services import benefits as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.forms.benefit_form import BenefitDialog
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import Column
from fieldapp.ui.widgets.record_list import RecordList
from fieldapp.ui.widgets.theme import hint_style

ENTITIES = frozenset({"participant_benefit"})


def _calculation(b: Benefit) -> str:
    if b.calculation_answer:
        return b.calculation_answer.splitlines()[0]
    if b.calculation_asked_on:
        return translate("BenefitsTab", "Asked for %1, no answer yet").replace("%1", fmt_date(b.calculation_asked_on))
    return translate("BenefitsTab", "Not asked for")


def benefit_columns() -> list[Column[Benefit]]:
    return [
        Column(translate("BenefitsTab", "Benefit"), lambda b: label(BENEFIT_KINDS, b.kind)),
        Column(translate("BenefitsTab", "Limits"), lambda b: (b.limits or "").splitlines()[0] if b.limits else "",
               tooltip=lambda b: b.limits or ""),
        Column(translate("BenefitsTab", "Benefits calculation"), _calculation,
               tooltip=lambda b: b.calculation_answer or "", warning=lambda b: b.calculation_pending),
        Column(translate("BenefitsTab", "Reporting"), lambda b: b.reporting or ""),
        Column(translate("BenefitsTab", "Next report"), lambda b: fmt_date(b.next_reporting_on),
               sort_key=lambda b: b.next_reporting_on),
    ]


class BenefitsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("benefits_tab")
        self.participant_id: str | None = None
        self.dialog: BenefitDialog | None = None
        self.box: QMessageBox | None = None
        intro = QLabel(translate("BenefitsTab", "What happens to the participant's money when they start working: "
                                 "the benefits, their limits, NAV's benefits calculation and when income is reported."))
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())
        self.list = RecordList(translate("BenefitsTab", "Benefits"), benefit_columns(), "benefit_table",
                               on_activate=lambda row: self.edit_benefit())
        self.list.table.stretch_column(1)
        self.list.add_button(translate("BenefitsTab", "New benefit …"), self.add_benefit, "add_benefit")
        self.list.add_button(translate("BenefitsTab", "Edit benefit …"), self.edit_benefit, "edit_benefit",
                             needs_row=True)
        self.list.add_button(translate("BenefitsTab", "Remove benefit"), self.remove_benefit, "remove_benefit",
                             needs_row=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        ctx.changes.data_changed.connect(lambda entities: entities & ENTITIES and self.reload())

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        self.reload()

    def reload(self) -> None:
        if not self.participant_id or not self.ctx.has_workspace:
            return
        ws, pid = self.ctx.ws, self.participant_id
        self.ctx.tasks.run(lambda: (pid, service.list_benefits(ws, pid)), self._show, owner=self)

    def _show(self, result: tuple[str, list[Benefit]]) -> None:
        pid, rows = result
        if pid == self.participant_id:
            self.list.set_rows(rows, translate("BenefitsTab", "No benefits registered yet."))

    def add_benefit(self) -> None:
        if self.participant_id:
            self._open(BenefitDialog(self.ctx, self.participant_id, parent=self))

    def edit_benefit(self) -> None:
        row: Benefit | None = self.list.current()
        if self.participant_id and row is not None:
            self._open(BenefitDialog(self.ctx, self.participant_id, row, parent=self))

    def remove_benefit(self) -> None:
        row: Benefit | None = self.list.current()
        if row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("BenefitsTab", "Remove benefit"), translate(
            "BenefitsTab", "Remove %1 from the participant's benefits?").replace("%1", label(BENEFIT_KINDS, row.kind)),
            QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("remove_benefit_box")
        remove = box.addButton(translate("BenefitsTab", "Remove"), QMessageBox.ButtonRole.AcceptRole)
        remove.setObjectName("remove_benefit_yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(translate("BenefitsTab", "Cancel"))
        box.setDefaultButton(cancel)
        ws, benefit_id = self.ctx.ws, row.id
        box.accepted.connect(lambda: self.ctx.tasks.run(lambda: service.delete_benefit(ws, benefit_id), owner=self))
        self.box = box
        box.open()

    def _open(self, dialog: BenefitDialog) -> None:
        self.dialog = dialog
        dialog.open()
