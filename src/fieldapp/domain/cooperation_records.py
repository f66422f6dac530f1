"""Records of cooperation around a participant: cooperation meetings, what was agreed there, and benefits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from fieldapp.domain import validation as v
from fieldapp.domain.messages import FieldError, Message
from fieldapp.domain.records import RecordBase, _one_of
from fieldapp.domain.vocab import Term

BENEFIT_KINDS: tuple[Term, ...] = (
    Term("aap", "Arbeidsavklaringspenger (AAP)", "Work assessment allowance (AAP)"),
    Term("uforetrygd", "Uføretrygd", "Disability benefit"),
    Term("sosialhjelp", "Sosialhjelp (økonomisk stønad)", "Social assistance"),
    Term("other", "Annen ytelse", "Other benefit"),
)
# Visit topics that bring the participant's benefits into the visit ("what happens to my money if I work?").
ECONOMY_TOPICS = frozenset({"economy", "pay"})


@dataclass(frozen=True, kw_only=True)
class CooperationMeeting(RecordBase):
    """A samarbeidsmøte: the participant's cooperating actors who attended (by id), the topic and notes."""

    entity: ClassVar[str] = "cooperation_meeting"
    participant_id: str
    held_on: date
    topic: str
    place: str | None = None
    attendee_ids: tuple[str, ...] = ()
    other_attendees: str | None = None
    notes: str | None = None
    share_mapping: bool = False
    next_meeting_on: date | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("topic", v.check_required(self.topic) or v.check_text(self.topic)),
            ("place", v.check_text(self.place, limit=v.NAME_LIMIT)),
            ("other_attendees", v.check_text(self.other_attendees)),
            ("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)),
            ("next_meeting_on", v.check_date_range(self.held_on, self.next_meeting_on)),
        )


@dataclass(frozen=True, kw_only=True)
class MeetingItem(RecordBase):
    """One thing agreed at a cooperation meeting, and who does it."""

    entity: ClassVar[str] = "meeting_item"
    meeting_id: str
    what: str
    who: str | None = None
    deadline: date | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("what", v.check_required(self.what) or v.check_text(self.what)),
            ("who", v.check_text(self.who, limit=v.NAME_LIMIT)),
        )


@dataclass(frozen=True, kw_only=True)
class Benefit(RecordBase):
    """One benefit the participant receives, its limits, the NAV benefits calculation and income reporting."""

    entity: ClassVar[str] = "participant_benefit"
    participant_id: str
    kind: str = "aap"
    limits: str | None = None
    calculation_asked_on: date | None = None
    calculation_answer: str | None = None
    answered_on: date | None = None
    reporting: str | None = None
    next_reporting_on: date | None = None
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("kind", _one_of(self.kind, BENEFIT_KINDS, "ytelse", "benefit")),
            ("limits", v.check_text(self.limits)),
            ("calculation_answer", v.check_text(self.calculation_answer)),
            ("answered_on", _answer_after_asking(self.calculation_asked_on, self.answered_on)),
            ("reporting", v.check_text(self.reporting)),
            ("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)),
        )

    @property
    def calculation_pending(self) -> bool:
        return self.calculation_asked_on is not None and not self.calculation_answer


def _answer_after_asking(asked: date | None, answered: date | None) -> Message | None:
    if answered is None or asked is None or answered >= asked:
        return None
    return Message("answered_on.before_asked", "Svaret kan ikke være datert før beregningen ble bedt om.",
                   "The answer cannot be dated before the calculation was asked for.")
