"""Plain values the storage layer hands out for lists and for the Today view.

Nothing here imports SQLAlchemy: the app's first view is read and shown before SQLAlchemy is loaded
(see storage/today_facts.py and storage/quick_open.py), and these are the values it is made of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fieldapp.domain import agreement_content as ac
from fieldapp.domain.agreement_rules import SignatureFact

CURRENT_PLACEMENT_STATUSES = ("planned", "active")


@dataclass(frozen=True)
class PlacementFacts:
    id: str
    participant_id: str
    employer_id: str
    employer_name: str
    job_title: str
    status: str
    start_date: date | None
    end_date: date | None
    percentage: int | None


@dataclass(frozen=True)
class ParticipantBrief:
    """The columns the participant list shows: read as plain columns, not whole records, because the
    list is read in full (10,000 participants must load in well under a second)."""

    id: str
    first_name: str
    last_name: str
    fodselsnummer: str | None
    phone: str | None
    status: str
    method: str
    phase: str | None
    referred_on: date | None
    follow_up_start: date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class VisitBrief:
    """What a list of visits shows, read as plain columns (no full record: lists can hold thousands).
    Times are aware and in the local time zone."""

    id: str
    participant_id: str
    participant_name: str
    employer_name: str | None
    starts_at: datetime
    ends_at: datetime | None
    channel: str
    visit_type: str
    place: str | None
    summary: str | None
    finished: bool


@dataclass(frozen=True)
class TermsInForce:
    """What decides whether a frozen agreement version is active and how often it asks for follow-up."""

    agreement_type: str
    start: date
    end: date | None
    follow_ups: tuple[ac.FollowUp, ...]
    signatures: tuple[SignatureFact, ...]
