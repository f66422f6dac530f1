"""Inputs the visit editor needs beyond Qt's own: a date and time, and a checklist of topics (the optional
date is widgets/dates.OptionalDateEdit)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QGridLayout, QWidget

from fieldapp.domain import vocab
from fieldapp.ui.i18n import label


def _leave_on_tab(widget: QWidget, forward: bool) -> bool:
    # Qt's date edits use Tab to step between day, month and year; in a form Tab must go to the next field.
    return QWidget.focusNextPrevChild(widget, forward)


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    naive: datetime = value.toPython()  # type: ignore[assignment]  # PySide6's stub types toPython() as object
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
