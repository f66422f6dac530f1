"""The rows of what a cooperation meeting agreed: what, who, by when; a new row is added on request."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.cooperation_records import MeetingItem
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit


class MeetingItems(QWidget):
    """`items()` gives the rows as MeetingItems (stored rows keep their ids; empty rows are dropped by the service)."""

    def __init__(self, items: tuple[MeetingItem, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((translate("MeetingItems", "What was agreed"), translate("MeetingItems", "Who"),
                                       translate("MeetingItems", "By"))):
            self.grid.addWidget(QLabel(f"<i>{text}</i>"), 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.rows: list[tuple[MeetingItem, QLineEdit, QLineEdit, OptionalDateEdit]] = []
        for item in items:
            self.add_row(item)
        self.add_row()
        self.add_button = QPushButton(translate("MeetingItems", "Add a row"))
        self.add_button.setObjectName("add_meeting_item")
        self.add_button.clicked.connect(lambda *_: self.add_row().setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)

    def add_row(self, item: MeetingItem | None = None) -> QLineEdit:
        item = item or MeetingItem(meeting_id="", what="")
        n = len(self.rows)
        what, who = QLineEdit(item.what), QLineEdit(item.who or "")
        what.setMaxLength(1000)
        who.setMaxLength(200)
        deadline = OptionalDateEdit(item.deadline)
        for widget, name, spoken in ((what, "what", translate("MeetingItems", "What was agreed, row %1")),
                                     (who, "who", translate("MeetingItems", "Who, row %1")),
                                     (deadline, "deadline", translate("MeetingItems", "By, row %1"))):
            widget.setObjectName(f"item_{name}_{n}")
            widget.setAccessibleName(spoken.replace("%1", str(n + 1)))
            self.grid.addWidget(widget, n + 1, ("what", "who", "deadline").index(name))
        self.rows.append((item, what, who, deadline))
        return what

    def items(self) -> list[MeetingItem]:
        return [replace(item, what=what.text(), who=who.text(), deadline=deadline.value())
                for item, what, who, deadline in self.rows]
