"""The selected participant: name, status and current job, with tabs for each part of the follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from fieldapp.services import participants as service
from fieldapp.services.participants import ParticipantDetail
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate


class ParticipantDetailPanel(QWidget):
    TABS = ("overview", "mapping", "placements", "visits", "agreements")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id: str | None = None
        self.heading = QLabel(translate("ParticipantDetail", "Choose a participant in the list."))
        self.heading.setObjectName("participant_heading")
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def show_participant(self, participant_id: str, tab: str = "") -> None:
        self.participant_id = participant_id
        ws, now = self.ctx.ws, self.ctx.now()
        self.ctx.tasks.run(lambda: service.open_participant(ws, participant_id, now=now),
                           lambda detail: self._show(detail, tab), owner=self)

    def _show(self, detail: ParticipantDetail | None, tab: str) -> None:
        if detail is None or detail.participant.id != self.participant_id:
            return
        p = detail.participant
        self.heading.setText(f"<h2>{p.first_name} {p.last_name}</h2>")
        if tab in self.TABS:
            self.tabs.setCurrentIndex(self.TABS.index(tab))
