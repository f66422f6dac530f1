"""Search results: participants, employers and visits matching every word typed in the search field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.services import search as service
from fieldapp.services.search import HitKind, SearchHit, SearchResults
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, translate
from fieldapp.ui.models.search import SearchHitTableModel
from fieldapp.ui.views.base import View
from fieldapp.ui.widgets.tables import RowTable


class SearchView(View):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("search_view")
        self.heading = QLabel()
        self.heading.setObjectName("search_heading")
        self.model = SearchHitTableModel(self)
        self.table = RowTable(self.model, "search_results", on_activate=self.open_hit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self._text = ""
        self._generation = 0

    def search(self, text: str) -> None:
        self._text = text
        self.reload()

    def reload(self) -> None:
        ws, text, lang = self.ctx.ws, self._text, current_language()
        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(lambda: service.search(ws, text, lang=lang),
                           lambda found: self._show(found, generation), owner=self)

    def _show(self, found: SearchResults, generation: int) -> None:
        if generation != self._generation:
            return
        hits = found.hits
        self.model.set_rows(hits)
        self.table.fit_columns(max_width=420)
        if len(found.text) < service.MIN_LENGTH:
            self.heading.setText(translate("Search", "Type at least two characters to search."))
        else:
            self.heading.setText("<h3>" + translate("Search", "%n match(es) for “%1”", None, len(hits)).replace(
                "%1", found.text) + "</h3>")
        self.loaded.emit(len(hits))

    def open_hit(self, hit: SearchHit) -> None:
        nav = self.ctx.navigator
        if hit.kind == HitKind.PARTICIPANT:
            nav.participant(hit.id)
        elif hit.kind == HitKind.EMPLOYER:
            nav.employer(hit.id)
        elif hit.kind == HitKind.VISIT:
            nav.visit(hit.id)
