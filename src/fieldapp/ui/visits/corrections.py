"""Corrections to a finished (locked) visit: the notes added so far, and a box to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.visit_records import VisitNote
from fieldapp.services import visits as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_datetime
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.widgets.forms import FieldForm


class CorrectionsPanel(QWidget):
    correction_added = Signal(object)  # the VisitNote

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = ""
        self.notes: list[VisitNote] = []
        intro = QLabel(translate("VisitCorrections", "The visit is finished and locked. Corrections are added as notes that "
                                    "stay linked to it; the original record is kept unchanged."))
        intro.setWordWrap(True)
        self.list_label = QLabel()
        self.list_label.setObjectName("correction_list")
        self.list_label.setWordWrap(True)
        self.list_label.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.form = FieldForm()
        self.form.add_field("text", translate("VisitCorrections", "&New correction"), self.text)
        self.form.add_general_error_row()
        self.add_button = QPushButton(translate("VisitCorrections", "Add correction"))
        self.add_button.setObjectName("add_correction")
        self.add_button.clicked.connect(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.list_label)
        layout.addLayout(self.form)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_notes("", ())

    def set_notes(self, visit_id: str, notes: tuple[VisitNote, ...] | list[VisitNote]) -> None:
        self.visit_id = visit_id
        self.notes = list(notes)
        if not self.notes:
            self.list_label.setText("<i>" + translate("VisitCorrections", "No corrections yet.") + "</i>")
            return
        parts = []
        for note in self.notes:
            when = fmt_datetime(note.created_at.astimezone()) if note.created_at else ""
            head = translate("VisitCorrections", "%1, by %2").replace("%1", when).replace("%2", _esc(note.created_by))
            parts.append(f"<p><b>{head}</b><br>{_esc(note.text).replace(chr(10), '<br>')}</p>")
        self.list_label.setText("".join(parts))

    def add(self) -> None:
        text, visit_id = self.text.toPlainText(), self.visit_id
        self.add_button.setEnabled(False)
        self.ctx.tasks.run(lambda: service.add_correction(self.ctx.ws, visit_id, text), self._added,
                           on_error=self._failed, owner=self)

    def _added(self, note: VisitNote) -> None:
        self.add_button.setEnabled(True)
        self.text.clear()
        self.form.clear_errors()
        self.set_notes(self.visit_id, [*self.notes, note])
        self.correction_added.emit(note)

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc)
        elif isinstance(exc, DomainError):
            self.form.general_error.setText(message(exc))
            self.form.general_error.show()
        else:
            raise exc


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
