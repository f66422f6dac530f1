"""The overview (Oversikt): caseload and outcome figures for a period, for one specialist next to the team,
with charts. Its data is read when it is first shown, never at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period
from fieldapp.domain.outcomes.summary import Summary
from fieldapp.services import outcomes, reports
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, message, translate
from fieldapp.ui.models.phases import phase_name, short_phase
from fieldapp.ui.views.base import View
from fieldapp.ui.views.overview.charts import ChartPanel
from fieldapp.ui.views.overview.kept import KeptFacts

if TYPE_CHECKING:
    from fieldapp.services.changes import Changes


@dataclass(frozen=True)
class Figures:
    inputs: OutcomeInputs
    chosen: Summary
    team: Summary


def number(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return text.replace(".", ",") if current_language() == "nb" else text


def presets(today: date) -> list[tuple[str, date, date]]:
    year_start = date(today.year, 1, 1)
    return [
        (translate("Overview", "This month"), today.replace(day=1), today),
        (translate("Overview", "Last 3 months"), today - timedelta(days=91), today),
        (translate("Overview", "This year"), year_start, today),
        (translate("Overview", "Last 12 months"), today - timedelta(days=365), today),
        (translate("Overview", "Last year"), date(today.year - 1, 1, 1), year_start - timedelta(days=1)),
    ]


class OverviewView(View):
    entities = frozenset({"participant", "placement", "visit", "assignment", "agreement", "agreement_version",
                          "signature", "employer_outreach", "outreach_for", "specialist", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("overview_view")
        self.kept = KeptFacts()
        self.figures: Figures | None = None
        today = ctx.today()
        self.period_choice = QComboBox()
        self.period_choice.setObjectName("overview_period")
        self.period_choice.setAccessibleName(translate("Overview", "Period"))
        for text, start, end in presets(today):
            self.period_choice.addItem(text, (start, end))
        self.period_choice.setCurrentIndex(2)
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        for edit, name in ((self.start_edit, "overview_from"), (self.end_edit, "overview_to")):
            edit.setObjectName(name)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.specialist_choice = QComboBox()
        self.specialist_choice.setObjectName("overview_specialist")
        self.specialist_choice.setAccessibleName(translate("Overview", "Specialist"))
        self.specialist_choice.addItem(translate("Overview", "Whole team"), None)
        self.fidelity_button = QPushButton(translate("Overview", "IPS fidelity …"))
        self.fidelity_button.setObjectName("open_fidelity")
        self.fidelity_button.clicked.connect(self.open_fidelity)
        self.team_button = QPushButton(translate("Overview", "Team …"))
        self.team_button.setObjectName("open_team")
        self.team_button.setToolTip(translate("Overview", "Job specialists, who is responsible for whom, handovers"))
        self.team_button.clicked.connect(self.open_team)
        self.report_button = QPushButton(translate("Overview", "Save report …"))
        self.report_button.setObjectName("save_report")
        self.report_button.setToolTip(translate("Overview", "Counts only, as PDF or spreadsheet, for NAV and the team leader"))
        self.report_button.clicked.connect(self.save_report)

        bar = QHBoxLayout()
        for widget in (QLabel(translate("Overview", "Period:")), self.period_choice, self.start_edit,
                       QLabel("–"), self.end_edit, QLabel(translate("Overview", "Specialist:")),
                       self.specialist_choice):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.team_button)
        bar.addWidget(self.fidelity_button)
        bar.addWidget(self.report_button)

        self.grid = QGridLayout()
        self.values: dict[str, tuple[QLabel, QLabel]] = {}
        self.chosen_header = QLabel()
        self.grid.addWidget(self.chosen_header, 0, 1)
        self.grid.addWidget(QLabel(f"<b>{translate('Overview', 'Team')}</b>"), 0, 2)
        rows = (
            ("followed", translate("Overview", "Participants followed")),
            ("caseload_over", translate("Overview", "Specialists over the caseload limit")),
            ("in_work_now", translate("Overview", "In ordinary work now")),
            ("jobs_started", translate("Overview", "Jobs started in the period")),
            ("jobs_ended", translate("Overview", "Jobs ended in the period")),
            ("median_job_length", translate("Overview", "Median length of jobs ended (days)")),
            ("hours_per_week", translate("Overview", "Hours per week in ordinary work (mean)")),
            ("days_to_first_job", translate("Overview", "Days from referral to first job (median)")),
            ("visits_in_work", translate("Overview", "Visits per participant in work per month")),
            ("overdue", translate("Overview", "Overdue follow-ups")),
            ("out_of_office", translate("Overview", "Share of visits out of the office")),
            ("contacts_per_week", translate("Overview", "Employer contacts per specialist per week")),
            ("days_to_first_contact", translate("Overview", "Days from referral to first employer contact")),
        )
        for row, (key, text) in enumerate(rows, start=1):
            chosen, team = QLabel(), QLabel()
            chosen.setObjectName(f"figure_{key}")
            team.setObjectName(f"team_{key}")
            self.grid.addWidget(QLabel(text), row, 0)
            self.grid.addWidget(chosen, row, 1)
            self.grid.addWidget(team, row, 2)
            self.values[key] = (chosen, team)

        self.caseload_chart = ChartPanel(translate("Overview", "Caseload per specialist"),
                                         translate("Overview", "Specialist"), translate("Overview", "Participants"),
                                         "caseload_chart")
        self.work_chart = ChartPanel(translate("Overview", "People in ordinary work by month"),
                                     translate("Overview", "Month"), translate("Overview", "People"), "work_chart")
        self.days_chart = ChartPanel(translate("Overview", "Days from referral to first job"),
                                     translate("Overview", "Days"), translate("Overview", "People"), "days_chart")
        self.phase_chart = ChartPanel(translate("Overview", "Caseload by phase"),
                                      translate("Overview", "Phase"), translate("Overview", "Participants"),
                                      "phase_chart")
        charts = QGridLayout()
        charts.addWidget(self.caseload_chart, 0, 0)
        charts.addWidget(self.phase_chart, 0, 1)
        charts.addWidget(self.work_chart, 1, 0)
        charts.addWidget(self.days_chart, 1, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)

        body = QWidget()
        column = QVBoxLayout(body)
        # The choosers scroll with the figures: the view must not widen the window's minimum size.
        column.addLayout(bar)
        column.addLayout(self.grid)
        column.addLayout(charts, 1)
        column.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)

        self._apply_preset(2)
        self.period_choice.currentIndexChanged.connect(self._apply_preset)
        self.start_edit.dateChanged.connect(lambda _: self._refigure())
        self.end_edit.dateChanged.connect(lambda _: self._refigure())
        self.specialist_choice.currentIndexChanged.connect(lambda _: self._refigure())
        ctx.changes.changed.connect(self._on_changes)  # emitted before data_changed: noted before the reading

    # --- choosing -------------------------------------------------------------------------------
    def period(self) -> Period:
        return Period(self.start_edit.date().toPython(), self.end_edit.date().toPython())

    def specialist_id(self) -> str | None:
        return self.specialist_choice.currentData()

    def _apply_preset(self, index: int) -> None:
        start, end = self.period_choice.itemData(index)
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._refigure()

    # --- loading --------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        self.kept.note(changes.records)

    def reload(self) -> None:
        """Work the figures out again; only what the change hub reported since is read again."""
        self._refigure()

    def _refigure(self) -> None:
        from fieldapp.ui.dialogs.settings import pre_job_interval_days  # the settings dialog's modules: when used

        if not self.ctx.has_workspace or (self._stale and self.figures is None and not self.isVisible()):
            return  # not shown yet: the first showing loads
        period = self.period()
        if period.days == 0:
            self.status.setText(translate("Overview", "The period ends before it starts. Choose the dates again."))
            return
        ws, kept, sid, now = self.ctx.ws, self.kept, self.specialist_id(), self.ctx.now()
        today = self.ctx.today(now)  # the local day of the `now` the figures use
        interval = pre_job_interval_days(self.ctx.settings)  # as the participant list counts overdue follow-ups

        def work() -> Figures:
            inputs = kept.current(ws, period, today=today, now=now, pre_job_interval_days=interval)
            team = outcomes.overview(ws, period, inputs=inputs, today=today)
            chosen = team if sid is None else outcomes.overview(ws, period, specialist_id=sid, inputs=inputs,
                                                                today=today)
            return Figures(inputs, chosen, team)

        self.ctx.tasks.run(work, self._show, on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message(exc) if isinstance(exc, (DomainError, ValidationFailed)) else
                            translate("Overview", "The figures could not be worked out. Try again, or restart the app."))

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        self._fill_specialists(figures.inputs.specialists)
        chosen = self.specialist_choice.currentText()
        self.chosen_header.setText(f"<b>{chosen}</b>")
        for key, (mine, team) in self.values.items():
            mine.setText(self._text(key, figures.chosen))
            team.setText(self._text(key, figures.team))
        names = figures.inputs.specialists
        rows = figures.team.caseload
        self.caseload_chart.set_data(
            [names.get(r.specialist_id, "") if r.specialist_id else translate("Overview", "Nobody") for r in rows],
            [r.count for r in rows], limit=figures.team.caseload_limit)
        phases = figures.chosen.caseload_by_phase
        not_set = translate("Overview", "Not set")
        self.phase_chart.set_data([short_phase(code) if code else not_set for code, _ in phases],
                                  [n for _, n in phases],
                                  long_labels=[phase_name(code) if code else not_set for code, _ in phases])
        # The limit is per specialist: the team's total is not set against it.
        title = translate("Overview", "Caseload by phase: %1").replace("%1", chosen) if figures.chosen.specialist_id \
            is None else translate("Overview", "Caseload by phase: %1, %2 of the limit %3").replace("%1", chosen) \
            .replace("%2", str(figures.chosen.followed)).replace("%3", str(figures.team.caseload_limit))
        self.phase_chart.title.setText(f"<b>{title}</b>")
        self.work_chart.set_data([f"{d.month:02d}.{d.year % 100:02d}" for d, _ in figures.chosen.in_work_by_month],
                                 [n for _, n in figures.chosen.in_work_by_month])
        buckets = figures.chosen.days_to_first_job.buckets()
        self.days_chart.set_data([label for label, _ in buckets], [n for _, n in buckets])
        day = figures.team.as_of.strftime("%d.%m.%Y")
        if figures.inputs.employer_contacts is None:
            self.status.setText(translate("Overview", "Figures on %1. Employer contacts: not available yet.")
                                .replace("%1", day))
        else:
            self.status.setText(translate("Overview", "Figures on %1.").replace("%1", day))
        self.loaded.emit(figures.chosen.followed)

    def _fill_specialists(self, names: dict[str, str]) -> None:
        known = {self.specialist_choice.itemData(i) for i in range(1, self.specialist_choice.count())}
        if known == set(names):
            return
        current = self.specialist_id()
        self.specialist_choice.blockSignals(True)
        while self.specialist_choice.count() > 1:
            self.specialist_choice.removeItem(1)
        me = self.ctx.ws.actor
        for sid, name in sorted(names.items(), key=lambda kv: (kv[1] != me, kv[1])):
            text = translate("Overview", "Me (%1)").replace("%1", name) if name == me else name
            self.specialist_choice.addItem(text, sid)
        index = self.specialist_choice.findData(current)
        self.specialist_choice.setCurrentIndex(max(0, index))
        self.specialist_choice.blockSignals(False)

    def _text(self, key: str, s: Summary) -> str:
        not_yet = translate("Overview", "not available yet")
        if key == "followed":
            return str(s.followed)
        if key == "caseload_over":
            over = [r for r in s.caseload if r.specialist_id is not None and r.over_limit]
            return translate("Overview", "%1 (limit %2)").replace("%1", str(len(over))).replace("%2", str(s.caseload_limit))
        values: dict[str, str] = {
            "in_work_now": str(s.in_work_now), "jobs_started": str(s.jobs_started), "jobs_ended": str(s.jobs_ended),
            "median_job_length": number(s.median_job_length_days, 0), "hours_per_week": number(s.hours_per_week),
            "days_to_first_job": number(s.days_to_first_job.median, 0),
            "visits_in_work": number(s.visits_per_month_in_work, 2), "overdue": str(s.overdue_follow_ups),
            "out_of_office": "–" if s.share_out_of_office is None else f"{number(100 * s.share_out_of_office, 0)} %",
            "contacts_per_week": not_yet if s.employer_contacts_per_week is None else number(s.employer_contacts_per_week),
            "days_to_first_contact": not_yet if s.days_to_first_employer_contact is None
            else number(s.days_to_first_employer_contact.median, 0),
        }
        return values[key]

    # --- actions --------------------------------------------------------------------------------
    def open_team(self) -> None:
        from fieldapp.ui.team.dialog import TeamDialog

        self.team_dialog = TeamDialog(self.ctx, parent=self)
        self.team_dialog.open()

    def open_fidelity(self) -> None:
        from fieldapp.ui.fidelity.form import FidelityDialog

        self.fidelity_dialog = FidelityDialog(self.ctx, parent=self)
        self.fidelity_dialog.open()

    def save_report(self) -> None:
        from fieldapp.ui.dialogs.settings import pre_job_interval_days

        period = self.period()
        name, _ = QFileDialog.getSaveFileName(
            self, translate("Overview", "Save report"),
            str(Path.home() / f"rapport-{period.start.isoformat()}-{period.end.isoformat()}.pdf"),
            translate("Overview", "PDF (*.pdf);;Spreadsheet (*.xlsx)"))
        if not name:
            return
        ws, now, kept = self.ctx.ws, self.ctx.now(), self.kept
        today, interval = self.ctx.today(now), pre_job_interval_days(self.ctx.settings)  # the figures shown, as shown
        self.ctx.tasks.run(lambda: reports.write_report(ws, period, Path(name), today=today,
                                                        inputs=kept.current(ws, period, today=today, now=now,
                                                                            pre_job_interval_days=interval)),
                           lambda _: self.status.setText(translate("Overview", "Report saved: %1").replace("%1", name)),
                           on_error=self._report_failed, owner=self)

    def _report_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DomainError, ValidationFailed)):
            text = message(exc)
        elif isinstance(exc, OSError):
            text = translate("Overview", "The report could not be written (%1). Choose another folder.").replace(
                "%1", exc.strerror or str(exc))
        else:
            raise exc
        QMessageBox.warning(self, translate("Overview", "Save report"), text)
