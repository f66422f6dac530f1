"""Job development: this week's employer contacts against the target, and the log of every contact."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.services import jobdev as service
from fieldapp.services.jobdev import WeekOfOutreach
from fieldapp.ui.context import AppContext
from fieldapp.ui.dialogs.settings import weekly_contact_target
from fieldapp.ui.i18n import translate
from fieldapp.ui.views.base import View
from fieldapp.ui.views.jobdev.columns import week_text
from fieldapp.ui.views.jobdev.outreach_list import ENTITIES, OutreachList


class EmployerContactsView(View):
    entities = ENTITIES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("employer_contacts_view")
        heading = QLabel("<h2>" + translate("JobDevelopment", "Job development") + "</h2>")
        self.week = QLabel()
        self.week.setObjectName("outreach_week")
        self.contacts = OutreachList(ctx, "all", "outreach_log", translate("JobDevelopment", "Employer contacts"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.week)
        layout.addWidget(self.contacts, 1)

    def reload(self) -> None:
        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        target = weekly_contact_target(self.ctx.settings)
        self.ctx.tasks.run(lambda: service.week_of_outreach(ws, today=today, target=target), self._show_week,
                           owner=self)
        self.contacts.reload()

    def _show_week(self, week: WeekOfOutreach) -> None:
        self.week.setText(week_text(week))
        self.loaded.emit(week.count)
