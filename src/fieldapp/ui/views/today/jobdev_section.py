"""Today's job development part: employer contacts this week against the target, next steps due, and
participants without a job whose follow-up is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import RowTableModel
from fieldapp.ui.views.jobdev.columns import next_step_columns, pre_job_columns, week_text
from fieldapp.ui.widgets.tables import RowTable

if TYPE_CHECKING:  # the first paint comes before the storage layer is loaded
    from fieldapp.services.jobdev import WeekOfOutreach
    from fieldapp.services.pre_job import PreJobRow

ENTITIES = frozenset({"employer_outreach", "outreach_for", "visit", "participant", "placement", "employer"})


@dataclass(frozen=True)
class JobDevToday:
    week: WeekOfOutreach
    overdue: tuple[PreJobRow, ...]  # most overdue first


class JobDevSection(QWidget):
    """Loads itself (`reload()`) on the worker thread; reloads when its records change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("today_jobdev")
        self.week = QLabel()
        self.week.setObjectName("today_outreach_week")
        self.steps_model: RowTableModel = RowTableModel(next_step_columns(), self)
        self.steps_table = RowTable(self.steps_model, "today_next_steps",
                                    on_activate=lambda row: ctx.navigator.employer(row.employer_id))
        self.pre_job_model: RowTableModel = RowTableModel(pre_job_columns(), self)
        self.pre_job_table = RowTable(self.pre_job_model, "overdue_before_job", on_activate=self.start_visit)
        for table in (self.steps_table, self.pre_job_table):
            table.setMinimumHeight(140)  # inside the scroll area the tables would otherwise shrink to a row
        self.pre_job_title = QLabel()
        self.steps_title = QLabel()
        self.start_button = QPushButton(icons.icon("new-visit"), translate("TodayJobDev", "Start visit"))
        self.start_button.setObjectName("start_pre_job_visit")
        self.start_button.setToolTip(translate("TodayJobDev", "Start a new visit with the selected participant (Enter)"))
        self.start_button.clicked.connect(lambda: (row := self.pre_job_table.current_row()) and self.start_visit(row))
        self.start_button.setEnabled(False)  # as Today's other buttons: enabled once a row is selected
        self.pre_job_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.start_button.setEnabled(current.isValid()))
        # Side by side: the participants waiting for follow-up, and the week's employer contacts.
        left, right = QVBoxLayout(), QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.pre_job_title)
        head.addStretch(1)
        head.addWidget(self.start_button)
        left.addLayout(head)
        left.addWidget(self.pre_job_table, 1)
        right.addWidget(self.week)
        right.addWidget(self.steps_title)
        right.addWidget(self.steps_table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        ctx.changes.data_changed.connect(lambda entities: entities & ENTITIES and self.reload())
        # Today's window must still fit small screens: the section scrolls rather than raise its minimum size.
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self)

    def start_visit(self, row: PreJobRow) -> None:
        self.ctx.navigator.visit(None, row.participant_id)

    def reload(self) -> None:
        if not self.ctx.has_workspace:
            return  # the first paint comes before the data folder is open; Today reloads once it is
        from fieldapp.services import jobdev, pre_job  # not at import: the first paint comes before storage
        from fieldapp.ui.dialogs.settings import pre_job_interval_days, weekly_contact_target

        ws, now = self.ctx.ws, self.ctx.now()
        target, interval = weekly_contact_target(self.ctx.settings), pre_job_interval_days(self.ctx.settings)

        def load() -> JobDevToday:
            today = now.astimezone().date()
            return JobDevToday(week=jobdev.week_of_outreach(ws, today=today, target=target),
                               overdue=tuple(pre_job.overdue_before_job(ws, now=now, interval_days=interval)))

        self.ctx.tasks.run(load, self._show, owner=self)

    def _show(self, data: JobDevToday) -> None:
        week = data.week
        self.week.setText(f"<h3>{week_text(week)}</h3>")
        self.week.setStyleSheet("" if week.reached else "color: #b3261e;")
        self.steps_title.setText("<b>" + translate("TodayJobDev", "Next steps with employers due this week (%n)", None,
                                                   len(week.next_steps)) + "</b>")
        self.steps_model.set_rows(week.next_steps)
        self.pre_job_model.set_rows(data.overdue)
        self.pre_job_title.setText("<h3>" + translate("TodayJobDev", "Overdue follow-up before a job (%n)", None,
                                                      len(data.overdue)) + "</h3>")
        self.start_button.setEnabled(self.pre_job_table.current_row() is not None)
        for table in (self.steps_table, self.pre_job_table):
            table.fit_columns()
