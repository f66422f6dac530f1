"""Inputs the visit editor needs beyond Qt's own: an optional date and a checklist of topics."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QGridLayout, QWidget

from fieldapp.domain import vocab
from fieldapp.ui.i18n import label, translate

NO_DATE = QDate(1900, 1, 1)


def _leave_on_tab(widget: QWidget, forward: bool) -> bool:
    # Qt's date edits use Tab to step between day, month and year; in a form Tab must go to the next field.
    return QWidget.focusNextPrevChild(widget, forward)


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown as "No date"); Delete empties it. Tab leaves the field."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return _leave_on_tab(self, forward)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(translate("VisitEditor", "No date"))
        self.set_value(None)

    def value(self) -> date | None:
        return None if self.date() == NO_DATE else self.date().toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete and not self.isReadOnly():
            self.set_value(None)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.value() is None:  # the calendar would open in 1900
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    naive: datetime = value.toPython()  # type: ignore[assignment]
    return naive.replace(second=0, microsecond=0).astimezone()


class DateTimeEdit(QDateTimeEdit):
    """Tab leaves the field (type "." or ":" or use the arrow keys to step between day, month, hour …)."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return _leave_on_tab(self, forward)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.setCalendarPopup(True)


class TopicChecklist(QWidget):
    """Every visit topic as a check box, in two columns. `changed` after any box is ticked or cleared."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        self.boxes: dict[str, QCheckBox] = {}
        half = (len(vocab.VISIT_TOPICS) + 1) // 2
        for n, term in enumerate(vocab.VISIT_TOPICS):
            box = QCheckBox(label(vocab.VISIT_TOPICS, term.code))
            box.setObjectName(f"topic_{term.code}")
            box.setAccessibleName(label(vocab.VISIT_TOPICS, term.code))
            box.toggled.connect(lambda _=False: self.changed.emit())
            grid.addWidget(box, n % half, n // half)
            self.boxes[term.code] = box

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, codes: tuple[str, ...]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
