"""Writing down a cooperation meeting: date, topic, attendees from the participant's actors (with a warning for
those without consent), notes and what was agreed, and whether the minutes carry the mapping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from fieldapp.domain.cooperation_consent import consent_warning
from fieldapp.domain.cooperation_records import CooperationMeeting
from fieldapp.services import cooperation as service
from fieldapp.services.cooperation import MeetingContext, MeetingRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.cooperation.meeting_items import MeetingItems
from fieldapp.ui.forms.base import RecordDialog, line, notes_edit, section, text_of
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.widgets.dates import OptionalDateEdit, date_edit
from fieldapp.ui.widgets.theme import hint_style, warning_style


class AttendeeChecks(QWidget):
    """One check box per cooperating actor; `changed` is the toggled signal of each."""

    def __init__(self, context: MeetingContext, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for actor in context.actors:
            text = f"{actor.name} – {actor.role}" + (f" ({actor.organisation})" if actor.organisation else "")
            box = QCheckBox(text.replace("&", "&&"))
            box.setObjectName(f"attendee_{len(self.boxes)}")
            box.setChecked(actor.id in chosen)
            layout.addWidget(box)
            self.boxes[actor.id] = box
        if not context.actors:
            none = QLabel(translate("MeetingDialog", "The participant has no cooperating actors yet. Add them on "
                                    "the Overview tab (behandler, NAV, housing, finances …)."))
            none.setWordWrap(True)
            none.setStyleSheet(hint_style())
            layout.addWidget(none)

    def chosen(self) -> tuple[str, ...]:
        return tuple(actor_id for actor_id, box in self.boxes.items() if box.isChecked())


class MeetingDialog(RecordDialog):
    def __init__(self, ctx: AppContext, context: MeetingContext, row: MeetingRow | None = None, *,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("MeetingDialog", "Edit cooperation meeting") if row
                         else translate("MeetingDialog", "New cooperation meeting"), "meeting_dialog", parent)
        self.setMinimumWidth(640)
        self.context = context
        self.original = row.meeting if row else CooperationMeeting(
            participant_id=context.participant_id, held_on=today or date.today(), topic="")
        m = self.original
        f = self.form
        self.held_on = f.add_field("held_on", translate("MeetingDialog", "&Date"), date_edit(m.held_on))
        self.place = f.add_field("place", translate("MeetingDialog", "&Place"), line(m.place, 200))
        self.topic = f.add_field("topic", translate("MeetingDialog", "&Topic"), line(m.topic, 1000))
        self.topic.setPlaceholderText(translate("MeetingDialog", "e.g. the way into work, treatment and working hours"))
        self.attendees = f.add_field("attendee_ids", translate("MeetingDialog", "Att&endees"),
                                     AttendeeChecks(context, m.attendee_ids))
        self.consent_warning = QLabel()
        self.consent_warning.setObjectName("meeting_consent_warning")
        self.consent_warning.setWordWrap(True)
        self.consent_warning.setStyleSheet(warning_style())
        f.addRow(self.consent_warning)
        self.other_attendees = f.add_field("other_attendees", translate("MeetingDialog", "&Others present"),
                                           line(m.other_attendees, 1000))
        self.notes = f.add_field("notes", translate("MeetingDialog", "What was disc&ussed"), notes_edit(m.notes, 4))
        f.addRow(section(translate("MeetingDialog", "Agreed")))
        self.items = MeetingItems(row.items if row else ())
        f.addRow(self.items)
        self.next_meeting_on = f.add_field("next_meeting_on", translate("MeetingDialog", "&Next meeting"),
                                           OptionalDateEdit(m.next_meeting_on))
        self.share_mapping = f.add_field("share_mapping", translate("MeetingDialog", "&Minutes"), QCheckBox(
            translate("MeetingDialog", "Include the mapping in the minutes (sensitive areas only with consent)")))
        self.share_mapping.setChecked(m.share_mapping)
        self.finish_layout()
        for box in self.attendees.boxes.values():
            box.toggled.connect(lambda *_: self.check_consent())
        self.check_consent()

    def check_consent(self) -> None:
        """Warn at once when an attendee is chosen whose consent to share is not recorded."""
        warning = consent_warning(self.context.without_consent(self.attendees.chosen()))
        self.consent_warning.setText(message(warning) if warning else "")
        self.consent_warning.setVisible(warning is not None)

    def record(self) -> CooperationMeeting:
        return replace(self.original, held_on=self.held_on.date().toPython(), place=self.place.text(),
                       topic=self.topic.text(), attendee_ids=self.attendees.chosen(),
                       other_attendees=self.other_attendees.text(), notes=text_of(self.notes),
                       next_meeting_on=self.next_meeting_on.value(), share_mapping=self.share_mapping.isChecked())

    def store(self) -> Callable[[], MeetingRow]:
        ws, record, items = self.ctx.ws, self.record(), self.items.items()
        return lambda: service.save_meeting(ws, record, items)
