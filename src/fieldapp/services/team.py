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


@dataclass(frozen=True)
class ResponsibleRow:
    """A participant in the team list, with who is responsible today and since when."""

    participant_id: str
    name: str
    status: str
    specialist_id: str | None
    specialist_name: str
    since: date | None


def responsible_rows(ws: Workspace, *, today: date, specialist_id: str | None = None) -> list[ResponsibleRow]:
    """Participants not ended, with their responsible specialist today; only `specialist_id`'s when given."""
    from fieldapp.domain.names import name_sort_key
    from fieldapp.storage.queries import participants as pq

    with ws.folder.read() as session:
        people = pq.briefs(session)
        facts = q.assignment_facts(session)
        names = {s.id: s.name for s in q.specialists(session)}
    resp = Responsibility(facts)
    starts = {(a.participant_id, a.specialist_id): a.start for a in facts if a.start <= today}
    rows = []
    for p in people:
        if p.status == "ended":
            continue
        sid = resp.who(p.id, today)
        if specialist_id is not None and sid != specialist_id:
            continue
        rows.append(ResponsibleRow(p.id, f"{p.first_name} {p.last_name}".strip(), p.status, sid,
                                   names.get(sid or "", ""), starts.get((p.id, sid or ""))))
    rows.sort(key=lambda r: (name_sort_key(r.name), r.participant_id))
    return rows
