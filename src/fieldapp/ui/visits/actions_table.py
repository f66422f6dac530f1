"""Agreed actions of a visit (what, who, deadline, status) as an editable table, with carried-in actions marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QHeaderView, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.visit_records import VisitAction
from fieldapp.services.visits import new_id
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.visits.delegates import DateDelegate, TermDelegate
from fieldapp.ui.visits.rows_model import EditableRowsModel, EditColumn
from fieldapp.ui.visits.rows_view import RowsEditor


@dataclass
class ActionRow:
    id: str
    what: str | None = None
    responsible: str | None = None
    deadline: date | None = None
    status: str = "agreed"
    carried_from_id: str | None = None
    carried_from_day: date | None = None

    @classmethod
    def from_record(cls, action: VisitAction, carried_from: dict[str, date]) -> ActionRow:
        return cls(id=action.id, what=action.what, responsible=action.responsible, deadline=action.deadline,
                   status=action.status, carried_from_id=action.carried_from_id,
                   carried_from_day=carried_from.get(action.carried_from_id or ""))

    def to_record(self, visit_id: str) -> VisitAction:
        return VisitAction(id=self.id, visit_id=visit_id, what=self.what or "", responsible=self.responsible,
                           deadline=self.deadline, status=self.status, carried_from_id=self.carried_from_id)

    @property
    def blank(self) -> bool:
        return not (self.what or self.responsible or self.deadline) and self.carried_from_id is None


def _carried(row: ActionRow) -> str:
    if row.carried_from_day is not None:
        return translate("VisitActions", "Visit %1").replace("%1", fmt_date(row.carried_from_day))
    return translate("VisitActions", "Earlier visit") if row.carried_from_id else ""


def action_columns() -> tuple[EditColumn, ...]:
    return (
        EditColumn("what", translate("VisitActions", "What")),
        EditColumn("responsible", translate("VisitActions", "Who")),
        EditColumn("deadline", translate("VisitActions", "Deadline"), display=lambda r: fmt_date(r.deadline)),
        EditColumn("status", translate("VisitActions", "Status"), display=lambda r: label(vocab.ACTION_STATUSES, r.status)),
        EditColumn("carried_from_id", translate("VisitActions", "Carried from"), display=_carried, editable=False,
                   tooltip=lambda r: translate("VisitActions", "Still open after an earlier visit")
                   if r.carried_from_id else ""),
    )


class ActionsModel(EditableRowsModel[ActionRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(action_columns(), parent)


class ActionsEditor(RowsEditor):
    def __init__(self, default_day: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(ActionsModel(), "actions", translate("VisitActions", "Agreed actions"), parent)
        self.table.setItemDelegateForColumn(2, DateDelegate(default_day, self.table))
        self.table.setItemDelegateForColumn(3, TermDelegate(vocab.ACTION_STATUSES, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 170), (2, 110), (3, 120), (4, 130)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.add = self.add_button(translate("VisitActions", "&Add action"), "add_action", self.add_action)
        self.remove = self.add_button(translate("VisitActions", "Remove action"), "remove_action", self.remove_action)
        self.finish_buttons()
        self.table.fit_height()

    def add_action(self) -> None:
        row = self.model.append(ActionRow(id=new_id()))
        self.table.edit_cell(row, 0)

    def remove_action(self) -> None:
        self.model.remove(self.current_row())
