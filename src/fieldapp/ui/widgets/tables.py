"""A table view set up the same way everywhere: whole rows, sortable, readable, keyboard-friendly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QWidget

from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import ROW_ROLE, RowTableModel
from fieldapp.ui.widgets.focus_style import RingedTableView

FIT_ROWS = 40


def _spoken_names() -> dict[str, tuple[str, str]]:
    """What a screen reader says for each table (name, description), by object name: code names mean nothing
    to a listener. Kept here so tables built elsewhere (the sync windows) get a name without code of their own."""
    return {
        "today_visits": (translate("Tables", "Visits planned today"),
                         translate("Tables", "Enter opens the selected visit.")),
        "week_visits": (translate("Tables", "Visits later this week"),
                        translate("Tables", "Enter opens the selected visit.")),
        "overdue_followups": (translate("Tables", "Overdue follow-ups"),
                              translate("Tables", "Enter starts a new visit with the selected participant.")),
        "draft_visits": (translate("Tables", "Unfinished visit drafts"),
                         translate("Tables", "Enter opens the selected draft.")),
        "participant_table": (translate("Tables", "Participants"),
                              translate("Tables", "Arrows choose a participant; Enter opens.")),
        "employer_table": (translate("Tables", "Employers"), translate("Tables", "Arrows choose an employer.")),
        "agreement_table": (translate("Tables", "Follow-up agreements"),
                            translate("Tables", "Enter opens the selected agreement.")),
        "search_results": (translate("Tables", "Search results"), translate("Tables", "Enter opens the selected hit.")),
        "mapping_areas": (translate("Tables", "Mapping areas"), translate("Tables", "Arrows choose the area to edit.")),
        "versions_table": (translate("Tables", "Agreement versions"), translate("Tables", "Arrows choose a version.")),
        "events_table": (translate("Tables", "Agreement events"),
                         translate("Tables", "What happened to the agreement, in order.")),
        "diff_table": (translate("Tables", "Changes between versions"), translate("Tables", "The fields that differ.")),
        "missing_list": (translate("Tables", "Missing before signing"),
                         translate("Tables", "Enter goes to the field.")),
        "contact_table": (translate("Tables", "Contact persons"),
                          translate("Tables", "Arrows choose a contact person.")),
        "employer_placements": (translate("Tables", "Participants working here"),
                                translate("Tables", "Arrows choose a participant.")),
        "placement_table": (translate("Tables", "Jobs"), translate("Tables", "Arrows choose a job.")),
        "actor_table": (translate("Tables", "Cooperating actors"), translate("Tables", "Arrows choose an actor.")),
        "consent_table": (translate("Tables", "Consents"), translate("Tables", "The participant's consents.")),
        "visit_history": (translate("Tables", "Visits"), translate("Tables", "Enter opens the selected visit.")),
        "devices_table": (translate("Tables", "The team's devices"), translate("Tables", "Arrows choose a device.")),
        "sync_results": (translate("Tables", "Sync results"), translate("Tables", "What the last syncs did.")),
        "overdue_before_job": (translate("Tables", "Overdue follow-up before a job"),
                               translate("Tables", "Enter starts a new visit with the selected participant.")),
        "today_next_steps": (translate("Tables", "Next steps with employers"),
                             translate("Tables", "Arrows choose a next step.")),
        "lead_table": (translate("Tables", "Job search: leads, applications and interviews"),
                       translate("Tables", "Arrows choose a lead.")),
        "participant_outreach": (translate("Tables", "Employer contacts for this participant"),
                                 translate("Tables", "Arrows choose a contact.")),
        "employer_outreach": (translate("Tables", "Contacts with this employer"),
                              translate("Tables", "Arrows choose a contact.")),
        "outreach_log": (translate("Tables", "Employer contacts"),
                         translate("Tables", "Arrows choose a contact; Enter opens it.")),
        "retention_due": (translate("Tables", "Retention period ended"),
                          translate("Tables", "Enter opens the participant for review.")),
        "access_log_table": (translate("Tables", "Who has seen the information"),
                             translate("Tables", "Who opened, printed or exported what, and when.")),
        "erasure_log_table": (translate("Tables", "Erasure log"),
                              translate("Tables", "When participants were erased, how and why; no names.")),
        "conflicts_table": (translate("Tables", "Sync conflicts"),
                            translate("Tables", "Arrows choose a conflict to resolve.")),
        "meeting_table": (translate("Tables", "Cooperation meetings"),
                          translate("Tables", "Enter opens the selected meeting.")),
        "benefit_table": (translate("Tables", "Benefits"), translate("Tables", "Enter opens the selected benefit.")),
    }


class RowTable(RingedTableView):
    """`on_activate(row)` runs on double-click or Enter with the row object."""

    def __init__(self, model: RowTableModel[Any], name: str, parent: QWidget | None = None,
                 on_activate: Callable[[Any], None] | None = None, *, spoken: str = "",
                 description: str = "") -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName(name)
        known_name, known_description = _spoken_names().get(name, ("", ""))
        self.setAccessibleName(spoken or known_name or translate("Tables", "Table"))
        self.setAccessibleDescription(description or known_description)
        # Tab leaves the table for the next field or button (the arrows move inside it); Qt's default would
        # walk every cell and never let go.
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows come in the service's order (Norwegian alphabetical, most urgent first, ...) until the user
        # clicks a header; Qt would otherwise sort by the first column, descending, at once.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Fitting columns measures about a screenful of rows, not all of them (see fit_columns; also for a
        # double-click on a header's edge).
        header.setResizeContentsPrecision(FIT_ROWS)
        self._on_activate = on_activate
        self._stretch: int | None = None
        self.activated.connect(self._activated)

    def stretch_column(self, number: int) -> None:
        """Give column `number` (not the last) the room left over, so long text there is not cut to "…"."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        self._stretch = number

    def row_model(self) -> RowTableModel[Any]:
        model = self.model()
        assert isinstance(model, RowTableModel)
        return model

    def current_row(self) -> Any | None:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def fit_columns(self, max_width: int = 320) -> None:
        """Size columns to their header and the text of about a screenful of rows, within a limit.

        Measured here from the columns' own text functions rather than by Qt's resizeColumnsToContents,
        which asks the model for every role of every measured cell (a tenth of a second for the three
        Today tables: on the start-up's critical path). Warning cells are bold, so they are measured bold."""
        model = self.row_model()
        header = self.horizontalHeader()
        plain = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        heading = header.fontMetrics()
        rows = [model.row_at(i) for i in range(min(FIT_ROWS, model.rowCount()))]
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        columns = model.columns if self._stretch is not None else model.columns[:-1]  # else the last stretches
        for number, column in enumerate(columns):
            if number == self._stretch:
                continue
            widest = heading.horizontalAdvance(column.title) + 24  # room for the sort indicator
            for row in rows:
                metrics = bold if column.warning is not None and column.warning(row) else plain
                widest = max(widest, metrics.horizontalAdvance(column.text(row)) + padding)
            header.resizeSection(number, min(max_width, widest))

    def _activated(self, index: QModelIndex) -> None:
        if self._on_activate is not None and index.isValid():
            self._on_activate(index.data(ROW_ROLE))
