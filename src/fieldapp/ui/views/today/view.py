"""Today: visits planned today and later this week, overdue follow-ups, and visit drafts left unfinished.

Every row is one click (the "Start visit" button under its table, a double-click or Enter) from the visit
editor: a planned visit or a draft opens as it is, an overdue follow-up starts a new visit with that
participant. An empty section shrinks to one line saying what to do next, so the rows that need work get
the height.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.services.today import Agenda
from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_long_date, sentence_start
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.agenda import OverdueTableModel
from fieldapp.ui.models.visits import VisitTableModel, draft_columns, today_columns, week_columns
from fieldapp.ui.views.base import View
from fieldapp.ui.views.today.jobdev_section import JobDevSection
from fieldapp.ui.views.today.retention_section import RetentionSection
from fieldapp.ui.widgets.tables import RowTable
from fieldapp.ui.widgets.theme import hint_style

# A section with rows is at most this many rows tall before it scrolls, so one long list cannot push the
# others off a 768-pixel screen; the overdue list, usually the longest, may take what is left.
_SHORT_SECTION_ROWS = 6


class _Section:
    """A heading with its start button, and either the table or one line saying what to do next."""

    def __init__(self, table: RowTable, button: QPushButton, empty_text: str) -> None:
        self.table = table
        self.button = button
        self.title = QLabel()
        self.title.setObjectName(f"{table.objectName()}_title")
        self.empty = QLabel(empty_text)
        self.empty.setObjectName(f"{table.objectName()}_empty")
        self.empty.setStyleSheet(hint_style())
        self.empty.setWordWrap(True)
        self.empty_text = empty_text

    def show_rows(self, heading: str, rows: int, *, capped: bool) -> None:
        self.title.setText(f"<h3>{heading}</h3>")
        self.table.setVisible(rows > 0)
        self.button.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        if capped and rows:
            row_height = self.table.verticalHeader().defaultSectionSize()
            chrome = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth() + 4
            self.table.setMaximumHeight(chrome + row_height * min(rows, _SHORT_SECTION_ROWS))


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
        self.draft_model = VisitTableModel(draft_columns(), self)
        self._last_table: RowTable | None = None
        self._focused_once = False  # the first load puts the keyboard on the first row; later ones follow the user
        self.today_table = RowTable(self.today_model, "today_visits", on_activate=self.open_planned)
        self.week_table = RowTable(self.week_model, "week_visits", on_activate=self.open_planned)
        self.overdue_table = RowTable(self.overdue_model, "overdue_followups", on_activate=self.start_overdue)
        self.overdue_table.stretch_column(1)  # the job, not the short "overdue by"
        self.draft_table = RowTable(self.draft_model, "draft_visits", on_activate=self.open_planned)
        self.today_start = self._start_button(self.today_table, "start_today_visit", self.open_planned)
        self.week_start = self._start_button(self.week_table, "start_week_visit", self.open_planned)
        self.overdue_start = self._start_button(self.overdue_table, "start_overdue_visit", self.start_overdue)
        self.overdue_start.setToolTip(translate("Today", "Start a new visit with the selected participant (Enter)"))
        self.draft_start = self._start_button(self.draft_table, "open_draft_visit", self.open_planned)
        self.draft_start.setText(translate("Today", "Open draft"))
        self.draft_start.setToolTip(translate("Today", "Open the draft to finish or discard it (Enter)"))
        self.sections = {
            "today": _Section(self.today_table, self.today_start, translate(
                "Today", "Nothing planned today. Select a participant and press Ctrl+N to start a visit.")),
            "overdue": _Section(self.overdue_table, self.overdue_start, translate(
                "Today", "No follow-up is overdue.")),
            "drafts": _Section(self.draft_table, self.draft_start, translate(
                "Today", "No unfinished drafts.")),
            "week": _Section(self.week_table, self.week_start, translate(
                "Today", "Nothing planned later this week. Visits you plan show here.")),
        }
        self.today_title = self.sections["today"].title
        self.week_title = self.sections["week"].title
        self.overdue_title = self.sections["overdue"].title
        self.draft_title = self.sections["drafts"].title
        self.next_step = QLabel(translate(
            "Today", "Nothing to do today yet. Register participants under Participants (Ctrl+2) and their jobs; "
                     "follow-ups due and visits you plan then show here."))
        self.next_step.setObjectName("today_next_step")
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet(hint_style())
        self.next_step.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.next_step)
        for key, section in self.sections.items():
            row = QHBoxLayout()
            row.addWidget(section.title)
            row.addStretch(1)
            row.addWidget(section.button)
            layout.addLayout(row)
            layout.addWidget(section.empty)
            layout.addWidget(section.table, 3 if key == "overdue" else 1)
        self.jobdev = JobDevSection(ctx, self)
        layout.addWidget(self.jobdev.scroller, 2)
        self.retention = RetentionSection(ctx)
        layout.addWidget(self.retention)
        layout.addStretch(0)

    def _start_button(self, table: RowTable, name: str, start: Callable[[Any], None]) -> QPushButton:
        button = QPushButton(icons.icon("new-visit"), translate("Today", "Start visit"))
        button.setObjectName(name)
        button.setToolTip(translate("Today", "Open the selected visit (Enter or double-click)"))
        button.setEnabled(False)
        button.clicked.connect(lambda: (row := table.current_row()) is not None and start(row))
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: button.setEnabled(current.isValid()))
        table.row_model().modelReset.connect(lambda: button.setEnabled(table.current_row() is not None))
        table.selectionModel().currentRowChanged.connect(lambda *_: setattr(self, "_last_table", table))
        return button

    def open_planned(self, row: Any) -> None:
        self.ctx.navigator.visit(row.id, row.participant_id)

    def start_overdue(self, row: Any) -> None:
        self.ctx.navigator.visit(None, row.participant_id)

    def selected_participant_id(self) -> str | None:
        """The participant of the selected row in the table that has (or last had) the keyboard focus."""
        tables = [self.today_table, self.overdue_table, self.draft_table, self.week_table]
        focused = next((t for t in tables if t.hasFocus()), None)
        table = focused or self._last_table
        if table is None or not table.isVisible():
            return None
        row = table.current_row()
        if row is None or not table.selectionModel().isRowSelected(table.currentIndex().row()):
            return None
        return str(row.participant_id)

    def reload(self) -> None:
        from fieldapp.services.agenda import load_agenda  # not at import: the first paint comes before storage

        ws, now = self.ctx.ws, self.ctx.now()
        self.ctx.tasks.run(lambda: load_agenda(ws, now=now), self._show, owner=self)

    def show_agenda(self, agenda: Agenda) -> None:
        """Show an agenda loaded elsewhere (the start-up preload)."""
        self._show(agenda)

    def _show(self, agenda: Agenda) -> None:
        self.heading.setText(f"<h2>{sentence_start(fmt_long_date(agenda.day))}</h2>")
        self.today_model.set_rows(agenda.today)
        self.week_model.set_rows(agenda.rest_of_week)
        self.overdue_model.set_rows(agenda.overdue)
        self.draft_model.set_rows(agenda.drafts)
        s = self.sections
        s["today"].show_rows(translate("Today", "Planned today (%n)", None, len(agenda.today)), len(agenda.today),
                             capped=True)
        s["week"].show_rows(translate("Today", "Later this week (%n)", None, len(agenda.rest_of_week)),
                            len(agenda.rest_of_week), capped=True)
        s["overdue"].show_rows(translate("Today", "Overdue follow-up (%n)", None, len(agenda.overdue)),
                               len(agenda.overdue), capped=False)
        s["drafts"].show_rows(translate("Today", "Unfinished drafts (%n)", None, len(agenda.drafts)),
                              len(agenda.drafts), capped=True)
        # No drafts is the normal case: the section then disappears instead of taking a line.
        s["drafts"].title.setVisible(bool(agenda.drafts))
        s["drafts"].empty.setVisible(False)
        self.next_step.setVisible(agenda.row_count == 0)
        for table in (self.today_table, self.week_table, self.overdue_table, self.draft_table):
            table.fit_columns()
        self.jobdev.reload()
        self._focus_first_row()
        self.loaded.emit(agenda.row_count)

    def _focus_first_row(self) -> None:
        """Put the keyboard on the first row there is something to do with, unless the user is elsewhere."""
        focus = QApplication.focusWidget()
        elsewhere = focus is not None and focus is not self and not self.isAncestorOf(focus)
        if elsewhere and self._focused_once:
            return
        if isinstance(focus, RowTable) and focus.row_model().rowCount() and not focus.isHidden():
            if focus.current_row() is None:  # the reload reset the rows: keep the keyboard on one
                focus.selectRow(0)
            return  # a reload (a sync, a saved visit) leaves the keyboard where the user put it
        for section in self.sections.values():
            table = section.table
            if table.row_model().rowCount() and not table.isHidden():
                if table.current_row() is None:
                    table.selectRow(0)
                if self.isVisible():
                    table.setFocus(Qt.FocusReason.OtherFocusReason)
                    self._focused_once = True
                return

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self._focus_first_row()
