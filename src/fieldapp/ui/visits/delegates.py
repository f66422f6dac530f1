"""Cell editors for the visit editor's tables: a date, a choice from a vocabulary, and text with suggestions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from fieldapp.domain import vocab
from fieldapp.ui.i18n import label, translate

Index = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "dd.MM.yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def name_cell_editor(editor: QWidget, index: Index) -> None:
    """A cell editor says what it edits ("Frist, rad 2"), as a field's label would: a screen reader has no header."""
    model = index.model()
    column = model.headerData(index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
    editor.setAccessibleName(translate("CellEditor", "%1, row %2").replace("%1", str(column).replace("&", ""))
                             .replace("%2", str(index.row() + 1)))
    viewport = editor.parentWidget()
    table = viewport.parentWidget() if viewport is not None else None
    if table is not None and table.accessibleName():
        editor.setAccessibleDescription(translate("CellEditor", "In the table %1. Enter keeps the value, Esc undoes it.")
                                        .replace("%1", table.accessibleName()))


class NamedCellDelegate(QStyledItemDelegate):
    """Qt's own cell editors (text), named for a screen reader."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802 - Qt's name
        editor = super().createEditor(parent, option, index)
        name_cell_editor(editor, index)
        return editor


class DateDelegate(QStyledItemDelegate):
    """A date with a calendar; an empty cell starts at `default_day()`."""

    def __init__(self, default_day, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_day = default_day

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802 - Qt's name
        editor = QDateEdit(parent)
        editor.setDisplayFormat(DATE_FORMAT)
        editor.setCalendarPopup(True)
        name_cell_editor(editor, index)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(to_qdate(value if isinstance(value, date) else self._default_day()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802 - Qt's name
        model.setData(index, editor.date().toPython(), Qt.ItemDataRole.EditRole)


class TermDelegate(QStyledItemDelegate):
    """One code of a vocabulary, shown by its label."""

    def __init__(self, terms: tuple[vocab.Term, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terms = terms

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802 - Qt's name
        combo = QComboBox(parent)
        for term in self._terms:
            combo.addItem(label(self._terms, term.code), term.code)
        name_cell_editor(combo, index)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802 - Qt's name
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SuggestDelegate(QStyledItemDelegate):
    """Free text with a list of suggestions (roles of people present)."""

    def __init__(self, suggestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggestions = suggestions

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802 - Qt's name
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(self._suggestions()))
        name_cell_editor(combo, index)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        editor.setEditText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802 - Qt's name
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
