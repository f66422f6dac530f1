"""A list of employer contacts (all, one employer's, or one participant's) with logging and editing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from fieldapp.domain.jobdev_records import EmployerOutreach
from fieldapp.services import jobdev as service
from fieldapp.services.jobdev import OutreachRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.forms.employer_outreach_form import OutreachDialog
from fieldapp.ui.i18n import translate
from fieldapp.ui.views.jobdev.columns import outreach_columns
from fieldapp.ui.widgets.record_list import RecordList

ENTITIES = frozenset({"employer_outreach", "outreach_for", "employer", "participant"})


def record_of(row: OutreachRow) -> EmployerOutreach:
    return EmployerOutreach(id=row.id, employer_id=row.employer_id, contact_date=row.contact_date, kind=row.kind,
                            contact_person=row.contact_person, asked_for=row.asked_for, outcome=row.outcome,
                            next_step=row.next_step, next_step_date=row.next_step_date)


class OutreachList(QWidget):
    """`scope` is "all", "employer" or "participant"; `show_for(id)` picks the employer or participant."""

    def __init__(self, ctx: AppContext, scope: str, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope = scope
        self.owner_id: str | None = None
        self.dialog: OutreachDialog | None = None
        self.list = RecordList(title, outreach_columns(employer=scope != "employer"), name,
                               on_activate=lambda row: self.edit())
        self.add_button = self.list.add_button(translate("OutreachList", "&Log employer contact …"), self.add,
                                               f"{name}_add")
        self.list.add_button(translate("OutreachList", "Edit contact …"), self.edit, f"{name}_edit", needs_row=True)
        if scope != "employer":
            self.list.add_button(translate("OutreachList", "Show employer"), self.show_employer, f"{name}_employer",
                                 needs_row=True)
        self.list.add_button(translate("OutreachList", "Delete contact …"), self.delete, f"{name}_delete",
                             needs_row=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        ctx.changes.data_changed.connect(lambda entities: entities & ENTITIES and self.reload())

    def show_for(self, owner_id: str | None) -> None:
        self.owner_id = owner_id
        self.reload()

    def today(self) -> date:
        return self.ctx.now().astimezone().date()

    def reload(self) -> None:
        if not self.ctx.has_workspace or (self.scope != "all" and not self.owner_id):
            return
        ws, scope, owner = self.ctx.ws, self.scope, self.owner_id
        since = self.today() - timedelta(days=365) if scope == "all" else None

        def load() -> list[OutreachRow]:
            return service.list_outreach(ws, employer_id=owner if scope == "employer" else None,
                                         participant_id=owner if scope == "participant" else None, since=since)

        self.ctx.tasks.run(load, self._show, owner=self)

    def _show(self, rows: list[OutreachRow]) -> None:
        self.list.set_rows(rows, translate("OutreachList", "No employer contacts logged yet."))

    def add(self) -> None:
        self._open(OutreachDialog(
            self.ctx, for_participants=(self.owner_id,) if self.scope == "participant" and self.owner_id else (),
            employer_id=self.owner_id if self.scope == "employer" else None, today=self.today(), parent=self))

    def edit(self) -> None:
        row: OutreachRow | None = self.list.current()
        if row is not None:
            self._open(OutreachDialog(self.ctx, record_of(row), parent=self))

    def delete(self) -> None:
        """A contact logged by mistake is removed (tombstoned, so the deletion syncs) after a confirmation."""
        row: OutreachRow | None = self.list.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self, translate("OutreachList", "Delete employer contact"),
            translate("OutreachList", "Delete the contact with %1 on %2? It no longer counts in the week's total.")
            .replace("%1", row.employer_name).replace("%2", fmt_date(row.contact_date)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ws, outreach_id = self.ctx.ws, row.id
        self.ctx.tasks.run(lambda: service.delete_outreach(ws, outreach_id), owner=self)

    def show_employer(self) -> None:
        row: OutreachRow | None = self.list.current()
        if row is not None:
            self.ctx.navigator.employer(row.employer_id)

    def _open(self, dialog: OutreachDialog) -> None:
        self.dialog = dialog
        dialog.open()
