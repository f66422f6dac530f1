"""The visits tab: the participant's visit history; a new visit, or opening one, goes to the visit editor."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.services import visits as service
from fieldapp.services.visits import VisitRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.visits import history_columns
from fieldapp.ui.widgets.record_list import RecordList



class VisitsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("visits_tab")
        self.participant_id: str | None = None
        self.list = RecordList(translate("VisitsTab", "Visits"), history_columns(), "visit_history",
                               on_activate=self._open_visit)
        self.new_button = self.list.add_button(translate("VisitsTab", "&New visit"), self.new_visit, "new_visit")
        self.list.add_button(translate("VisitsTab", "Open visit"), lambda: self._open_visit(self.list.current()),
                             "open_visit", needs_row=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.visits_for_participant(ws, participant_id),
                           lambda rows: self._show(participant_id, rows), owner=self)

    def _show(self, participant_id: str, rows: list[VisitRow]) -> None:
        if participant_id == self.participant_id:
            self.list.set_rows(rows, translate("VisitsTab", "No visits yet."))

    def new_visit(self) -> None:
        if self.participant_id:
            self.ctx.navigator.visit(None, self.participant_id)

    def _open_visit(self, row: VisitRow | None) -> None:
        if row is not None:
            self.ctx.navigator.visit(row.id, row.participant_id)
