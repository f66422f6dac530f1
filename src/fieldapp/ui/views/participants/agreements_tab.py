"""The agreements tab: the participant's follow-up agreements with number, version and status (read only)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.services import participants as service
from fieldapp.services.participants import AgreementRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.participant_detail import agreement_columns
from fieldapp.ui.widgets.record_list import RecordList



class AgreementsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agreements_tab")
        self.participant_id: str | None = None
        self.list = RecordList(translate("AgreementsTab", "Follow-up agreements"), agreement_columns(), "agreement_table")
        note = QLabel(translate("AgreementsTab", "The status follows from the signatures and the agreement period."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: service.agreements_for(ws, participant_id, today=today),
                           lambda rows: self._show(participant_id, rows), owner=self)

    def _show(self, participant_id: str, rows: list[AgreementRow]) -> None:
        if participant_id == self.participant_id:
            self.list.set_rows(rows, translate("AgreementsTab", "No agreements yet."))
