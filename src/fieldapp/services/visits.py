"""Follow-up visits for the UI: a participant's visits as rows, and recording a visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import visits as q


@dataclass(frozen=True)
class VisitRow:
    """Times are aware and in the local time zone."""

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


def visit_row(facts: q.VisitFacts) -> VisitRow:
    v = facts.visit
    return VisitRow(id=v.id, participant_id=v.participant_id, participant_name=facts.participant_name,
                    employer_name=facts.employer_name, starts_at=v.starts_at.astimezone(),
                    ends_at=v.ends_at.astimezone() if v.ends_at else None, channel=v.channel,
                    visit_type=v.visit_type, place=v.place, summary=v.summary, finished=v.finished)


def visits_for_participant(ws: Workspace, participant_id: str) -> list[VisitRow]:
    """Newest first."""
    with ws.folder.read() as session:
        return [visit_row(f) for f in q.for_participant(session, participant_id)]


def record_visit(ws: Workspace, visit: Visit) -> Visit:
    """Store a visit (draft or finished). Raises ValidationFailed, or DomainError for a finished, locked visit."""
    return records.save(ws, visit)
