"""Participants: the filtered list on the left, the selected participant on the right, and new participants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from fieldapp.domain.records import Participant
from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.participant_form import ParticipantDialog
from fieldapp.ui.i18n import translate
from fieldapp.ui.views.base import View
from fieldapp.ui.views.participants.detail import ParticipantDetailPanel
from fieldapp.ui.views.participants.list_panel import ParticipantListPanel



class ParticipantsView(View):
    entities = frozenset({"participant", "placement", "visit", "employer", "cooperating_actor", "consent",
                          "nav_measure", "agreement", "agreement_version", "assignment", "specialist"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("participants_view")
        self.dialog: ParticipantDialog | None = None
        self.list = ParticipantListPanel(ctx)
        self.detail = ParticipantDetailPanel(ctx)
        self.new_action = QAction(icons.icon("participants"), translate("ParticipantsView", "New &participant …"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        # Window-wide, but only while this view is the one shown (Qt ignores shortcuts of hidden widgets).
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_participant)
        self.addAction(self.new_action)
        self.new_button = QPushButton(icons.icon("participants"), translate("ParticipantsView", "New participant …"))
        self.new_button.setObjectName("new_participant")
        self.new_button.setToolTip(translate("ParticipantsView", "Register a new participant (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_participant)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("participants_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([430, 770])
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        self.list.loaded.connect(self.loaded)
        self.list.participant_selected.connect(self.detail.show_participant)
        self._pending: tuple[str, str] | None = None
        self.list.loaded.connect(self._select_pending)

    def reload(self) -> None:
        self.list.reload()

    def selected_participant_id(self) -> str | None:
        """The participant shown in the detail, which is the one selected in the list."""
        return self.detail.participant_id

    def new_participant(self) -> None:
        self.dialog = ParticipantDialog(self.ctx, parent=self)
        self.dialog.saved.connect(self._created)
        self.dialog.open()

    def _created(self, participant: Participant) -> None:
        self.show_participant(participant.id, "overview")

    def show_participant(self, participant_id: str, tab: str = "") -> None:
        """Select a participant (clearing filters that hide them) and show the tab asked for."""
        if not self.list.select(participant_id):
            self._pending = (participant_id, tab)
            self.list.text.clear()
            self.list.status.setCurrentIndex(0)
            self.list.method.setCurrentIndex(0)
            self.list.phase.setCurrentIndex(0)
            self.list.specialist.setCurrentIndex(0)
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
