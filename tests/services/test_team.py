"""Responsible specialists: handovers are kept as history, synced like other data, and decide who counts whom."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.records import Participant
from fieldapp.domain.team_records import Specialist
from fieldapp.services import participants as ps
from fieldapp.services import team


def _participant(ws, first: str) -> Participant:
    return ps.create_participant(ws, Participant(first_name=first, last_name="Testesen",
                                                 follow_up_start=date(2026, 1, 1)))


def test_handover_and_cover_are_recorded_and_answer_who_is_responsible(workspace) -> None:
    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    ola = team.save_specialist(workspace, Specialist(name="Ola Nordstrand"))
    p = _participant(workspace, "Siri")
    team.hand_over(workspace, participant_id=p.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    team.hand_over(workspace, participant_id=p.id, specialist_id=ola.id, start=date(2026, 7, 1), reason="cover",
                   until=date(2026, 7, 21), note="Sommerferie")
    assert team.responsible_on(workspace, date(2026, 7, 10)) == {p.id: ola.id}
    assert team.responsible_on(workspace, date(2026, 7, 22)) == {p.id: kari.id}
    hist = team.history(workspace, p.id)
    assert [(h.specialist_name, h.assignment.reason) for h in hist] == [("Kari Fjellheim", "start"),
                                                                       ("Ola Nordstrand", "cover")]
    with workspace.folder.read() as session:  # captured for sync like every synced table
        conn = session.connection()
        clocked = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT entity FROM record_clock")}
        queued = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT entity FROM outbox_record")}
    assert {"specialist", "assignment"} <= clocked & queued


def test_a_cover_needs_an_end_and_the_specialist_must_exist(workspace) -> None:
    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    p = _participant(workspace, "Siri")
    with pytest.raises(ValidationFailed):
        team.hand_over(workspace, participant_id=p.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="cover")
    with pytest.raises(DomainError):
        team.hand_over(workspace, participant_id=p.id, specialist_id="nobody", start=date(2026, 1, 1))


def test_responsible_rows_show_and_filter_by_specialist(workspace) -> None:
    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    ola = team.save_specialist(workspace, Specialist(name="Ola Nordstrand"))
    siri, per, nils = (_participant(workspace, n) for n in ("Siri", "Per", "Nils"))
    team.hand_over(workspace, participant_id=siri.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    team.hand_over(workspace, participant_id=per.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    team.hand_over(workspace, participant_id=per.id, specialist_id=ola.id, start=date(2026, 5, 1))
    everyone = team.responsible_rows(workspace, today=date(2026, 6, 1))
    assert [(r.name, r.specialist_name, r.since) for r in everyone] == [
        ("Nils Testesen", "", None), ("Per Testesen", "Ola Nordstrand", date(2026, 5, 1)),
        ("Siri Testesen", "Kari Fjellheim", date(2026, 1, 1))]
    assert [r.name for r in team.responsible_rows(workspace, today=date(2026, 6, 1), specialist_id=kari.id)] == [
        "Siri Testesen"]
    assert nils.id not in team.responsible_on(workspace, date(2026, 6, 1))


def test_a_participants_export_holds_who_was_responsible(workspace, tmp_path) -> None:
    from fieldapp.services.exporting import write_export

    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    p = _participant(workspace, "Siri")
    team.hand_over(workspace, participant_id=p.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    counts = write_export(workspace, tmp_path / "innsyn.json", participant_id=p.id)
    assert counts.get("assignment") == 1
