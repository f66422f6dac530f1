"""Retention for the UI and the command line: the office's period, and who is due for review and erasure.

Read-only: listing someone here erases nothing; a person reviews and confirms every erasure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain import retention as rules
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import retention as q


@dataclass(frozen=True)
class RetentionDue:
    participant_id: str
    first_name: str
    last_name: str
    follow_up_end: date
    retention_ended: date

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def retention_years(ws: Workspace) -> int:
    with ws.folder.read() as session:
        return q.stored_years(session) or rules.DEFAULT_YEARS


def set_retention_years(ws: Workspace, years: int) -> None:
    """Raises DomainError outside 1–30 years."""
    rules.check_years(years)
    with ws.folder.write() as session:
        q.store_years(session, years)


def due_for_erasure(ws: Workspace, *, today: date | None = None, years: int | None = None) -> list[RetentionDue]:
    """Participants whose follow-up ended and whose retention period has run out, longest overdue first."""
    today = today or date.today()
    with ws.folder.read() as session:
        years = years or q.stored_years(session) or rules.DEFAULT_YEARS
        ended = q.ended(session)
    return [RetentionDue(e.participant_id, e.first_name, e.last_name, e.follow_up_end,
                         rules.retention_ends(e.follow_up_end, years))
            for e in ended if rules.is_due(rules.ENDED, e.follow_up_end, years, today)]
