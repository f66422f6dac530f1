"""Date inputs that may also be empty (a deadline or an end date is often not known yet)."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from fieldapp.ui.i18n import translate

DATE_FORMAT = "dd.MM.yyyy"
_EMPTY = QDate(1900, 1, 1)


def date_edit(value: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A required date: typed as dd.mm.yyyy or picked from a calendar."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value) if value else QDate.currentDate())
    return edit


class OptionalDateEdit(QDateEdit):
    """A date edit that can hold "no date": shown as an empty-looking text; Delete clears it. Tab leaves the
    field (Qt's date edits would use it to step between day, month and year).

    With `fill_on_focus`, focusing an empty field puts today's date in, so typing works section by section as
    usual, and leaving it untouched empties it again. The autosaving editors turn that off: every change of
    date there is an edit to save.
    """

    def __init__(self, value: date | None = None, parent: QWidget | None = None, *, fill_on_focus: bool = True) -> None:
        super().__init__(parent)
        self._fill_on_focus = fill_on_focus
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText(translate("DateField", "no date"))
        self.setToolTip(translate("DateField", "Type dd.mm.yyyy or pick from the calendar; Delete clears the date."))
        self.set_value(value)
        self._auto_filled = False
        self.dateChanged.connect(self._changed)

    def value(self) -> date | None:
        return None if self.date() == _EMPTY else cast(date, self.date().toPython())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value) if value else _EMPTY)

    def clear_value(self) -> None:
        self.setDate(_EMPTY)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if self._fill_on_focus and self.date() == _EMPTY and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.setDate(QDate.currentDate())
            self._auto_filled = True  # set after setDate: any later change means the user chose a date
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # Tabbing through an empty field must not leave today's date behind.
        if self._auto_filled and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.setDate(_EMPTY)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete or (event.key() == Qt.Key.Key_Backspace
                                                 and self.lineEdit().selectedText() == self.text()):
            self.clear_value()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.date() == _EMPTY:  # the calendar would open in 1900
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)

    def _changed(self) -> None:
        self._auto_filled = False
