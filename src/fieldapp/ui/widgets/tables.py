"""A table view set up the same way everywhere: whole rows, sortable, readable, keyboard-friendly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from fieldapp.ui.models.table import ROW_ROLE, RowTableModel


FIT_ROWS = 40


class RowTable(QTableView):
    """`on_activate(row)` runs on double-click or Enter with the row object."""

    def __init__(self, model: RowTableModel[Any], name: str, parent: QWidget | None = None,
                 on_activate: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows come in the service's order (Norwegian alphabetical, most urgent first, ...) until the user
        # clicks a header; Qt would otherwise sort by the first column, descending, at once.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Fitting columns measures about a screenful of rows, not all of them (see fit_columns; also for a
        # double-click on a header's edge).
        header.setResizeContentsPrecision(FIT_ROWS)
        self._on_activate = on_activate
        self.activated.connect(self._activated)

    def row_model(self) -> RowTableModel[Any]:
        model = self.model()
        assert isinstance(model, RowTableModel)
        return model

    def current_row(self) -> Any | None:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def fit_columns(self, max_width: int = 320) -> None:
        """Size columns to their header and the text of about a screenful of rows, within a limit.

        Measured here from the columns' own text functions rather than by Qt's resizeColumnsToContents,
        which asks the model for every role of every measured cell (a tenth of a second for the three
        Today tables: on the start-up's critical path). Warning cells are bold, so they are measured bold."""
        model = self.row_model()
        header = self.horizontalHeader()
        plain = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        heading = header.fontMetrics()
        rows = [model.row_at(i) for i in range(min(FIT_ROWS, model.rowCount()))]
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for number, column in enumerate(model.columns[:-1]):  # the last column stretches
            widest = heading.horizontalAdvance(column.title) + 24  # room for the sort indicator
            for row in rows:
                metrics = bold if column.warning is not None and column.warning(row) else plain
                widest = max(widest, metrics.horizontalAdvance(column.text(row)) + padding)
            header.resizeSection(number, min(max_width, widest))

    def _activated(self, index: QModelIndex) -> None:
        if self._on_activate is not None and index.isValid():
            self._on_activate(index.data(ROW_ROLE))
