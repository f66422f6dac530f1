"""Records of follow-up visits: the visit, who attended, agreed actions and correction notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from fieldapp.domain import validation as v
from fieldapp.domain import vocab
from fieldapp.domain.messages import FieldError, Message
from fieldapp.domain.records import RecordBase, _name, _one_of


@dataclass(frozen=True, kw_only=True)
class Visit(RecordBase):
    entity: ClassVar[str] = "visit"
    participant_id: str
    starts_at: datetime
    placement_id: str | None = None
    ends_at: datetime | None = None
    channel: str = "on_site"
    place: str | None = None
    visit_type: str = "routine"
    topics: tuple[str, ...] = ()
    employee_view: str | None = None
    employer_view: str | None = None
    works_well: str | None = None
    challenges: str | None = None
    next_visit_date: date | None = None
    summary: str | None = None
    internal_notes: str | None = None
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def validate(self) -> list[FieldError]:
        unknown = sorted(set(self.topics) - vocab.codes(vocab.VISIT_TOPICS))
        topics = Message("unknown_topic", f"Ukjente temaer: {', '.join(unknown)}.",
                         f"Unknown topics: {', '.join(unknown)}.") if unknown else None
        return v.collect(
            ("ends_at", v.check_date_range(self.starts_at, self.ends_at)),
            ("channel", _one_of(self.channel, vocab.VISIT_CHANNELS, "kanal", "channel")),
            ("place", v.check_text(self.place, limit=v.NAME_LIMIT)),
            ("visit_type", _one_of(self.visit_type, vocab.VISIT_TYPES, "besøkstype", "visit type")),
            ("topics", topics),
            ("employee_view", v.check_text(self.employee_view)),
            ("employer_view", v.check_text(self.employer_view)),
            ("works_well", v.check_text(self.works_well)),
            ("challenges", v.check_text(self.challenges)),
            ("next_visit_date", v.check_date_range(self.starts_at.date(), self.next_visit_date)),
            ("summary", v.check_text(self.summary)),
            ("internal_notes", v.check_text(self.internal_notes, limit=v.NOTE_LIMIT)),
        )


@dataclass(frozen=True, kw_only=True)
class VisitAttendee(RecordBase):
    entity: ClassVar[str] = "visit_attendee"
    visit_id: str
    role: str
    name: str

    def validate(self) -> list[FieldError]:
        return v.collect(("role", v.check_required(self.role)), ("name", _name(self.name)))


@dataclass(frozen=True, kw_only=True)
class VisitAction(RecordBase):
    entity: ClassVar[str] = "visit_action"
    visit_id: str
    what: str
    responsible: str | None = None
    deadline: date | None = None
    status: str = "agreed"
    carried_from_id: str | None = None

    @property
    def open(self) -> bool:
        return self.status in vocab.OPEN_ACTION_STATUSES

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("what", v.check_required(self.what) or v.check_text(self.what)),
            ("responsible", v.check_text(self.responsible, limit=v.NAME_LIMIT)),
            ("status", _one_of(self.status, vocab.ACTION_STATUSES, "status", "status")),
        )


@dataclass(frozen=True, kw_only=True)
class VisitNote(RecordBase):
    entity: ClassVar[str] = "visit_note"
    visit_id: str
    text: str

    def validate(self) -> list[FieldError]:
        return v.collect(("text", v.check_required(self.text) or v.check_text(self.text, limit=v.NOTE_LIMIT)))
