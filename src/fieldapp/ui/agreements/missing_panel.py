"""The agreement editor's side panel: what is missing before signing, and warnings that never block."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.domain.messages import FieldError, Message
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.widgets.tables import RowTable
from fieldapp.ui.widgets.theme import warning_style


class MissingPanel(QWidget):
    """The list of what is missing (Enter or a double-click calls `on_activate` with the error) and, under it,
    the job's terms disagreeing (percentage against days and hours): a warning, never a block."""

    def __init__(self, on_activate: Callable[[FieldError], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTableModel[FieldError] = RowTableModel(
            [Column(translate("AgreementEditor", "Missing before signing"), lambda e: message(e.message))], self)
        self.table = RowTable(self.model, "missing_list", on_activate=on_activate)
        self.table.setWordWrap(True)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().hide()
        self.title = QLabel()
        self.title.setObjectName("missing_title")
        self.title.setWordWrap(True)
        self.terms_warning = QLabel()
        self.terms_warning.setObjectName("terms_warning")
        self.terms_warning.setWordWrap(True)
        self.terms_warning.setStyleSheet(warning_style())
        self.terms_warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.terms_warning)

    def show_missing(self, missing: Sequence[FieldError], warnings: Sequence[Message]) -> None:
        self.model.set_rows(list(missing))
        self.table.resizeRowsToContents()
        self.title.setText(translate("AgreementEditor", "Nothing is missing: the agreement can be made ready "
                                                        "for signing.") if not missing
                           else translate("AgreementEditor", "%n thing(s) missing before signing:", None,
                                          len(missing)))
        self.terms_warning.setText("\n".join(message(w) for w in warnings))
        self.terms_warning.setVisible(bool(warnings))
