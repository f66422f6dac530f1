"""The team for the UI and the CLI: job specialists, who is responsible for whom, and handovers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.outcomes.responsibility import Responsibility
from fieldapp.domain.team_records import Assignment, Specialist
from fieldapp.domain.validation import raise_if
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import outcomes as q


@dataclass(frozen=True)
class Handover:
    assignment: Assignment
    specialist_name: str


def specialists(ws: Workspace, *, include_inactive: bool = False) -> list[Specialist]:
    with ws.folder.read() as session:
        return q.specialists(session, include_inactive=include_inactive)


def save_specialist(ws: Workspace, specialist: Specialist) -> Specialist:
    raise_if(specialist.validate())
    with ws.folder.write() as session:
        return repository.save(session, specialist)


def hand_over(ws: Workspace, *, participant_id: str, specialist_id: str, start: date, reason: str = "change",
              until: date | None = None, note: str | None = None) -> Assignment:
    """Record that `specialist_id` takes over `participant_id` from `start` (for a cover: until `until`).

    The earlier assignments stay, so who was responsible on any day remains known (and counted so)."""
    record = Assignment(participant_id=participant_id, specialist_id=specialist_id, start=start, reason=reason,
                        until=until, note=(note or "").strip() or None)
    raise_if(record.validate())
    with ws.folder.write() as session:
        if repository.get(session, Specialist, specialist_id) is None:
            raise DomainError(Message("unknown_specialist", "Fant ikke jobbspesialisten. Velg en fra listen.",
                                      "No such job specialist. Choose one from the list."))
        return repository.save(session, record)


def history(ws: Workspace, participant_id: str) -> list[Handover]:
    """Every assignment of the participant, oldest first, with the specialist's name."""
    with ws.folder.read() as session:
        names = {s.id: s.name for s in q.specialists(session)}
        return [Handover(a, names.get(a.specialist_id, "?")) for a in q.assignments_of(session, participant_id)]


def responsible_on(ws: Workspace, day: date) -> dict[str, str]:
    """participant id -> responsible specialist id on `day`, for everyone who has one."""
    with ws.folder.read() as session:
        facts = q.assignment_facts(session)
        people = [p.id for p in q.participant_facts(session)]
    resp = Responsibility(facts)
    return {pid: sid for pid in people if (sid := resp.who(pid, day)) is not None}
