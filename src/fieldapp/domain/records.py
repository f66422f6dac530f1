"""Plain, immutable records that services take and return, each with its own validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import ClassVar

from fieldapp.domain import jobdev_vocab as jv
from fieldapp.domain import validation as v
from fieldapp.domain import vocab
from fieldapp.domain.messages import FieldError, Message


def _one_of(value: str | None, terms: tuple[vocab.Term, ...], what_nb: str, what_en: str) -> Message | None:
    if value in vocab.codes(terms):
        return None
    allowed = ", ".join(sorted(vocab.codes(terms)))
    return Message("unknown_code", f"Ukjent {what_nb}: «{value}» (tillatt: {allowed}).",
                   f"Unknown {what_en}: '{value}' (allowed: {allowed}).")


def _name(value: str | None) -> Message | None:
    return v.check_required(value) or v.check_text(value, limit=v.NAME_LIMIT)


def _opt(check: Callable[[str], Message | None], value: str | None) -> Message | None:
    return None if value in (None, "") else check(value)


@dataclass(frozen=True, kw_only=True)
class RecordBase:
    """Identity and audit fields; set by storage, never by the caller."""

    entity: ClassVar[str]
    id: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    deleted_at: datetime | None = None

    def validate(self) -> list[FieldError]:
        return []

    @classmethod
    def data_fields(cls) -> tuple[str, ...]:
        """The fields a user edits (everything but identity and audit)."""
        meta = {f.name for f in fields(RecordBase)}
        return tuple(f.name for f in fields(cls) if f.name not in meta)


@dataclass(frozen=True, kw_only=True)
class Participant(RecordBase):
    entity: ClassVar[str] = "participant"
    first_name: str
    last_name: str
    fodselsnummer: str | None = None
    phone: str | None = None
    email: str | None = None
    preferred_language: str | None = None
    method: str = "ips"
    referred_by: str | None = None
    follow_up_start: date | None = None
    follow_up_end: date | None = None
    status: str = "active"
    status_reason: str | None = None
    nav_contact_name: str | None = None
    nav_contact_phone: str | None = None
    nav_office: str | None = None
    notes: str | None = None
    phase: str | None = None
    referred_on: date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("first_name", _name(self.first_name)),
            ("last_name", _name(self.last_name)),
            ("fodselsnummer", _opt(v.check_fodselsnummer, self.fodselsnummer)),
            ("phone", _opt(v.check_phone, self.phone)),
            ("email", _opt(v.check_email, self.email)),
            ("method", _one_of(self.method, vocab.METHODS, "metode", "method")),
            ("status", _one_of(self.status, vocab.PARTICIPANT_STATUSES, "status", "status")),
            ("status_reason", v.check_text(self.status_reason)),
            ("follow_up_end", v.check_date_range(self.follow_up_start, self.follow_up_end)),
            ("nav_contact_phone", _opt(v.check_phone, self.nav_contact_phone)),
            ("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)),
            ("phase", _opt(lambda code: _one_of(code, jv.PHASES, "fase", "phase"), self.phase)),
        )


@dataclass(frozen=True, kw_only=True)
class CooperatingActor(RecordBase):
    entity: ClassVar[str] = "cooperating_actor"
    participant_id: str
    role: str
    name: str
    organisation: str | None = None
    phone: str | None = None
    consent_to_contact: bool = False
    consent_date: date | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(("role", v.check_required(self.role)), ("name", _name(self.name)),
                         ("phone", _opt(v.check_phone, self.phone)))


@dataclass(frozen=True, kw_only=True)
class Consent(RecordBase):
    entity: ClassVar[str] = "consent"
    participant_id: str
    recipient: str
    scope: str
    given: bool
    decided_on: date

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("recipient", _one_of(self.recipient, vocab.CONSENT_RECIPIENTS, "mottaker", "recipient")),
            ("scope", v.check_required(self.scope) or v.check_text(self.scope)),
        )


@dataclass(frozen=True, kw_only=True)
class Employer(RecordBase):
    entity: ClassVar[str] = "employer"
    name: str
    orgnr: str | None = None
    business_number: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    industry: str | None = None
    phone: str | None = None
    email: str | None = None
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("name", _name(self.name)),
            ("orgnr", _opt(v.check_orgnr, self.orgnr)),
            ("business_number", None if not self.business_number
             else v.check_orgnr(self.business_number, label="virksomhetsnummer")),
            ("phone", _opt(v.check_phone, self.phone)),
            ("email", _opt(v.check_email, self.email)),
            ("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)),
        )


@dataclass(frozen=True, kw_only=True)
class EmployerContact(RecordBase):
    entity: ClassVar[str] = "employer_contact"
    employer_id: str
    name: str
    role: str = "nearest_manager"
    phone: str | None = None
    email: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("name", _name(self.name)), ("role", _one_of(self.role, vocab.CONTACT_ROLES, "rolle", "role")),
            ("phone", _opt(v.check_phone, self.phone)), ("email", _opt(v.check_email, self.email)),
        )


@dataclass(frozen=True, kw_only=True)
class Placement(RecordBase):
    entity: ClassVar[str] = "placement"
    participant_id: str
    employer_id: str
    job_title: str
    contact_id: str | None = None
    tasks: str | None = None
    percentage: int | None = None
    working_hours: str | None = None
    days_per_week: int | None = None
    employment_form: str = "permanent"
    ordinary_wage: bool = True
    start_date: date | None = None
    end_date: date | None = None
    status: str = "planned"
    end_reason: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(
            ("job_title", _name(self.job_title)),
            ("tasks", v.check_text(self.tasks)),
            ("percentage", v.check_percent(self.percentage)),
            ("working_hours", v.check_text(self.working_hours)),
            ("days_per_week", v.check_days_per_week(self.days_per_week)),
            ("employment_form", _one_of(self.employment_form, vocab.EMPLOYMENT_FORMS, "ansettelsesform",
                                        "employment form")),
            ("status", _one_of(self.status, vocab.PLACEMENT_STATUSES, "status", "status")),
            ("end_date", v.check_date_range(self.start_date, self.end_date)),
            ("end_reason", v.check_text(self.end_reason)),
        )


@dataclass(frozen=True, kw_only=True)
class NavMeasure(RecordBase):
    entity: ClassVar[str] = "nav_measure"
    placement_id: str
    kind: str
    from_date: date | None = None
    to_date: date | None = None
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(("kind", _one_of(self.kind, vocab.NAV_MEASURES, "virkemiddel", "measure")),
                         ("to_date", v.check_date_range(self.from_date, self.to_date)),
                         ("notes", v.check_text(self.notes)))


@dataclass(frozen=True, kw_only=True)
class Mapping(RecordBase):
    entity: ClassVar[str] = "mapping"
    participant_id: str
    mapped_on: date
    notes: str | None = None

    def validate(self) -> list[FieldError]:
        return v.collect(("notes", v.check_text(self.notes, limit=v.NOTE_LIMIT)))


@dataclass(frozen=True, kw_only=True)
class MappingArea(RecordBase):
    entity: ClassVar[str] = "mapping_area"
    mapping_id: str
    area: str
    status: str = "not_mapped"
    description: str | None = None
    action: str | None = None
    responsible: str | None = None
    deadline: date | None = None
    sensitive: bool = False

    def validate(self) -> list[FieldError]:
        area_ok = None if self.area in {a[0] for a in vocab.MAPPING_AREAS} else Message(
            "unknown_area", f"Ukjent kartleggingsområde: «{self.area}».", f"Unknown mapping area: '{self.area}'.")
        return v.collect(
            ("area", area_ok), ("status", _one_of(self.status, vocab.MAPPING_STATUSES, "status", "status")),
            ("description", v.check_text(self.description)), ("action", v.check_text(self.action)),
            ("responsible", v.check_text(self.responsible, limit=v.NAME_LIMIT)),
        )
