"""Employers: the list with contact person and how many participants work there now, and the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from fieldapp.domain.records import Employer
from fieldapp.services import employers as service
from fieldapp.services.employers import EmployerRow
from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.employer_form import EmployerDialog
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.employers import EmployerTableModel
from fieldapp.ui.views.base import View
from fieldapp.ui.views.employers.detail import EmployerDetailPanel
from fieldapp.ui.widgets.tables import RowTable


class EmployersView(View):
    entities = frozenset({"employer", "employer_contact", "placement", "participant"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("employers_view")
        self.dialog: EmployerDialog | None = None
        self._pending: str | None = None
        self.text = QLineEdit()
        self.text.setObjectName("employer_filter")
        self.text.setPlaceholderText(translate("Employers", "Filter by name, org. no., place or industry"))
        self.text.setAccessibleName(translate("Employers", "Filter employers"))
        self.text.setClearButtonEnabled(True)
        self.model = EmployerTableModel(self)
        self.table = RowTable(self.model, "employer_table")
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count = QLabel()
        self.new_action = QAction(icons.icon("employers"), translate("Employers", "New &employer …"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        # Window-wide, but only while this view is the one shown (Qt ignores shortcuts of hidden widgets).
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_employer)
        self.addAction(self.new_action)
        self.new_button = QPushButton(icons.icon("employers"), translate("Employers", "New employer …"))
        self.new_button.setObjectName("new_employer")
        self.new_button.setToolTip(translate("Employers", "Register a new employer (Ctrl+Shift+E)"))
        self.new_button.clicked.connect(self.new_employer)
        self.detail = EmployerDetailPanel(ctx)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self.count)
        column.addLayout(bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("employers_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([500, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        self._debounce = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.text.textChanged.connect(self._debounce.start)
        self._first = True

    def reload(self) -> None:
        ws, text = self.ctx.ws, self.text.text()
        self.ctx.tasks.run(lambda: service.list_employers(ws, text=text), self._show, owner=self)

    def _show(self, rows: list[EmployerRow]) -> None:
        selected = self.table.current_row()
        self.model.set_rows(rows)
        if self._first and rows:
            self.table.fit_columns()
            self._first = False
        self.count.setText(translate("Employers", "%n employer(s)", None, len(rows)))
        wanted = self._pending or (selected.id if selected is not None else None)
        self._pending = None
        if wanted:
            self.select(wanted)
        self.loaded.emit(len(rows))

    def select(self, employer_id: str) -> bool:
        row = self.model.find(lambda r: r.id == employer_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_employer(self, employer_id: str) -> None:
        """Select an employer (clearing a filter that hides it) and show its details."""
        if self.select(employer_id):
            self.detail.show_employer(employer_id)
            return
        self._pending = employer_id
        self._debounce.stop()
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.reload()

    def new_employer(self) -> None:
        self.dialog = EmployerDialog(self.ctx, parent=self)
        self.dialog.saved.connect(self._created)
        self.dialog.open()

    def _created(self, employer: Employer) -> None:
        self.show_employer(employer.id)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.detail.show_employer(self.model.row_at(current.row()).id)
