"""Adding a participant, or changing one: person, follow-up, and the fixed NAV contact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from fieldapp.domain import jobdev_vocab, vocab
from fieldapp.domain.records import Participant
from fieldapp.services import participants as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, term_combo, text_of
from fieldapp.ui.i18n import translate
from fieldapp.ui.widgets.dates import OptionalDateEdit
from fieldapp.ui.widgets.masked_id import log_reveal_for_editing



class ParticipantDialog(RecordDialog):
    """`saved(Participant)` after a successful save. Without `participant` it creates a new one."""

    def __init__(self, ctx: AppContext, participant: Participant | None = None, parent: QWidget | None = None) -> None:
        title = (translate("ParticipantForm", "Edit participant") if participant else translate("ParticipantForm", "New participant"))
        super().__init__(ctx, title, "participant_dialog", parent)
        self.original = participant
        p = participant or Participant(first_name="", last_name="")
        f = self.form
        f.addRow(section(translate("ParticipantForm", "Person")))
        self.first_name = f.add_field("first_name", translate("ParticipantForm", "&First name"), line(p.first_name, 200))
        self.last_name = f.add_field("last_name", translate("ParticipantForm", "&Last name"), line(p.last_name, 200))
        self.fodselsnummer = f.add_field("fodselsnummer", translate("ParticipantForm", "&National ID number"),
                                         line(p.fodselsnummer, 14))
        self.fodselsnummer.setPlaceholderText(translate("ParticipantForm", "11 digits (optional)"))
        if participant is not None and participant.fodselsnummer:
            log_reveal_for_editing(ctx, participant.id, owner=self)
        self.phone = f.add_field("phone", translate("ParticipantForm", "&Phone"), line(p.phone, 20))
        self.email = f.add_field("email", translate("ParticipantForm", "E-m&ail"), line(p.email, 254))
        self.preferred_language = f.add_field("preferred_language", translate("ParticipantForm", "Preferred lan&guage"),
                                              line(p.preferred_language, 50))
        f.addRow(section(translate("ParticipantForm", "Follow-up")))
        self.method = f.add_field("method", translate("ParticipantForm", "&Method"), term_combo(vocab.METHODS, p.method))
        self.status = f.add_field("status", translate("ParticipantForm", "S&tatus"), term_combo(vocab.PARTICIPANT_STATUSES, p.status))
        self.status_reason = f.add_field("status_reason", translate("ParticipantForm", "Reason for status"), line(p.status_reason))
        self.referred_by = f.add_field("referred_by", translate("ParticipantForm", "&Referred by"), line(p.referred_by, 200))
        self.follow_up_start = f.add_field("follow_up_start", translate("ParticipantForm", "Follow-&up started"),
                                           OptionalDateEdit(p.follow_up_start))
        self.follow_up_end = f.add_field("follow_up_end", translate("ParticipantForm", "Follo&w-up ended"),
                                         OptionalDateEdit(p.follow_up_end))
        self.follow_up_end.setToolTip(translate("ParticipantForm", "With status Ended, the retention period runs from this date"))
        self.referred_on = f.add_field("referred_on", translate("ParticipantForm", "Referre&d on"),
                                       OptionalDateEdit(p.referred_on))
        self.phase = f.add_field("phase", translate("ParticipantForm", "Phas&e"), term_combo(jobdev_vocab.PHASES))
        self.phase.insertItem(0, translate("ParticipantForm", "Not set"), None)
        self.phase.setCurrentIndex(max(0, self.phase.findData(p.phase)))
        f.addRow(section(translate("ParticipantForm", "NAV contact")))
        self.nav_contact_name = f.add_field("nav_contact_name", translate("ParticipantForm", "NAV &contact"),
                                            line(p.nav_contact_name, 200))
        self.nav_contact_phone = f.add_field("nav_contact_phone", translate("ParticipantForm", "NAV contact's p&hone"),
                                             line(p.nav_contact_phone, 20))
        self.nav_office = f.add_field("nav_office", translate("ParticipantForm", "NAV off&ice"), line(p.nav_office, 200))
        self.notes = f.add_field("notes", translate("ParticipantForm", "N&otes"), notes_edit(p.notes))
        self.finish_layout()

    def record(self) -> Participant:
        base = self.original or Participant(first_name="", last_name="")
        return replace(
            base, first_name=self.first_name.text(), last_name=self.last_name.text(),
            fodselsnummer=self.fodselsnummer.text(), phone=self.phone.text(), email=self.email.text(),
            preferred_language=self.preferred_language.text(), method=self.method.currentData(),
            status=self.status.currentData(), status_reason=self.status_reason.text(),
            referred_by=self.referred_by.text(), follow_up_start=self.follow_up_start.value(),
            follow_up_end=self.follow_up_end.value(),
            nav_contact_name=self.nav_contact_name.text(), nav_contact_phone=self.nav_contact_phone.text(),
            nav_office=self.nav_office.text(), notes=text_of(self.notes), referred_on=self.referred_on.value(),
            phase=self.phase.currentData())

    def store(self) -> Callable[[], Participant]:
        ws, record = self.ctx.ws, self.record()
        return lambda: service.save_participant(ws, record)
