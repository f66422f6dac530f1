"""Adding or changing a cooperating actor: behandler, fastlege, kommune, family … and consent to contact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QWidget

from fieldapp.domain.records import CooperatingActor
from fieldapp.services import participants as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit



class ActorDialog(RecordDialog):
    def __init__(self, ctx: AppContext, participant_id: str, actor: CooperatingActor | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("ActorForm", "Edit cooperating actor") if actor else translate("ActorForm", "New cooperating actor"),
                         "actor_dialog", parent)
        self.original = actor or CooperatingActor(participant_id=participant_id, role="", name="")
        a = self.original
        f = self.form
        self.role = f.add_field("role", translate("ActorForm", "&Role"), line(a.role, 100))
        self.role.setPlaceholderText(translate("ActorForm", "e.g. GP, psychologist, housing office, mother"))
        self.name = f.add_field("name", translate("ActorForm", "&Name"), line(a.name, 200))
        self.organisation = f.add_field("organisation", translate("ActorForm", "&Organisation"), line(a.organisation, 200))
        self.phone = f.add_field("phone", translate("ActorForm", "&Phone"), line(a.phone, 20))
        self.consent_to_contact = f.add_field("consent_to_contact", translate("ActorForm", "Consent to &contact"),
                                              QCheckBox(translate("ActorForm", "The participant agrees that we contact them")))
        self.consent_to_contact.setChecked(a.consent_to_contact)
        self.consent_date = f.add_field("consent_date", translate("ActorForm", "Consent &date"), OptionalDateEdit(a.consent_date))
        self.finish_layout()

    def record(self) -> CooperatingActor:
        return replace(self.original, role=self.role.text(), name=self.name.text(),
                       organisation=self.organisation.text(), phone=self.phone.text(),
                       consent_to_contact=self.consent_to_contact.isChecked(), consent_date=self.consent_date.value())

    def store(self) -> Callable[[], CooperatingActor]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_actor(ws, record)
