"""Participants: the filtered list on the left, the selected participant on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from fieldapp.ui.context import AppContext
from fieldapp.ui.views.base import View
from fieldapp.ui.views.participants.detail import ParticipantDetailPanel
from fieldapp.ui.views.participants.list_panel import ParticipantListPanel


class ParticipantsView(View):
    entities = frozenset({"participant", "placement", "visit", "employer", "cooperating_actor", "consent"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("participants_view")
        self.list = ParticipantListPanel(ctx)
        self.detail = ParticipantDetailPanel(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("participants_splitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        self.list.loaded.connect(self.loaded)
        self.list.participant_selected.connect(self.detail.show_participant)
        self._pending: tuple[str, str] | None = None
        self.list.loaded.connect(self._select_pending)

    def reload(self) -> None:
        self.list.reload()

    def show_participant(self, participant_id: str, tab: str = "") -> None:
        """Select a participant (clearing filters that hide them) and show the tab asked for."""
        if not self.list.select(participant_id):
            self._pending = (participant_id, tab)
            self.list.text.clear()
            self.list.status.setCurrentIndex(0)
            self.list.method.setCurrentIndex(0)
            self.list.overdue.setChecked(False)
            self.reload()
            return
        self.detail.show_participant(participant_id, tab)

    def _select_pending(self) -> None:
        if self._pending is not None:
            pid, tab = self._pending
            self._pending = None
            self.list.select(pid)
            self.detail.show_participant(pid, tab)
