"""A revoked device leaves its team without losing anything (`fieldapp sync reset`), enrolls again with a new
code, and its unsynced changes reach the team under the new membership, merged by the usual rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.server import store
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import integrity, outbox_cut, replay, sync_state
from fieldapp.sync import keys
from tests.sync.conftest import Device


def participants(dev: Device) -> dict[str, dict[str, Any]]:
    with dev.ws.folder.read() as session:
        return replay.table_rows(session.connection(), "participant")


def test_revoked_device_resets_enrolls_again_and_its_offline_changes_arrive(
        team, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    server, team_id, (a, b, _c) = team
    people = [records.save(a.ws, Participant(first_name=f"Deltaker{i}", last_name="Nordmann")) for i in range(5)]
    a.sync()
    b.sync()
    # The team changes one field of the first participant; B does not see it (offline).
    first = records.get(a.ws, Participant, people[0].id)
    assert first is not None
    records.save(a.ws, dataclasses.replace(first, notes="fra A"))
    a.sync()
    for i, p in enumerate(people):  # B, offline, changes all five (the first in the same field, later)
        got = records.get(b.ws, Participant, p.id)
        assert got is not None
        records.save(b.ws, dataclasses.replace(got, notes=f"fra B {i}", phone=f"900 00 00{i}"))
        if i == 2:  # a sync cut off after sealing the first three: a batch the server never acknowledged
            outbox_cut.fill_outbox(b.ws.folder, lambda seq, changes, base: ("oldkey", b"sealed for the old team"))
    assert sync_state.pending_count(b.ws.folder) == (2, 1)
    assert sync_state.waiting_by_kind(b.ws.folder)[0] == 5

    store.revoke_device(server.engine, b.id)
    report = b.client.sync()
    assert report.state == "error" and report.error is not None and report.error.kind == "auth"
    assert main(["sync", "--data-dir", str(tmp_path / "b")]) == 2
    assert "'fieldapp sync reset' lets the data folder leave the team" in capsys.readouterr().err
    assert sync_state.waiting_by_kind(b.ws.folder)[0] == 5  # still waiting, nowhere to go
    old_id = b.id
    b.client.close()
    b.ws.close()
    folder = str(tmp_path / "b")

    # The old membership blocks a new enrollment until the folder leaves the team.
    assert main(["enroll", "--server", server.url, "--code", server.code(team_id), "--data-dir", folder]) == 2
    capsys.readouterr()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["sync", "reset", "--data-dir", folder]) == 1
    out = capsys.readouterr().out
    assert "leaves the team 'Team Nord'" in out and "5 changes not yet synced" in out and "Cancelled" in out
    assert main(["sync", "reset", "--yes", "--data-dir", folder]) == 0
    assert "5 records with changes not yet synced are kept" in capsys.readouterr().out
    assert keys.token(old_id) is None and keys.bundle(old_id) is None and keys.device_private_key(old_id) is None
    assert main(["sync", "reset", "--yes", "--data-dir", folder]) == 2  # nothing left to leave
    assert "not in a team" in capsys.readouterr().err

    assert main(["enroll", "--server", server.url, "--code", server.code(team_id), "--data-dir", folder,
                 "--name", "b-igjen"]) == 0
    capsys.readouterr()
    b2 = Device("b2", open_workspace(Path(folder), actor="b"))
    try:
        assert b2.id != old_id
        assert sync_state.waiting_by_kind(b2.ws.folder)[0] == 5  # nothing lost on the way
        assert sync_state.pending_count(b2.ws.folder) == (5, 0)  # the old batch taken apart, to be sealed anew
        pending = {p.device_id: p for p in a.client.pending_devices()}
        a.client.approve(b2.id, pending[b2.id].fingerprint)
        b2.sync()
        assert sync_state.waiting_changes(b2.ws.folder) == 0
        a.sync()
        got = participants(a)
        for i, p in enumerate(people):
            assert (got[p.id]["notes"], got[p.id]["phone"]) == (f"fra B {i}", f"900 00 00{i}")
        # The field both changed: B's later value won, and A keeps its own as a conflict.
        lost = sync_state.conflicts(a.ws.folder)
        assert [(x.kind, x.entity_id, x.field, x.local_value, x.remote_value, x.local_device, x.remote_device)
                for x in lost] == [("overwritten", people[0].id, "notes", "fra A", "fra B 0", a.id, b2.id)]
        b2.sync()
        assert participants(b2) == got
        for dev in (a, b2):
            with dev.ws.folder.read() as session:
                report = integrity.check(session.connection())
            assert report.ok, (dev.name, report.problems)
    finally:
        b2.client.close()
        b2.ws.close()


def test_a_folder_that_left_its_team_must_be_reopened_before_enrolling(team) -> None:
    from fieldapp.services import sync as service

    server, team_id, (_a, b, _c) = team
    old_id = b.id
    done = service.leave_team(b.ws)
    assert (done.old_device_id, done.kept_records) == (old_id, 0) and done.new_device_id != old_id
    with pytest.raises(service.SyncError) as refused:
        service.Syncer(b.ws).enroll(server.url, server.code(team_id), name="b")
    assert refused.value.message.code == "sync.reopen" and "open it again" in refused.value.message.en
    with pytest.raises(DomainError):
        service.leave_team(b.ws)  # not in a team any more
