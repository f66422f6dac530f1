"""The selected participant: name, status and current job, with tabs for each part of the follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from fieldapp.domain import jobdev_vocab, vocab
from fieldapp.services import participants as service
from fieldapp.services.participants import ParticipantDetail
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_fodselsnummer
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.privacy.access_log_tab import AccessLogTab
from fieldapp.ui.views.participants.agreements_tab import AgreementsTab
from fieldapp.ui.views.participants.benefits_tab import BenefitsTab
from fieldapp.ui.views.participants.mapping_tab import MappingTab
from fieldapp.ui.views.participants.meetings_tab import MeetingsTab
from fieldapp.ui.views.participants.overview_tab import OverviewTab
from fieldapp.ui.views.participants.pipeline_tab import PipelineTab
from fieldapp.ui.views.participants.placements_tab import PlacementsTab
from fieldapp.ui.views.participants.visits_tab import VisitsTab



class ParticipantDetailPanel(QWidget):
    TABS = ("overview", "mapping", "placements", "visits", "agreements", "pipeline", "meetings", "benefits",
            "access_log")
    # Saving any of these may change what the panel shows; it reloads itself rather than rely on the list.
    ENTITIES = frozenset({"participant", "cooperating_actor", "consent", "placement", "nav_measure", "employer",
                          "job_lead",
                          "visit", "agreement", "agreement_version", "signature"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id: str | None = None
        self.detail: ParticipantDetail | None = None
        self.heading = QLabel(translate("ParticipantDetail", "Choose a participant in the list."))
        self.heading.setObjectName("participant_heading")
        self.heading.setWordWrap(True)
        self.overview = OverviewTab(ctx)
        self.mapping = MappingTab(ctx)
        self.placements = PlacementsTab(ctx)
        self.visits = VisitsTab(ctx)
        self.agreements = AgreementsTab(ctx)
        self.pipeline = PipelineTab(ctx)
        self.meetings = MeetingsTab(ctx)
        self.benefits = BenefitsTab(ctx)
        self.access_log = AccessLogTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("participant_tabs")
        for tab, text in ((self.overview, translate("ParticipantDetail", "&Overview")), (self.mapping, translate("ParticipantDetail", "&Mapping")),
                          (self.placements, translate("ParticipantDetail", "&Jobs")), (self.visits, translate("ParticipantDetail", "V&isits")),
                          (self.agreements, translate("ParticipantDetail", "&Agreements"))):
            self.tabs.addTab(tab, text)
        self.tabs.addTab(self.pipeline, translate("ParticipantDetail", "Jo&b search"))
        self.tabs.addTab(self.meetings, translate("ParticipantDetail", "Cooperation meetings"))
        self.tabs.addTab(self.benefits, translate("ParticipantDetail", "Finances and benefits"))
        self.tabs.addTab(self.access_log, translate("ParticipantDetail", "Who has seen"))
        self.tabs.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        ctx.changes.data_changed.connect(self._data_changed)

    def _data_changed(self, entities: frozenset[str]) -> None:
        if self.participant_id and entities & self.ENTITIES:
            self.show_participant(self.participant_id)

    def show_participant(self, participant_id: str, tab: str = "") -> None:
        changed = participant_id != self.participant_id
        self.participant_id = participant_id
        from fieldapp.ui.dialogs.settings import pre_job_interval_days

        ws, now, interval = self.ctx.ws, self.ctx.now(), pre_job_interval_days(self.ctx.settings)
        self.ctx.tasks.run(lambda: service.open_participant(ws, participant_id, now=now, log=changed,
                                                            pre_job_interval_days=interval),
                           lambda detail: self._show(detail, tab), owner=self)
        self.visits.load(participant_id)
        self.agreements.load(participant_id)
        self.pipeline.load(participant_id)
        self.meetings.load(participant_id)
        self.benefits.load(participant_id)
        self.access_log.load(participant_id)
        # A reload after a save elsewhere must not throw away mapping edits not saved yet.
        if changed or not self.mapping.dirty:
            self.mapping.load(participant_id)

    def _show(self, detail: ParticipantDetail | None, tab: str) -> None:
        if detail is None and self.detail is not None and self.detail.participant.id == self.participant_id:
            # Erased (here or by a sync): nothing of them stays on screen.
            self.detail = None
            self.heading.setText(translate("ParticipantDetail", "Choose a participant in the list."))
            self.tabs.setEnabled(False)
            return
        if detail is None or detail.participant.id != self.participant_id:
            return
        self.detail = detail
        p = detail.participant
        parts = [label(vocab.PARTICIPANT_STATUSES, p.status), label(vocab.METHODS, p.method)]
        if p.phase:
            parts.append(label(jobdev_vocab.PHASES, p.phase))
        if p.fodselsnummer:
            parts.insert(0, fmt_fodselsnummer(p.fodselsnummer))
        job = detail.current_placement
        if job:
            parts.append(translate("ParticipantDetail", "%1 at %2").replace("%1", job.job_title).replace("%2", job.employer_name))
        self.heading.setText(f"<h2 style='margin-bottom:2px'>{p.full_name}</h2>" + " · ".join(parts))
        self.overview.show_detail(detail)
        self.placements.show_detail(detail)
        self.tabs.setEnabled(True)
        if tab in self.TABS:
            self.tabs.setCurrentIndex(self.TABS.index(tab))
