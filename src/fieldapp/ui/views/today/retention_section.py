"""Today's list of participants whose retention period has run out, each one click from review.

Nothing is erased from here without a person opening the participant and confirming.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import Column
from fieldapp.ui.widgets.record_list import ListModel
from fieldapp.ui.widgets.tables import RowTable

if TYPE_CHECKING:  # the first paint builds Today before the storage layer is loaded
    from fieldapp.services.retention import RetentionDue

WAIT_FOR_FOLDER_MS = 1000


class RetentionSection(QWidget):
    """Hidden while nobody is due; reloads when participants change."""

    ENTITIES = frozenset({"participant"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("retention_section")
        self.title = QLabel()
        self.title.setObjectName("retention_title")
        self.note = QLabel(translate("RetentionSection", "Follow-up has ended and the office's retention period has "
                                                         "run out. Review each participant and erase what is no longer "
                                                         "needed."))
        self.note.setWordWrap(True)
        self.model = ListModel([
            Column(translate("RetentionSection", "Participant"), lambda d: d.full_name),
            Column(translate("RetentionSection", "Follow-up ended"), lambda d: fmt_date(d.follow_up_end),
                   sort_key=lambda d: d.follow_up_end),
            Column(translate("RetentionSection", "Retention ran out"), lambda d: fmt_date(d.retention_ended),
                   sort_key=lambda d: d.retention_ended),
        ], self)
        self.table = RowTable(self.model, "retention_due", on_activate=self.review)
        # A short list under the agenda: a handful of rows, scrolling beyond that.
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 6 + 30)
        self.review_button = QPushButton(translate("RetentionSection", "&Review …"))
        self.review_button.setObjectName("review_retention")
        self.review_button.setToolTip(translate("RetentionSection", "Open the selected participant to review and erase"))
        self.review_button.clicked.connect(lambda: (row := self.table.current_row()) is not None and self.review(row))
        self.erase_button = QPushButton(translate("RetentionSection", "Erase …"))
        self.erase_button.setObjectName("erase_retention")
        self.erase_button.setToolTip(translate("RetentionSection", "Erase the selected participant (asks first)"))
        self.erase_button.clicked.connect(lambda: (row := self.table.current_row()) is not None and self.erase(row))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.review_button)
        head.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.setVisible(False)
        ctx.changes.data_changed.connect(lambda entities: entities & self.ENTITIES and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        if not self.ctx.tasks.is_open:
            # The window is closing (or a waiting timer outlived it): nothing to load into it any more.
            return
        if not self.ctx.has_workspace:
            # Today is on screen before the data folder is open; look again once it is.
            QTimer.singleShot(WAIT_FOR_FOLDER_MS, self, self.refresh)
            return
        from fieldapp.services.retention import due_for_erasure

        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: due_for_erasure(ws, today=today), self._show, owner=self)

    def _show(self, due: list[RetentionDue]) -> None:
        self.model.set_rows(due)
        self.title.setText("<h3>" + translate("RetentionSection", "Retention period ended (%n)", None, len(due)) + "</h3>")
        self.table.fit_columns()
        self.setVisible(bool(due))

    def erase(self, row: RetentionDue) -> None:
        from fieldapp.ui.privacy.erase_dialog import ask_and_erase

        ask_and_erase(self.ctx, self, row.participant_id)

    def review(self, row: RetentionDue) -> None:
        self.ctx.navigator.participant(row.participant_id, "overview")
