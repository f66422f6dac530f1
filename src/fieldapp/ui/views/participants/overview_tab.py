"""The overview tab: contact details, follow-up, the NAV contact, cooperating actors and consents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from fieldapp.domain import vocab
from fieldapp.services import participants as service
from fieldapp.services.participants import ParticipantDetail
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import days_overdue_text, fmt_date, fmt_datetime, fmt_fodselsnummer, fmt_phone
from fieldapp.ui.forms.actor_form import ActorDialog
from fieldapp.ui.forms.consent_form import ConsentDialog
from fieldapp.ui.forms.participant_form import ParticipantDialog
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.participant_detail import actor_columns, consent_columns
from fieldapp.ui.widgets.masked_id import MaskedId, replace_in_layout
from fieldapp.ui.models.phases import phase_name
from fieldapp.ui.widgets.record_list import RecordList
from fieldapp.ui.widgets.theme import warning_style



def _value(name: str) -> QLabel:
    value = QLabel()
    value.setObjectName(name)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setWordWrap(True)
    return value


class _Facts(QGroupBox):
    """A titled box of label: value rows."""

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__(title)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.values: dict[str, QLabel] = {}
        for name, text in rows:
            self.values[name] = _value(name)
            form.addRow(text, self.values[name])

    def set(self, name: str, text: str | None) -> None:
        self.values[name].setText(text or "–")


class OverviewTab(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: ParticipantDetail | None = None
        self.dialog: QWidget | None = None
        self.setObjectName("overview_tab")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.contact = _Facts(translate("OverviewTab", "Contact"), [
            ("fodselsnummer", translate("OverviewTab", "National ID")), ("phone", translate("OverviewTab", "Phone")),
            ("email", translate("OverviewTab", "E-mail")), ("preferred_language", translate("OverviewTab", "Language"))])
        self.follow_up = _Facts(translate("OverviewTab", "Follow-up"), [
            ("method", translate("OverviewTab", "Method")), ("status", translate("OverviewTab", "Status")),
            ("referred_by", translate("OverviewTab", "Referred by")), ("follow_up_start", translate("OverviewTab", "Started")),
            ("referred_on", translate("OverviewTab", "Referred on")), ("phase", translate("OverviewTab", "Phase")),
            ("current_job", translate("OverviewTab", "Job now")), ("next_due", translate("OverviewTab", "Next visit due"))])
        self.nav = _Facts(translate("OverviewTab", "NAV contact"), [
            ("nav_contact_name", translate("OverviewTab", "Name")), ("nav_contact_phone", translate("OverviewTab", "Phone")),
            ("nav_office", translate("OverviewTab", "Office"))])
        self.fodselsnummer = MaskedId(ctx)
        replace_in_layout(self.contact.layout(), self.contact.values["fodselsnummer"], self.fodselsnummer)
        self.edit_button = QPushButton(translate("OverviewTab", "E&dit participant …"))
        self.edit_button.setObjectName("edit_participant")
        self.edit_button.clicked.connect(self.edit_participant)

        self.actors = RecordList(translate("OverviewTab", "Cooperating actors"), actor_columns(), "actor_table",
                                 on_activate=lambda a: self.edit_actor())
        self.actors.add_button(translate("OverviewTab", "Add actor …"), self.add_actor, "add_actor")
        self.actors.add_button(translate("OverviewTab", "Edit actor …"), self.edit_actor, "edit_actor", needs_row=True)
        self.consents = RecordList(translate("OverviewTab", "Consents"), consent_columns(), "consent_table")
        self.consents.add_button(translate("OverviewTab", "Add consent …"), self.add_consent, "add_consent")
        self.withdraw_button = self.consents.add_button(translate("OverviewTab", "Withdraw consent"), self.withdraw_consent,
                                                        "withdraw_consent", needs_row=True)
        for lst in (self.actors, self.consents):
            lst.table.setMinimumHeight(lst.table.verticalHeader().defaultSectionSize() * 4 + 30)

        facts = QGridLayout()
        facts.addWidget(self.contact, 0, 0)
        facts.addWidget(self.nav, 1, 0)
        facts.addWidget(self.follow_up, 0, 1, 2, 1)
        facts.setColumnStretch(0, 1)
        facts.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(facts)
        layout.addLayout(buttons)
        layout.addWidget(self.actors, 1)
        layout.addWidget(self.consents, 1)
        self.setWidget(page)

    def show_detail(self, detail: ParticipantDetail) -> None:
        self.detail = detail
        p = detail.participant
        self.contact.set("fodselsnummer", fmt_fodselsnummer(p.fodselsnummer))
        self.fodselsnummer.set_value(p.id, p.fodselsnummer)
        self.contact.set("phone", fmt_phone(p.phone))
        self.contact.set("email", p.email)
        self.contact.set("preferred_language", p.preferred_language)
        self.follow_up.set("method", label(vocab.METHODS, p.method))
        status = label(vocab.PARTICIPANT_STATUSES, p.status)
        self.follow_up.set("status", f"{status} ({p.status_reason})" if p.status_reason else status)
        self.follow_up.set("referred_by", p.referred_by)
        self.follow_up.set("follow_up_start", fmt_date(p.follow_up_start))
        self.follow_up.set("referred_on", fmt_date(p.referred_on))
        self.follow_up.set("phase", phase_name(p.phase))
        job = detail.current_placement
        self.follow_up.set("current_job", translate("OverviewTab", "%1 at %2").replace("%1", job.job_title)
                           .replace("%2", job.employer_name) if job else translate("OverviewTab", "No current job"))
        due = detail.follow_up
        due_text = ""
        if detail.next_planned_visit:
            due_text = translate("OverviewTab", "Planned %1").replace("%1", fmt_datetime(detail.next_planned_visit))
        elif due is not None:
            due_text = fmt_date(due.due) + (f" ({days_overdue_text(due.days_overdue)})" if due.overdue else "")
        self.follow_up.set("next_due", due_text)
        self.follow_up.values["next_due"].setStyleSheet(
            warning_style() + " font-weight: bold;" if due and due.overdue and not detail.next_planned_visit else "")
        self.nav.set("nav_contact_name", p.nav_contact_name)
        self.nav.set("nav_contact_phone", fmt_phone(p.nav_contact_phone))
        self.nav.set("nav_office", p.nav_office)
        self.actors.set_rows(detail.actors, translate("OverviewTab", "No cooperating actors registered."))
        self.consents.set_rows(detail.consents, translate("OverviewTab", "No consents registered."))

    # --- actions ---------------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()

    def edit_participant(self) -> None:
        if self.detail:
            self._open(ParticipantDialog(self.ctx, self.detail.participant, parent=self))

    def add_actor(self) -> None:
        if self.detail:
            self._open(ActorDialog(self.ctx, self.detail.participant.id, parent=self))

    def edit_actor(self) -> None:
        actor = self.actors.current()
        if self.detail and actor is not None:
            self._open(ActorDialog(self.ctx, self.detail.participant.id, actor, parent=self))

    def add_consent(self) -> None:
        if self.detail:
            self._open(ConsentDialog(self.ctx, self.detail.participant.id, parent=self))

    def withdraw_consent(self, *, confirm: bool = True) -> None:
        consent = self.consents.current()
        if consent is None or not consent.given:
            return
        if confirm:
            asked = QMessageBox.question(
                self, translate("OverviewTab", "Withdraw consent"),
                translate("OverviewTab", "Record that the participant withdraws this consent today?"))
            if asked != QMessageBox.StandardButton.Yes:
                return
        ws, today = self.ctx.ws, self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: service.withdraw_consent(ws, consent.id, on=today), owner=self)
