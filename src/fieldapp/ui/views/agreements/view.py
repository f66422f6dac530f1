"""Agreements: every follow-up agreement with its latest version and derived status."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain import agreement_vocab
from fieldapp.services import agreements as service
from fieldapp.services.agreements import AgreementRow
from fieldapp.ui.agreements.opening import open_agreement
from fieldapp.ui.agreements.verify import PdfChecker
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, translate
from fieldapp.ui.models.agreements import AgreementTableModel
from fieldapp.ui.views.base import View
from fieldapp.ui.widgets.tables import RowTable


class AgreementsView(View):
    entities = frozenset({"agreement", "agreement_version", "signature", "agreement_event", "participant"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("agreements_view")
        self.text = QLineEdit()
        self.text.setObjectName("agreement_filter")
        self.text.setPlaceholderText(translate("Agreements", "Filter by number, participant or employer"))
        self.text.setAccessibleName(translate("Agreements", "Filter agreements"))
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("agreement_status")
        self.status.setAccessibleName(translate("Agreements", "Status"))
        self.status.addItem(translate("Agreements", "All statuses"), None)
        for term in agreement_vocab.AGREEMENT_STATUSES:
            self.status.addItem(term.label(current_language()), term.code)
        self.model = AgreementTableModel(self)
        self.table = RowTable(self.model, "agreement_table", on_activate=self._open)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.text, 1)
        filters.addWidget(self.status)
        self.checker = PdfChecker(ctx, self)
        self.check_button = QPushButton(translate("Agreements", "&Check a PDF …"))
        self.check_button.setObjectName("check_pdf_button")
        self.check_button.setToolTip(translate("Agreements", "Tell whether a PDF file is an untouched sealed copy of "
                                                             "an agreement version"))
        self.check_button.clicked.connect(self.checker.choose)
        filters.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._all: list[AgreementRow] = []
        self._debounce = QTimer(self, singleShot=True, interval=150, timeout=self._apply_filter)
        self.text.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self._apply_filter)

    def reload(self) -> None:
        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: service.list_agreements(ws, today=today), self._show, owner=self)

    def _show(self, rows: list[AgreementRow]) -> None:
        self._all = rows
        self._apply_filter()
        self.table.fit_columns()
        self.loaded.emit(self.model.rowCount())

    def _apply_filter(self) -> None:
        words = self.text.text().casefold().split()
        status = self.status.currentData()
        shown = [r for r in self._all
                 if (status is None or r.status == status)
                 and all(any(w in (x or "").casefold() for x in (r.number, r.participant_name, r.employer_name))
                         for w in words)]
        self.model.set_rows(shown)
        self.count.setText(translate("Agreements", "%n agreement(s)", None, len(shown)))

    def _open(self, row: AgreementRow) -> None:
        self.editor = open_agreement(self.ctx, row.agreement_id, self)
