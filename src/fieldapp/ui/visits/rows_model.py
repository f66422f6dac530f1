"""An editable table model over a list of small mutable rows (a visit's attendees or actions).

Each column edits one attribute of the row. Errors from the domain layer are kept per (row id, field) and
shown as a tinted cell with the message as tooltip; editing the cell clears its error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from fieldapp.ui.widgets.theme import CELL_ERROR

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ERROR_FOREGROUND, ERROR_BACKGROUND = QColor(CELL_ERROR[0]), QColor(CELL_ERROR[1])


@dataclass(frozen=True)
class EditColumn:
    field: str
    title: str
    display: Callable[[Any], str] | None = None
    editable: bool = True
    tooltip: Callable[[Any], str] | None = None


class EditableRowsModel(QAbstractTableModel, Generic[T]):
    """`rows_edited` is emitted after any change made through the model (cells, rows added or removed)."""

    rows_edited = Signal()

    def __init__(self, columns: Sequence[EditColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[T] = []
        self._errors: dict[tuple[str, str], str] = {}
        self.read_only = False

    # --- rows ---------------------------------------------------------------------------------------
    @property
    def rows(self) -> tuple[T, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._errors.clear()
        self.endResetModel()

    def append(self, row: T) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()
        self.rows_edited.emit()
        return n

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        self.endRemoveRows()
        self._errors = {k: v for k, v in self._errors.items() if k[0] != removed.id}
        self.rows_edited.emit()

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    # --- errors -------------------------------------------------------------------------------------
    def set_errors(self, errors: dict[tuple[str, str], str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def error_at(self, row: int, field: str) -> str:
        return self._errors.get((self._rows[row].id, field), "")

    @property
    def errors(self) -> dict[tuple[str, str], str]:
        return dict(self._errors)

    # --- Qt -----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        value = getattr(row, col.field)
        error = self._errors.get((row.id, col.field))
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row) if col.display else (value or "")
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or (col.tooltip(row) if col.tooltip else None)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return ERROR_FOREGROUND
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and error:
            return error
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt's name
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        row, col = self._rows[index.row()], self.columns[index.column()]
        if not col.editable:
            return False
        if isinstance(value, str) and col.field != "status":
            value = value if value.strip() else None
        if getattr(row, col.field) == value:
            return True
        setattr(row, col.field, value)
        self._errors.pop((row.id, col.field), None)
        self.dataChanged.emit(index, index)
        self.rows_edited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
