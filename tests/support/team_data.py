"""A team of invented job specialists for a demo folder: participants shared out, with a handover and a cover."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.domain.team_records import Specialist
from fieldapp.services import team
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import outcomes as q

NAMES = ("Kari Fjellheim", "Ola Nordstrand", "Ingrid Bakkevik")


def share_out(ws: Workspace, *, today: date, names: tuple[str, ...] = NAMES) -> list[Specialist]:
    """Every participant gets a specialist from referral; the first one is handed over 30 days ago, the
    second has a two-week vacation cover. A demo folder has its team already: then only the handover and the
    cover are added."""
    people = team.specialists(ws)
    with ws.folder.read() as session:
        facts = sorted(q.participant_facts(session), key=lambda p: p.id)
    if not people:
        people = [team.save_specialist(ws, Specialist(name=name)) for name in names]
        for i, p in enumerate(facts):
            team.hand_over(ws, participant_id=p.id, specialist_id=people[i % len(people)].id, start=p.referred_on,
                           reason="start")
    if len(facts) > 1:
        team.hand_over(ws, participant_id=facts[0].id, specialist_id=people[1].id, start=today - timedelta(days=30))
        team.hand_over(ws, participant_id=facts[1].id, specialist_id=people[0].id, reason="cover",
                       start=today - timedelta(days=20), until=today - timedelta(days=6))
    return people
