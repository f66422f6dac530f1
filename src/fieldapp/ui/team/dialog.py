"""The team dialog: add job specialists, see each participant's responsible specialist (filterable), and hand
a participant over (change of specialist or vacation cover) with the handover recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.team_records import HANDOVER_REASONS, Specialist
from fieldapp.services import team as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import label, message, translate

def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TeamDialog(QDialog):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("team_dialog")
        self.setWindowTitle(translate("Team", "Team and responsible specialists"))
        self.resize(900, 600)
        self.today = ctx.today()
        self.rows: list[service.ResponsibleRow] = []
        self.specialists: list[Specialist] = []
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_specialist_name")
        self.new_name.setPlaceholderText(translate("Team", "Name of a new job specialist"))
        self.add_button = QPushButton(translate("Team", "Add specialist"))
        self.add_button.clicked.connect(self.add_specialist)
        self.filter = QComboBox()
        self.filter.setObjectName("team_filter")
        self.filter.setAccessibleName(translate("Team", "Show participants of"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("team_table")
        self.table.setHorizontalHeaderLabels([translate("Team", "Participant"), translate("Team", "Responsible"),
                                              translate("Team", "Since")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 260)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.handover_button = QPushButton(translate("Team", "Hand over …"))
        self.handover_button.setObjectName("hand_over")
        self.handover_button.clicked.connect(self.hand_over)
        self.error = QLabel()
        self.error.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.new_name, 1)
        top.addWidget(self.add_button)
        middle = QHBoxLayout()
        middle.addWidget(QLabel(translate("Team", "Show:")))
        middle.addWidget(self.filter, 1)
        middle.addWidget(self.handover_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.filter.currentIndexChanged.connect(lambda _: self._fill())
        self.reload()

    def reload(self) -> None:
        ws, today = self.ctx.ws, self.today
        self.ctx.tasks.run(lambda: (service.specialists(ws), service.responsible_rows(ws, today=today)),
                           self._loaded, owner=self)

    def _loaded(self, data: tuple[list[Specialist], list[service.ResponsibleRow]]) -> None:
        self.specialists, self.rows = data
        current = self.filter.currentData() if self.filter.count() else ""  # everyone, the first time
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(translate("Team", "Everyone"), "")
        self.filter.addItem(translate("Team", "Nobody responsible"), None)
        for s in self.specialists:
            self.filter.addItem(s.name, s.id)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        self._fill()
        self.loaded.emit()

    def visible_rows(self) -> list[service.ResponsibleRow]:
        wanted = self.filter.currentData()
        return [r for r in self.rows if wanted == "" or r.specialist_id == wanted]

    def _fill(self) -> None:
        rows = self.visible_rows()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            since = r.since.strftime("%d.%m.%Y") if r.since else ""
            for col, text in enumerate((r.name, r.specialist_name or translate("Team", "nobody"), since)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def add_specialist(self) -> None:
        ws, name = self.ctx.ws, self.new_name.text().strip()
        self.ctx.tasks.run(lambda: service.save_specialist(ws, Specialist(name=name)), self._changed,
                           on_error=self._failed, owner=self)

    def hand_over(self) -> None:
        row = self.table.currentRow()
        rows = self.visible_rows()
        if not 0 <= row < len(rows):
            self.error.setText(translate("Team", "Choose a participant in the list first."))
            return
        self.handover = HandoverDialog(self.ctx, rows[row], self.specialists, parent=self)
        self.handover.saved.connect(self._changed)
        self.handover.open()

    def _changed(self, _: object = None) -> None:
        self.new_name.clear()
        self.error.clear()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (DomainError, ValidationFailed)):
            raise exc
        self.error.setText(message(exc))


class HandoverDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, row: service.ResponsibleRow, specialists: list[Specialist],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setObjectName("handover_dialog")
        self.setWindowTitle(translate("Team", "Hand over %1").replace("%1", row.name))
        self.to = QComboBox()
        self.to.setObjectName("handover_to")
        for s in specialists:
            if s.id != row.specialist_id:
                self.to.addItem(s.name, s.id)
        self.reason = QComboBox()
        self.reason.setObjectName("handover_reason")
        for term in HANDOVER_REASONS:
            if term.code != "start" or row.specialist_id is None:
                self.reason.addItem(label(HANDOVER_REASONS, term.code), term.code)
        today = ctx.today()
        self.start = QDateEdit(_qdate(today), calendarPopup=True)
        self.until = QDateEdit(_qdate(today), calendarPopup=True)
        for edit in (self.start, self.until):
            edit.setDisplayFormat("dd.MM.yyyy")
        self.note = QLineEdit()
        self.history = QLabel(translate("Team", "Loading the history …"))
        self.history.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Team", "&To"), self.to)
        form.addRow(translate("Team", "&Reason"), self.reason)
        form.addRow(translate("Team", "&From"), self.start)
        form.addRow(translate("Team", "&Until (cover only)"), self.until)
        form.addRow(translate("Team", "&Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.history)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._reason_changed()
        ws = ctx.ws
        ctx.tasks.run(lambda: service.history(ws, row.participant_id), self._history, owner=self)

    def _reason_changed(self) -> None:
        self.until.setEnabled(self.reason.currentData() == "cover")

    def _history(self, handovers: list[service.Handover]) -> None:
        lines = [f"{h.assignment.start.strftime('%d.%m.%Y')}: {h.specialist_name} "
                 f"({label(HANDOVER_REASONS, h.assignment.reason)}"
                 + (f" – {h.assignment.until.strftime('%d.%m.%Y')}" if h.assignment.until else "") + ")"
                 for h in handovers]
        self.history.setText(translate("Team", "Earlier: %1").replace("%1", "; ".join(lines) or "–"))

    def save(self) -> None:
        cover = self.reason.currentData() == "cover"
        ws, pid, sid, reason = self.ctx.ws, self.row.participant_id, self.to.currentData(), self.reason.currentData()
        start, until, note = self.start.date().toPython(), self.until.date().toPython() if cover else None, self.note.text()
        if not sid:
            self.error.setText(translate("Team", "Add the job specialist to the team first."))
            return
        self.ctx.tasks.run(lambda: service.hand_over(ws, participant_id=pid, specialist_id=sid, start=start,
                                                     reason=reason, until=until, note=note),
                           self._saved, on_error=self._failed, owner=self)

    def _saved(self, assignment: object) -> None:
        self.saved.emit(assignment)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (DomainError, ValidationFailed)):
            raise exc
        self.error.setText(message(exc))
