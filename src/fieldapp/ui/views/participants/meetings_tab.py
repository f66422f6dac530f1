"""The cooperation meetings tab: the participant's samarbeidsmøter, writing one down, and saving its minutes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.services import cooperation as service
from fieldapp.services.cooperation import MeetingContext, MeetingRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.cooperation.meeting_dialog import MeetingDialog
from fieldapp.ui.cooperation.minutes import MinutesExport
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.table import Column
from fieldapp.ui.widgets.record_list import RecordList
from fieldapp.ui.widgets.theme import warning_style

ENTITIES = frozenset({"cooperation_meeting", "meeting_item", "cooperating_actor", "consent"})


def _consent_text(row: MeetingRow) -> str:
    if not row.missing_consent:
        return translate("MeetingsTab", "Recorded")
    return translate("MeetingsTab", "Missing: %1").replace("%1", ", ".join(a.name for a in row.missing_consent))


def meeting_columns() -> list[Column[MeetingRow]]:
    return [
        Column(translate("MeetingsTab", "Date"), lambda r: fmt_date(r.meeting.held_on),
               sort_key=lambda r: r.meeting.held_on),
        Column(translate("MeetingsTab", "Topic"), lambda r: r.meeting.topic),
        Column(translate("MeetingsTab", "Attendees"), lambda r: r.attendee_names),
        Column(translate("MeetingsTab", "Agreed"), lambda r: str(len(r.items)), sort_key=lambda r: len(r.items)),
        Column(translate("MeetingsTab", "Consent"), _consent_text, warning=lambda r: bool(r.missing_consent)),
    ]


class MeetingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("meetings_tab")
        self.participant_id: str | None = None
        self.dialog: MeetingDialog | None = None
        self.export: MinutesExport | None = None
        self.box: QMessageBox | None = None
        self.list = RecordList(translate("MeetingsTab", "Cooperation meetings"), meeting_columns(), "meeting_table",
                               on_activate=lambda row: self.edit_meeting())
        self.list.table.stretch_column(1)
        self.list.add_button(translate("MeetingsTab", "New …"), self.add_meeting, "add_meeting")
        self.list.add_button(translate("MeetingsTab", "Edit …"), self.edit_meeting, "edit_meeting",
                             needs_row=True)
        # Short button texts keep the tab as narrow as the others (the main window must fit 800 pixels).
        minutes = self.list.add_button(translate("MeetingsTab", "Minutes …"), self.save_minutes, "save_minutes",
                                       needs_row=True)
        minutes.setToolTip(translate("MeetingsTab", "Save the minutes of the selected meeting as PDF"))
        self.list.add_button(translate("MeetingsTab", "Remove"), self.remove_meeting, "remove_meeting",
                             needs_row=True)
        self.info = QLabel()
        self.info.setObjectName("meetings_info")
        self.info.setWordWrap(True)
        self.info.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 9, 4, 9)
        layout.addWidget(self.list)
        layout.addWidget(self.info)
        ctx.changes.data_changed.connect(lambda entities: entities & ENTITIES and self.reload())

    def today(self) -> date:
        return self.ctx.now().astimezone().date()

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        self.info.hide()
        self.reload()

    def reload(self) -> None:
        if not self.participant_id or not self.ctx.has_workspace:
            return
        ws, pid = self.ctx.ws, self.participant_id
        self.ctx.tasks.run(lambda: (pid, service.list_meetings(ws, pid)), self._show, on_error=self._not_loaded,
                           owner=self)

    def _not_loaded(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.list.set_rows([], message(exc))  # e.g. the participant was just erased or merged away

    def _show(self, result: tuple[str, list[MeetingRow]]) -> None:
        pid, rows = result
        if pid == self.participant_id:
            self.list.set_rows(rows, translate("MeetingsTab", "No cooperation meetings yet."))

    def add_meeting(self) -> None:
        self._with_context(None)

    def edit_meeting(self) -> None:
        row: MeetingRow | None = self.list.current()
        if row is not None:
            self._with_context(row)

    def _with_context(self, row: MeetingRow | None) -> None:
        if not self.participant_id:
            return
        ws, pid = self.ctx.ws, self.participant_id
        self.ctx.tasks.run(lambda: service.meeting_context(ws, pid), lambda c: self._open(c, row),
                           on_error=self._failed, owner=self)

    def _open(self, context: MeetingContext, row: MeetingRow | None) -> None:
        if context.participant_id != self.participant_id:
            return
        self.dialog = MeetingDialog(self.ctx, context, row, today=self.today(), parent=self)
        self.dialog.open()

    def save_minutes(self) -> None:
        row: MeetingRow | None = self.list.current()
        if row is None:
            return
        name = f"samarbeidsmote-{row.meeting.held_on.isoformat()}.pdf"
        self.export = MinutesExport(self.ctx, row.meeting.id, name, self)
        self.export.saved.connect(
            lambda path: self._say(translate("MeetingsTab", "Minutes saved to %1").replace("%1", path)))
        self.export.failed.connect(lambda text: self._say(text, warning=True))
        self.export.start()

    def remove_meeting(self) -> None:
        row: MeetingRow | None = self.list.current()
        if row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("MeetingsTab", "Remove meeting"), translate(
            "MeetingsTab", "Remove the meeting of %1 (%2) and what was agreed there?").replace(
            "%1", fmt_date(row.meeting.held_on)).replace("%2", row.meeting.topic), QMessageBox.StandardButton.NoButton,
            self)
        box.setObjectName("remove_meeting_box")
        remove = box.addButton(translate("MeetingsTab", "Remove"), QMessageBox.ButtonRole.AcceptRole)
        remove.setObjectName("remove_meeting_yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(translate("MeetingsTab", "Cancel"))
        box.setDefaultButton(cancel)
        ws, meeting_id = self.ctx.ws, row.meeting.id
        box.accepted.connect(lambda: self.ctx.tasks.run(lambda: service.delete_meeting(ws, meeting_id), owner=self))
        self.box = box
        box.open()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(message(exc), warning=True)

    def _say(self, text: str, *, warning: bool = False) -> None:
        self.info.setText(text)
        self.info.setStyleSheet(warning_style() if warning else "")
        self.info.show()
