"""A titled table of records with the buttons that act on them (Add, Edit …) underneath."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.widgets.tables import RowTable
from fieldapp.ui.widgets.theme import hint_style


class ListModel(RowTableModel[Any]):
    """Keeps the order rows come in until a column header is clicked.

    RowTable's setSortingEnabled(True) sorts by column 0 descending and its later sortByColumn(-1) is
    ignored by RowTableModel.sort, so without this every list would start in reverse order.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self._sort = None
            return
        super().sort(column, order)


class RecordList(QWidget):
    """`on_activate(row)` runs on double-click or Enter; buttons added with `needs_row` act on the selected row."""

    def __init__(self, title: str, columns: Sequence[Column[Any]], name: str,
                 on_activate: Callable[[Any], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(f"<h3>{title}</h3>")
        self.model: RowTableModel[Any] = ListModel(columns, self)
        self.table = RowTable(self.model, name, on_activate=on_activate)
        self.empty = QLabel()
        self.empty.setObjectName(f"{name}_empty")
        self.empty.setStyleSheet(hint_style())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self._row_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.model.rows_replaced.connect(self._enable)

    def add_button(self, text: str, slot: Callable[[], None], name: str, *, needs_row: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda *_: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if needs_row:
            self._row_buttons.append(button)
            button.setEnabled(False)
        return button

    def set_rows(self, rows: Sequence[Any], empty_text: str = "") -> None:
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.empty.setText(empty_text if not rows else "")
        self.empty.setVisible(not rows and bool(empty_text))
        self.table.setVisible(bool(rows) or not empty_text)

    def current(self) -> Any | None:
        return self.table.current_row()

    def _enable(self) -> None:
        has = self.current() is not None
        for button in self._row_buttons:
            button.setEnabled(has)
