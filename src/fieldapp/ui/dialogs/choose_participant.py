"""Asks whom a new visit is with, when nothing is selected in the view the user is in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldapp.domain.names import name_sort_key
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.tables import RowTable


def _columns() -> tuple[Column[Any], ...]:
    return (Column(translate("ChooseParticipant", "Participant"), lambda r: r.full_name,
                   sort_key=lambda r: name_sort_key(r.full_name)),
            Column(translate("ChooseParticipant", "Job"),
                   lambda r: f"{r.job_title}, {r.employer_name}" if r.employer_name else ""))


class ChooseParticipantDialog(QDialog):
    """The chosen participant's id is `chosen` after `exec()` returns Accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choose_participant")
        self.setWindowTitle(translate("ChooseParticipant", "New visit: whom is it with?"))
        self.ctx = ctx
        self.chosen: str | None = None
        self._all: list[Any] = []
        intro = QLabel(translate("ChooseParticipant",
                                 "No participant is selected. Choose the participant the visit is with."))
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("choose_participant_filter")
        self.filter.setPlaceholderText(translate("ChooseParticipant", "Type part of the name"))
        self.filter.setAccessibleName(translate("ChooseParticipant", "Filter participants by name"))
        self.filter.textChanged.connect(self._apply_filter)
        self.model: RowTableModel[Any] = RowTableModel(_columns(), self)
        self.table = RowTable(self.model, "choose_participant_table", on_activate=lambda row: self._accept(row),
                              spoken=translate("ChooseParticipant", "Participants to choose from"),
                              description=translate("ChooseParticipant", "Enter starts the visit with the selected one."))
        self.table.stretch_column(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ChooseParticipant", "Cancel"))
        self.ok = buttons.addButton(translate("ChooseParticipant", "Start visit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("choose_participant_ok")
        self.ok.setEnabled(False)
        buttons.accepted.connect(lambda: self._accept(self.table.current_row()))
        buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self.ok.setEnabled(current.isValid()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)
        fit_to_screen(self)
        self._load()

    def _load(self) -> None:
        from fieldapp.services.participants import list_participants

        ws, now = self.ctx.ws, self.ctx.now()
        self.ctx.tasks.run(lambda: list_participants(ws, now=now), self._loaded, owner=self)

    def _loaded(self, rows: list[Any]) -> None:
        self._all = list(rows)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        rows = [r for r in self._all if all(w in r.full_name.casefold() for w in words)]
        self.model.set_rows(rows)
        self.table.fit_columns()
        if rows:
            self.table.selectRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Up and down in the filter field move in the list, so the name can be typed and picked without Tab.
        if self.filter.hasFocus() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def _accept(self, row: Any | None) -> None:
        if row is None:
            return
        self.chosen = str(row.id)
        self.accept()
