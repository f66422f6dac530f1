"""The agreements tab: the participant's follow-up agreements with number, version and status; new and open."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.services import participants as service
from fieldapp.services.participants import ParticipantAgreement
from fieldapp.ui.agreements.opening import new_agreement, open_agreement
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.participant_detail import agreement_columns
from fieldapp.ui.widgets.record_list import RecordList
from fieldapp.ui.widgets.theme import warning_style


class AgreementsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agreements_tab")
        self.participant_id: str | None = None
        self.list = RecordList(translate("AgreementsTab", "Follow-up agreements"), agreement_columns(), "agreement_table",
                               on_activate=lambda row: self.open_agreement(row.id))
        self.new_button = self.list.add_button(translate("AgreementsTab", "&New agreement …"), self.new_agreement,
                                               "new_agreement")
        self.open_button = self.list.add_button(translate("AgreementsTab", "O&pen"), self._open_current,
                                                "open_agreement", needs_row=True)
        self.error = QLabel()
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(translate("AgreementsTab", "The status follows from the signatures and the agreement period."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addWidget(note)
        self.editor: QWidget | None = None

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: service.agreements_for(ws, participant_id, today=today),
                           lambda rows: self._show(participant_id, rows), owner=self)

    def _show(self, participant_id: str, rows: list[ParticipantAgreement]) -> None:
        if participant_id == self.participant_id:
            self.list.set_rows(rows, translate("AgreementsTab", "No agreements yet."))

    def new_agreement(self) -> None:
        if self.participant_id is None:
            return
        self.error.hide()
        new_agreement(self.ctx, self.participant_id, self, on_open=self._opened, on_error=self._failed)

    def open_agreement(self, agreement_id: str) -> None:
        self._opened(open_agreement(self.ctx, agreement_id, self))

    def _open_current(self) -> None:
        row = self.list.current()
        if row is not None:
            self.open_agreement(row.id)

    def _opened(self, editor: QWidget) -> None:
        self.editor = editor
        if self.participant_id is not None:
            self.load(self.participant_id)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message(exc))
        self.error.show()
