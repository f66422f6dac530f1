"""Employers: the list with contact person and how many participants work there now."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldapp.services import employers as service
from fieldapp.services.employers import EmployerRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.employers import EmployerTableModel
from fieldapp.ui.views.base import View
from fieldapp.ui.widgets.tables import RowTable


class EmployersView(View):
    entities = frozenset({"employer", "employer_contact", "placement"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("employers_view")
        self.text = QLineEdit()
        self.text.setObjectName("employer_filter")
        self.text.setPlaceholderText(translate("Employers", "Filter by name, org. no., place or industry"))
        self.text.setAccessibleName(translate("Employers", "Filter employers"))
        self.text.setClearButtonEnabled(True)
        self.model = EmployerTableModel(self)
        self.table = RowTable(self.model, "employer_table")
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.text.textChanged.connect(self._debounce.start)

    def reload(self) -> None:
        ws, text = self.ctx.ws, self.text.text()
        self.ctx.tasks.run(lambda: service.list_employers(ws, text=text), self._show, owner=self)

    def _show(self, rows: list[EmployerRow]) -> None:
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.count.setText(translate("Employers", "%n employer(s)", None, len(rows)))
        self.loaded.emit(len(rows))
