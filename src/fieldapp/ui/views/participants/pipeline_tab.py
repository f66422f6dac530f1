"""The job search tab: the participant's leads, applications and interviews, hiring, and employer contacts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QScrollArea, QVBoxLayout, QWidget

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.services import job_search as service
from fieldapp.services import pre_job
from fieldapp.services.job_search import LeadRow
from fieldapp.services.pre_job import PreJobRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.dialogs.settings import pre_job_interval_days
from fieldapp.ui.forms.hire_form import HireDialog
from fieldapp.ui.forms.lead_form import LeadDialog
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.views.jobdev.columns import lead_columns
from fieldapp.ui.views.jobdev.outreach_list import OutreachList
from fieldapp.ui.widgets.record_list import RecordList

ENTITIES = frozenset({"job_lead", "employer_outreach", "outreach_for", "visit", "placement", "participant"})


class PipelineTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pipeline_tab")
        self.participant_id: str | None = None
        self.dialog: QDialog | None = None
        self.summary = QLabel()
        self.summary.setObjectName("pipeline_summary")
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("pipeline_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.leads = RecordList(translate("PipelineTab", "Job search"), lead_columns(), "lead_table",
                                on_activate=lambda row: self.edit_lead())
        self.leads.add_button(translate("PipelineTab", "&New job lead …"), self.add_lead, "add_lead")
        self.leads.add_button(translate("PipelineTab", "Edit …"), self.edit_lead, "edit_lead", needs_row=True)
        # The moves share one button with a menu, so the tab stays narrow enough for small screens.
        self.move_button = self.leads.add_button(translate("PipelineTab", "&Update status"), lambda: None, "lead_move",
                                                 needs_row=True)
        self.move_menu = QMenu(self.move_button)
        self.move_actions: dict[str, QAction] = {}
        for status, text in (("applied", translate("PipelineTab", "Applied")),
                             ("interview", translate("PipelineTab", "Interview")),
                             ("closed", translate("PipelineTab", "Closed"))):
            action = self.move_menu.addAction(text)
            action.setObjectName(f"lead_{status}")
            action.triggered.connect(lambda _=False, s=status: self.move_lead(s))
            self.move_actions[status] = action
        self.move_button.setMenu(self.move_menu)
        self.leads.add_button(translate("PipelineTab", "Mar&k as hired …"), self.hire, "lead_hire", needs_row=True)
        self.contacts = OutreachList(ctx, "participant", "participant_outreach",
                                     translate("PipelineTab", "Employer contacts for this participant"))
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.summary)
        inner.addWidget(self.error)
        inner.addWidget(self.leads, 3)
        inner.addWidget(self.contacts, 2)
        scroller = QScrollArea()  # small screens scroll rather than squeeze the lists
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)
        ctx.changes.data_changed.connect(lambda entities: entities & ENTITIES and self.reload())

    def today(self) -> date:
        return self.ctx.now().astimezone().date()

    def load(self, participant_id: str) -> None:
        self.participant_id = participant_id
        self.contacts.show_for(participant_id)
        self.reload()

    def reload(self) -> None:
        if not self.participant_id or not self.ctx.has_workspace:
            return
        ws, pid, now = self.ctx.ws, self.participant_id, self.ctx.now()
        interval = pre_job_interval_days(self.ctx.settings)

        def load() -> tuple[str, list[LeadRow], PreJobRow | None]:
            return pid, service.pipeline(ws, pid), pre_job.row_for(ws, pid, now=now, interval_days=interval)

        self.ctx.tasks.run(load, self._show, owner=self)

    def _show(self, result: tuple[str, list[LeadRow], PreJobRow | None]) -> None:
        pid, rows, waiting = result
        if pid != self.participant_id:
            return
        self.leads.set_rows(rows, translate("PipelineTab", "No job leads yet."))
        parts = []
        if waiting is not None and waiting.days_without_employer_contact is not None:
            parts.append(translate("PipelineTab", "%n day(s) since referral without an employer contact.", None,
                                   waiting.days_without_employer_contact))
        if waiting is not None and waiting.overdue:
            parts.append(translate("PipelineTab", "Follow-up before a job is overdue."))
        self.summary.setText(" ".join(parts))
        self.summary.setVisible(bool(parts))

    def add_lead(self) -> None:
        if self.participant_id:
            self._open(LeadDialog(self.ctx, self.participant_id, today=self.today(), parent=self))

    def edit_lead(self) -> None:
        row: LeadRow | None = self.leads.current()
        if self.participant_id and row is not None:
            self._open(LeadDialog(self.ctx, self.participant_id, row.lead, parent=self))

    def move_lead(self, status: str) -> None:
        row: LeadRow | None = self.leads.current()
        if row is None:
            return
        ws, lead_id, today = self.ctx.ws, row.lead.id, self.today()
        self.error.hide()
        self.ctx.tasks.run(lambda: service.move_lead(ws, lead_id, status, on=today),
                           on_error=self._failed, owner=self)

    def hire(self) -> None:
        row: LeadRow | None = self.leads.current()
        if row is not None:
            self._open(HireDialog(self.ctx, row, today=self.today(), parent=self))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError | ValidationFailed):
            raise exc
        self.error.setText(message(exc))
        self.error.show()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()
