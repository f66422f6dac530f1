"""A table of editable rows with its buttons and an error line, as the visit editor uses it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from fieldapp.ui.i18n import translate
from fieldapp.ui.visits.delegates import NamedCellDelegate
from fieldapp.ui.visits.rows_model import EditableRowsModel
from fieldapp.ui.widgets.focus_style import RingedTableView
from fieldapp.ui.widgets.theme import warning_style


class RowsTable(RingedTableView):
    """Tab leaves the table (the form's tab order goes on); arrows move between cells; Delete empties a cell."""

    def __init__(self, model: EditableRowsModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName(name)
        self.setTabKeyNavigation(False)
        self.setItemDelegate(NamedCellDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def edit_cell(self, row: int, column: int) -> None:
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid()
                and self.state() != QAbstractItemView.State.EditingState
                and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable
                and self.model().columns[index.column()].field in ("deadline", "responsible")):
            self.model().setData(index, None)
            return
        super().keyPressEvent(event)

    def fit_height(self) -> None:
        """Tall enough for its rows (no inner scrollbar in a scrolling form), at least three rows."""
        rows = self.model().rowCount(QModelIndex())
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(rows)) if rows else 0
        height += max(0, 3 - rows) * (self.fontMetrics().height() + 10)
        self.setMinimumHeight(height + 4)
        self.setMaximumHeight(height + 4)


class RowsEditor(QWidget):
    """The table, a row of buttons under it, and the line that names invalid cells."""

    def __init__(self, model: EditableRowsModel, name: str, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = RowsTable(model, name)
        self.table.setAccessibleName(accessible_name)
        self.table.setAccessibleDescription(translate(
            "RowsEditor", "Arrows move between cells; typing or F2 edits a cell; Tab leaves the table."))
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel()
        self.error.setObjectName(f"{name}_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(lambda *_: self._refit())

    def add_button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def show_errors(self, lines: list[str]) -> None:
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for i in range(self.buttons.count()):
            item = self.buttons.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(not read_only)

    def _refit(self) -> None:
        self.table.resizeRowsToContents()
        self.table.fit_height()
