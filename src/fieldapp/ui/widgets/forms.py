"""Forms that show the domain layer's validation messages at the field they concern.

A `FieldForm` is a QFormLayout whose rows are registered under the record's field names.
`show_errors(ValidationFailed)` marks each named field (red frame, message under it, accessible
description) and keeps what the user typed; editing a marked field clears its mark. Errors for
fields without a row are shown in the form's general error line.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QFormLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget)

from fieldapp.domain.messages import FieldError, ValidationFailed
from fieldapp.ui.i18n import message
from fieldapp.ui.widgets.theme import warning_color, warning_style

# Light palettes only: widgets/theme.warning_style() holds its contrast in dark ones too (kept for older callers).
ERROR_STYLE = "color: #b3261e;"
INVALID_PROPERTY = "invalid"


def _changed_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit | QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return None


class FieldForm(QFormLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setObjectName("form_error")
        self.general_error.setStyleSheet(warning_style())
        self.general_error.setWordWrap(True)
        self.general_error.hide()

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a row for the record field `name`; `label` may hold & for a keyboard accelerator."""
        widget.setObjectName(name)
        plain = label.replace("&", "")
        widget.setAccessibleName(plain)
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setStyleSheet(warning_style())
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        row_label = QLabel(label)
        row_label.setBuddy(widget)
        self.addRow(row_label, box)
        self.fields[name] = widget
        self.error_labels[name] = error
        signal = _changed_signal(widget)
        if signal is not None:
            signal.connect(lambda *_: self.clear_error(name))
        return widget

    def add_general_error_row(self) -> None:
        self.addRow(self.general_error)

    def show_errors(self, errors: ValidationFailed | Iterable[FieldError]) -> list[str]:
        """Mark every field named in `errors`; returns the names marked. Focus goes to the first one."""
        self.clear_errors()
        items = errors.errors if isinstance(errors, ValidationFailed) else tuple(errors)
        marked, general = [], []
        for item in items:
            widget = self.fields.get(item.field)
            if widget is None:
                general.append(message(item.message))
                continue
            label = self.error_labels[item.field]
            label.setText(message(item.message))
            label.show()
            widget.setProperty(INVALID_PROPERTY, True)
            widget.setStyleSheet(f"border: 2px solid {warning_color().name()};")
            widget.setAccessibleDescription(message(item.message))
            marked.append(item.field)
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if marked:
            self.fields[marked[0]].setFocus()
        return marked

    def clear_error(self, name: str) -> None:
        widget, label = self.fields.get(name), self.error_labels.get(name)
        if widget is None or label is None or not label.isVisible():
            return
        label.hide()
        label.clear()
        widget.setProperty(INVALID_PROPERTY, False)
        widget.setStyleSheet("")
        widget.setAccessibleDescription("")

    def clear_errors(self) -> None:
        for name in self.fields:
            self.clear_error(name)
        self.general_error.hide()

    def error_text(self, name: str) -> str:
        label = self.error_labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""
