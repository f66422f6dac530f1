"""The app's sync service: overview, a run's result, devices and revocation, conflicts restored, backoff."""

from __future__ import annotations

import dataclasses
import json

import pytest

from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services import sync as service
from fieldapp.storage import integrity
from tests.sync.conftest import make_device, server  # noqa: F401 - pytest fixtures, used by name in the tests' arguments


def _pair(server, make_device):
    team = server.team()
    a, b = make_device("a"), make_device("b")
    sa, sb = service.Syncer(a.ws), service.Syncer(b.ws)
    assert sa.enroll(server.url, server.code(team), name="a").recovery_key
    got = sb.enroll(server.url, server.code(team), name="b")
    assert got.status == "pending"
    assert [p.device_id for p in sa.pending_devices()] == [b.id]
    sa.approve(b.id, got.fingerprint)
    return a, b, sa, sb


def test_overview_counts_waiting_changes_until_pushed(server, make_device) -> None:
    a, b, sa, sb = _pair(server, make_device)
    assert service.overview(a.ws) == service.Overview(True, server.url, "Team Nord", 0, 0)
    records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann"))
    overview = service.overview(a.ws)
    assert overview.waiting_changes == 1 and overview.waiting.participants == 1  # records, not field changes
    result = sa.run()
    assert result.ok and result.pushed_changes > 10 and result.error_kind is None  # one change per field
    assert service.overview(a.ws).waiting_changes == 0
    pulled = sb.run()
    assert pulled.applied_changes == result.pushed_changes and "participant" in pulled.changed_entities


def test_not_enrolled_folder_counts_every_local_change(workspace) -> None:
    assert service.overview(workspace) == service.Overview(False)
    records.save(workspace, Participant(first_name="Ola", last_name="Nordmann"))
    assert service.overview(workspace).waiting_changes > 0
    result = service.Syncer(workspace).run()
    assert result.state == "error" and result.error_kind == "setup"


def test_bad_address_is_refused_before_any_network(workspace) -> None:
    with pytest.raises(service.SyncError) as caught:
        service.Syncer(workspace).enroll("sync.example.org", "ABCD", name="x")
    assert caught.value.kind == "setup"


def test_unreachable_server_is_an_outage_with_a_reason(server, make_device) -> None:
    a, _, _, _ = _pair(server, make_device)
    server.stop()
    result = service.Syncer(a.ws, max_attempts=1, deadline_s=2).run()
    assert result.state == "error" and result.error_kind == "outage"
    assert result.message is not None and "Cannot reach the sync server" in result.message.text("en")
    server.stop = lambda: None


def test_devices_list_and_revoke_from_a_member(server, make_device) -> None:
    a, b, sa, sb = _pair(server, make_device)
    devices = {d.name: d for d in sa.devices()}
    assert devices["a"].this_device and devices["b"].status == "active" and not devices["b"].this_device
    with pytest.raises(service.SyncError):
        sa.revoke(a.id)
    sa.revoke(b.id)
    assert {d.name: d.status for d in sa.devices()}["b"] == "revoked"
    refused = sb.run()
    assert refused.error_kind == "auth" and "auth" in service.STOPPING_KINDS
    rotated = sa.run()
    assert rotated.ok


def test_restoring_a_conflict_is_a_new_change_that_wins_everywhere(server, make_device, tmp_path) -> None:
    a, b, sa, sb = _pair(server, make_device)
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann"))
    assert sa.run().ok and sb.run().ok
    records.save(a.ws, dataclasses.replace(records.get(a.ws, Participant, p.id), notes="A"))
    records.save(b.ws, dataclasses.replace(records.get(b.ws, Participant, p.id), notes="B"))
    assert sa.run().ok and sb.run().ok
    result = sa.run()
    assert result.conflicts == 1
    [c] = service.conflicts(a.ws)
    assert (c.kind, c.local_value, c.remote_value, c.restorable) == ("overwritten", "A", "B", True)
    assert c.local_when is not None and c.local_when <= c.remote_when
    assert service.restore_conflict(a.ws, c.id) == "participant"
    assert service.conflicts(a.ws) == []
    with pytest.raises(DomainError):
        service.restore_conflict(a.ws, c.id)
    assert sa.run().ok and sb.run().ok
    assert records.get(b.ws, Participant, p.id).notes == "A"
    assert service.conflicts(b.ws) == []
    for dev in (a, b):
        with dev.ws.folder.read() as session:
            assert integrity.check(session.connection()).ok
    out = tmp_path / "out.json"
    assert service.export_local(a.ws, out) >= 1
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "fieldapp-export"


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    assert service.wait_seconds(1, rand=lambda: 1.0) == 5.0
    assert service.wait_seconds(4, rand=lambda: 1.0) == 40.0
    assert service.wait_seconds(30, rand=lambda: 1.0) == 900.0
    assert service.wait_seconds(4, rand=lambda: 0.5) == 20.0
    assert service.wait_seconds(4, rand=lambda: 0.0) == 2.5  # never hammering: at least half the base
    waits = {service.wait_seconds(6) for _ in range(50)}
    assert len(waits) > 10  # jitter: devices coming online together do not retry together


def test_a_run_that_only_receives_an_erasure_tells_the_views(server, make_device) -> None:
    """The erased participant leaves every view at once, and the erasure log shows the erasure: the run applied no
    change, but it deleted rows."""
    from fieldapp.services import erasure

    a, b, sa, sb = _pair(server, make_device)
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann"))
    assert sa.run().ok and sb.run().ok
    assert records.get(b.ws, Participant, p.id) is not None
    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    assert sa.run().ok
    quiet = sb.run()
    assert quiet.ok and quiet.applied_changes == 0
    assert {"participant", "visit"} <= quiet.changed_entities
    assert sb.run().changed_entities == frozenset()  # the next run has nothing new to tell
