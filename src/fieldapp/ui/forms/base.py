"""The shared shape of a record dialog: a FieldForm, Save and Cancel, saving on the worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from fieldapp.domain import vocab
from fieldapp.domain.messages import DomainError, FieldError, ValidationFailed
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import label, message, translate
from fieldapp.ui.widgets.forms import FieldForm


def line(text: str | None = None, max_length: int | None = None) -> QLineEdit:
    edit = QLineEdit(text or "")
    if max_length:
        edit.setMaxLength(max_length)
    return edit


def notes_edit(text: str | None = None, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text or "")
    edit.setTabChangesFocus(True)  # Tab moves on through the form, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def term_combo(terms: tuple[vocab.Term, ...], current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for term in terms:
        combo.addItem(label(terms, term.code), term.code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def set_combo(combo: QComboBox, data: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(data)))


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def section(text: str) -> QLabel:
    heading = QLabel(f"<b>{text}</b>")
    heading.setContentsMargins(0, 8, 0, 0)
    return heading


class RecordDialog(QDialog):
    """Subclasses fill `self.form`, then implement `store()` (runs on the worker thread, returns the saved
    result). Save validates through the service; errors are marked at their fields and the dialog stays
    open with everything typed; success (which the change hub reports by itself) emits `saved(result)` and closes."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = FieldForm()
        self.forms: list[FieldForm] = [self.form]  # a dialog may lay its fields out in more than one form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("RecordDialog", "&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("RecordDialog", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.form)

    def finish_layout(self) -> None:
        """Call after the last field: the general error line and the buttons go last, also in tab order."""
        self.form.add_general_error_row()
        self._layout.addStretch(1)
        self._layout.addWidget(self.buttons)

    def error_field(self, name: str) -> str:
        """The form field that shows a service error named `name` (override where names differ)."""
        return name

    def show_errors(self, exc: ValidationFailed) -> None:
        errors = [FieldError(self.error_field(e.field), e.message) for e in exc.errors]
        placed = {name for form in self.forms for name in form.fields}
        for form in reversed(self.forms):  # the first form last, so focus lands on its first marked field
            mine = [e for e in errors if e.field in form.fields]
            if form is self.form:
                mine += [e for e in errors if e.field not in placed]
            form.show_errors(mine)

    def store(self) -> Callable[[], Any]:
        """Read the fields (UI thread) and return the work that saves them (worker thread)."""
        raise NotImplementedError

    def save(self) -> None:
        try:
            work = self.store()
        except ValidationFailed as exc:
            self.show_errors(exc)
            return
        for form in self.forms:
            form.clear_errors()
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(work, self._stored, on_error=self._failed, owner=self)

    def _stored(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.show_errors(exc)
        elif isinstance(exc, DomainError):
            self.form.general_error.setText(message(exc))
            self.form.general_error.show()
        else:
            raise exc
