"""The access log travels like other data: an opening on one device is in the participant's log on the other."""

from __future__ import annotations

from datetime import UTC, datetime

from fieldapp.domain.records import Participant
from fieldapp.services import access_log, records
from fieldapp.services.participants import open_participant


def test_access_log_entries_sync_between_devices(server, make_device) -> None:
    team_id = server.team()
    a, b = make_device("kari"), make_device("ola")
    assert a.client.enroll(server.url, server.code(team_id), name="kari").status == "active"
    assert b.client.enroll(server.url, server.code(team_id), name="ola").status == "pending"
    pending = {p.device_id: p for p in a.client.pending_devices()}
    a.client.approve(b.id, pending[b.id].fingerprint)

    p = records.save(a.ws, Participant(first_name="Tove", last_name="Lian"))
    a.sync()
    b.sync()
    assert open_participant(b.ws, p.id, now=datetime(2026, 12, 3, 9, 0, tzinfo=UTC)) is not None
    access_log.record(b.ws, participant_id=p.id, kind="reveal_fnr")
    b.sync()
    a.sync()
    seen_on_a = access_log.entries_for(a.ws, p.id)
    assert {(e.who, e.device_id, e.kind) for e in seen_on_a} == {("ola", b.id, "participant"), ("ola", b.id, "reveal_fnr")}
    assert seen_on_a == access_log.entries_for(b.ws, p.id)
