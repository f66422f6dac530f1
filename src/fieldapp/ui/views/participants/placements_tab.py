"""The placements tab: the participant's jobs, with adding and editing."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.services.participants import ParticipantDetail, PlacementSummary
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.placement_form import PlacementDialog
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.participant_detail import placement_columns
from fieldapp.ui.widgets.record_list import RecordList



class PlacementsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("placements_tab")
        self.participant_id: str | None = None
        self.dialog: PlacementDialog | None = None
        self.list = RecordList(translate("PlacementsTab", "Jobs"), placement_columns(), "placement_table",
                               on_activate=lambda row: self.edit_placement())
        self.list.add_button(translate("PlacementsTab", "&New job …"), self.add_placement, "add_placement")
        self.list.add_button(translate("PlacementsTab", "Edit job …"), self.edit_placement, "edit_placement", needs_row=True)
        self.list.add_button(translate("PlacementsTab", "Show employer"), self.show_employer, "show_employer", needs_row=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def show_detail(self, detail: ParticipantDetail) -> None:
        self.participant_id = detail.participant.id
        self.list.set_rows(detail.placements, translate("PlacementsTab", "No jobs registered yet."))

    def add_placement(self) -> None:
        if self.participant_id:
            self._open(PlacementDialog(self.ctx, self.participant_id, parent=self))

    def edit_placement(self) -> None:
        row: PlacementSummary | None = self.list.current()
        if self.participant_id and row is not None:
            self._open(PlacementDialog(self.ctx, self.participant_id, row.id, parent=self))

    def show_employer(self) -> None:
        row: PlacementSummary | None = self.list.current()
        if row is not None:
            self.ctx.navigator.employer(row.employer_id)

    def _open(self, dialog: PlacementDialog) -> None:
        self.dialog = dialog
        dialog.open()
