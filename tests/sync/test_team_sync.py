"""The responsible specialist, a handover and a fidelity assessment travel to the team's other devices."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.outcomes.fidelity import ItemScore
from fieldapp.domain.records import Participant
from fieldapp.domain.team_records import Specialist
from fieldapp.services import fidelity, records
from fieldapp.services import team as team_service


def test_handover_and_assessment_sync_to_another_device(team) -> None:
    _, _, (a, b, _c) = team
    p = records.save(a.ws, Participant(first_name="Åse", last_name="Ødegård"))
    kari = team_service.save_specialist(a.ws, Specialist(name="Kari Fjellheim"))
    ola = team_service.save_specialist(a.ws, Specialist(name="Ola Nordstrand"))
    team_service.hand_over(a.ws, participant_id=p.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    team_service.hand_over(a.ws, participant_id=p.id, specialist_id=ola.id, start=date(2026, 7, 1), reason="cover",
                           until=date(2026, 7, 21))
    fidelity.save_assessment(a.ws, assessed_on=date(2026, 6, 1), scores={1: ItemScore(5, "18 per spesialist")})
    a.sync()
    report = b.sync()
    assert report.conflicts == 0
    assert team_service.responsible_on(b.ws, date(2026, 7, 10)) == {p.id: ola.id}
    assert team_service.responsible_on(b.ws, date(2026, 8, 1)) == {p.id: kari.id}
    assert fidelity.assessments(b.ws)[0].scores[1] == ItemScore(5, "18 per spesialist")
