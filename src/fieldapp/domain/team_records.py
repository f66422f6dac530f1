"""Team records: the job specialists, who is responsible for each participant (with handovers), and the
team's IPS fidelity self-assessments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from fieldapp.domain import validation as v
from fieldapp.domain.messages import FieldError, Message
from fieldapp.domain.records import RecordBase
from fieldapp.domain.vocab import Term, _terms, codes

# Why a participant got a (new) responsible specialist.
HANDOVER_REASONS: tuple[Term, ...] = _terms(
    ("start", "Oppstart", "Start"), ("change", "Bytte av jobbspesialist", "Change of specialist"),
    ("cover", "Ferievikar / stedfortreder", "Vacation cover"),
)


def _reason(value: str) -> Message | None:
    if value in codes(HANDOVER_REASONS):
        return None
    return Message("unknown_code", f"Ukjent årsak: «{value}».", f"Unknown reason: '{value}'.")


def _cover_end(reason: str, start: date | None, until: date | None) -> Message | None:
    if reason == "cover" and until is None:
        return Message("cover_needs_end", "Et vikariat må ha en sluttdato.", "A cover needs an end date.")
    if reason != "cover" and until is not None:
        return Message("only_cover_ends", "Bare et vikariat har sluttdato.", "Only a cover has an end date.")
    return v.check_date_range(start, until)


@dataclass(frozen=True, kw_only=True)
class Specialist(RecordBase):
    """A job specialist on the team (a person, whichever devices they use)."""

    entity: ClassVar[str] = "specialist"
    name: str
    active: bool = True

    def validate(self) -> list[FieldError]:
        return v.collect(("name", v.check_required(self.name) or v.check_text(self.name, limit=v.NAME_LIMIT)))


@dataclass(frozen=True, kw_only=True)
class Assignment(RecordBase):
    """From `start` the specialist is responsible for the participant; a cover hands back after `until`."""

    entity: ClassVar[str] = "assignment"
    participant_id: str
    specialist_id: str
    start: date
    reason: str = "start"
    until: date | None = None
    note: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("specialist_id", v.check_required(self.specialist_id)),
            ("start", v.check_required(self.start)),
            ("reason", _reason(self.reason)),
            ("until", _cover_end(self.reason, self.start, self.until)),
            ("note", v.check_text(self.note)),
        )


@dataclass(frozen=True, kw_only=True)
class FidelityAssessment(RecordBase):
    """One IPS-25 self-assessment: `scores_json` maps item number to {"score": 1–5 or null, "note": text}."""

    entity: ClassVar[str] = "fidelity_assessment"
    assessed_on: date
    scores_json: str = "{}"
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(("assessed_on", v.check_required(self.assessed_on)), ("notes", v.check_text(self.notes)))
