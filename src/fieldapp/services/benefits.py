"""A participant's benefits (økonomi og ytelser) for the UI: the list, saving, removing, and the visit summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.cooperation_records import ECONOMY_TOPICS, Benefit
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import cooperation as q


def list_benefits(ws: Workspace, participant_id: str) -> list[Benefit]:
    with ws.folder.read() as session:
        return q.benefits(session, participant_id)


def save_benefit(ws: Workspace, benefit: Benefit) -> Benefit:
    """Add or change one of the participant's benefits. Raises ValidationFailed."""
    benefit = tidy_record(benefit, required=("kind",))
    with ws.folder.write() as session:
        return repository.save(session, benefit)


def delete_benefit(ws: Workspace, benefit_id: str) -> None:
    with ws.folder.write() as session:
        repository.tombstone(session, Benefit, benefit_id)


@dataclass(frozen=True)
class EconomySummary:
    """What a visit about money shows: the benefits, calculations still waiting for NAV's answer, next reporting."""

    benefits: tuple[Benefit, ...]
    pending: tuple[Benefit, ...]
    next_reporting_on: date | None


def economy_summary(ws: Workspace, participant_id: str, topics: tuple[str, ...]) -> EconomySummary | None:
    """None when none of the visit's topics is about money."""
    if not ECONOMY_TOPICS & set(topics):
        return None
    found = tuple(list_benefits(ws, participant_id))
    dates = [b.next_reporting_on for b in found if b.next_reporting_on]
    return EconomySummary(found, tuple(b for b in found if b.calculation_pending), min(dates) if dates else None)
