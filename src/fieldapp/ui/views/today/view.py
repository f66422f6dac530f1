"""Today: visits planned today and later this week, and follow-ups overdue by the agreed or default cadence.

Every row is one click (the "Start visit" button under its table, a double-click or Enter) from the visit
editor: a planned visit opens as it is, an overdue follow-up starts a new visit with that participant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.services.today import Agenda
from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_long_date
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.agenda import OverdueTableModel
from fieldapp.ui.models.visits import VisitTableModel, today_columns, week_columns
from fieldapp.ui.views.base import View
from fieldapp.ui.views.today.jobdev_section import JobDevSection
from fieldapp.ui.widgets.tables import RowTable


def _section(text: str) -> QLabel:
    heading = QLabel(f"<h3>{text}</h3>")
    return heading


class TodayView(View):
    entities = frozenset({"visit", "participant", "placement", "agreement_version"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("today_view")
        self.heading = QLabel()
        self.heading.setObjectName("today_heading")
        self.today_model = VisitTableModel(today_columns(), self)
        self.week_model = VisitTableModel(week_columns(), self)
        self.overdue_model = OverdueTableModel(self)
        self.today_table = RowTable(self.today_model, "today_visits", on_activate=self.open_planned)
        self.week_table = RowTable(self.week_model, "week_visits", on_activate=self.open_planned)
        self.overdue_table = RowTable(self.overdue_model, "overdue_followups", on_activate=self.start_overdue)
        self.today_title = _section(translate("Today", "Planned today"))
        self.week_title = _section(translate("Today", "Later this week"))
        self.overdue_title = _section(translate("Today", "Overdue follow-up"))
        self.today_start = self._start_button(self.today_table, "start_today_visit", self.open_planned)
        self.week_start = self._start_button(self.week_table, "start_week_visit", self.open_planned)
        self.overdue_start = self._start_button(self.overdue_table, "start_overdue_visit", self.start_overdue)
        self.overdue_start.setToolTip(translate("Today", "Start a new visit with the selected participant (Enter)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for title, table, button in ((self.today_title, self.today_table, self.today_start),
                                     (self.week_title, self.week_table, self.week_start),
                                     (self.overdue_title, self.overdue_table, self.overdue_start)):
            row = QHBoxLayout()
            row.addWidget(title)
            row.addStretch(1)
            row.addWidget(button)
            layout.addLayout(row)
            layout.addWidget(table, 1)
        self.jobdev = JobDevSection(ctx, self)
        layout.addWidget(self.jobdev.scroller, 2)

    def _start_button(self, table: RowTable, name: str, start: Callable[[Any], None]) -> QPushButton:
        button = QPushButton(icons.icon("new-visit"), translate("Today", "Start visit"))
        button.setObjectName(name)
        button.setToolTip(translate("Today", "Open the selected visit (Enter or double-click)"))
        button.setEnabled(False)
        button.clicked.connect(lambda: (row := table.current_row()) is not None and start(row))
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: button.setEnabled(current.isValid()))
        table.row_model().modelReset.connect(lambda: button.setEnabled(table.current_row() is not None))
        return button

    def open_planned(self, row: Any) -> None:
        self.ctx.navigator.visit(row.id, row.participant_id)

    def start_overdue(self, row: Any) -> None:
        self.ctx.navigator.visit(None, row.participant_id)

    def reload(self) -> None:
        from fieldapp.services.agenda import load_agenda  # not at import: the first paint comes before storage

        ws, now = self.ctx.ws, self.ctx.now()
        self.ctx.tasks.run(lambda: load_agenda(ws, now=now), self._show, owner=self)

    def show_agenda(self, agenda: Agenda) -> None:
        """Show an agenda loaded elsewhere (the start-up preload)."""
        self._show(agenda)

    def _show(self, agenda: Agenda) -> None:
        self.heading.setText(f"<h2>{fmt_long_date(agenda.day).capitalize()}</h2>")
        self.today_model.set_rows(agenda.today)
        self.week_model.set_rows(agenda.rest_of_week)
        self.overdue_model.set_rows(agenda.overdue)
        self.today_title.setText("<h3>" + translate("Today", "Planned today (%n)", None, len(agenda.today)) + "</h3>")
        self.week_title.setText("<h3>" + translate("Today", "Later this week (%n)", None, len(agenda.rest_of_week))
                                + "</h3>")
        self.overdue_title.setText("<h3>" + translate("Today", "Overdue follow-up (%n)", None, len(agenda.overdue))
                                   + "</h3>")
        for table in (self.today_table, self.week_table, self.overdue_table):
            table.fit_columns()
        self.jobdev.reload()
        self.loaded.emit(agenda.row_count)
