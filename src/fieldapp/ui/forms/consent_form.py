"""Recording a consent: what may be shared with whom (employer, NAV, behandler), given or refused, and when."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.records import Consent
from fieldapp.services import participants as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, notes_edit, term_combo, text_of
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import date_edit



class ConsentDialog(RecordDialog):
    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("ConsentForm", "New consent"), "consent_dialog", parent)
        self.participant_id = participant_id
        f = self.form
        self.recipient = f.add_field("recipient", translate("ConsentForm", "S&hared with"), term_combo(vocab.CONSENT_RECIPIENTS))
        self.scope = f.add_field("scope", translate("ConsentForm", "&What may be shared"), notes_edit(lines=3))
        self.given = f.add_field("given", translate("ConsentForm", "&Decision"), QComboBox())
        self.given.addItem(translate("ConsentForm", "Given"), True)
        self.given.addItem(translate("ConsentForm", "Refused"), False)
        self.decided_on = f.add_field("decided_on", translate("ConsentForm", "D&ate"), date_edit(ctx.now().astimezone().date()))
        self.finish_layout()

    def record(self) -> Consent:
        return Consent(participant_id=self.participant_id, recipient=self.recipient.currentData(),
                       scope=text_of(self.scope), given=bool(self.given.currentData()),
                       decided_on=self.decided_on.date().toPython())

    def store(self) -> Callable[[], Consent]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_consent(ws, record)
