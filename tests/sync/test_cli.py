"""The sync commands through the real `fieldapp` entry point, against a live server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace


def test_enroll_approve_sync_and_conflicts(server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    team_id = server.team()
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    assert main(["enroll", "--server", server.url, "--code", server.code(team_id), "--data-dir", a, "--name", "a"]) == 0
    out = capsys.readouterr().out
    assert "recovery key" in out and re.search(r"([0-9A-Z]{4}-){13}[0-9A-Z]{4}", out)
    assert main(["enroll", "--server", server.url, "--code", server.code(team_id), "--data-dir", b, "--name", "b"]) == 0
    out = capsys.readouterr().out
    approve_line = next(line for line in out.splitlines() if "devices approve" in line).split()
    device_b, fingerprint = approve_line[3], approve_line[5]
    assert main(["sync", "--data-dir", b]) == 2
    assert "waits for approval" in capsys.readouterr().err
    assert main(["devices", "pending", "--data-dir", a]) == 0
    assert fingerprint in capsys.readouterr().out
    assert main(["devices", "approve", device_b, "--fingerprint", "ZZZZ-ZZZZ-ZZZZ", "--data-dir", a]) == 2
    assert "does not match" in capsys.readouterr().err
    assert main(["devices", "approve", device_b, "--fingerprint", fingerprint, "--data-dir", a]) == 0
    capsys.readouterr()

    with open_workspace(Path(a)) as ws:
        p = records.save(ws, Participant(first_name="Kari", last_name="Cli"))
    assert main(["sync", "--data-dir", a]) == 0
    assert "done: sent" in capsys.readouterr().out
    assert main(["sync", "--data-dir", b]) == 0
    with open_workspace(Path(b)) as ws:
        got = records.get(ws, Participant, p.id)
        assert got is not None
        import dataclasses
        records.save(ws, dataclasses.replace(got, notes="fra b"))
    with open_workspace(Path(a)) as ws:
        records.save(ws, dataclasses.replace(p, notes="fra a, tidligere"))
    # b's edit is older than a's? No: a edits last, so b's value is the one overwritten, on b.
    assert main(["sync", "--data-dir", b]) == 0
    assert main(["sync", "--data-dir", a]) == 0
    assert main(["sync", "--data-dir", b]) == 0
    capsys.readouterr()
    assert main(["conflicts", "list", "--data-dir", b]) == 0
    listing = capsys.readouterr().out
    assert "overwritten participant" in listing and "fra b" in listing and "fra a, tidligere" in listing
    assert main(["conflicts", "list", "--data-dir", a]) == 0
    assert "No conflicts." in capsys.readouterr().out


def test_sync_errors_are_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    folder = str(tmp_path / "x")
    assert main(["check", "--create", "--data-dir", folder]) == 0  # sync itself never makes a folder
    assert main(["sync", "--data-dir", folder]) == 2
    assert "not enrolled" in capsys.readouterr().err
    assert main(["enroll", "--server", "http://127.0.0.1:9", "--code", "AAAA-BBBB-CCCC", "--data-dir", folder]) == 2
    err = capsys.readouterr().err
    assert "Cannot reach the sync server" in err and err.count("\n") == 1


def test_quarantined_batches_are_listed_and_exported(team, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from sqlalchemy import update

    from fieldapp.server.db import batches

    monkeypatch.setenv("FIELDAPP_LANG", "en")
    server, _, (a, b, c) = team
    records.save(a.ws, Participant(first_name="Tuklet", last_name="Med"))
    a.sync()
    with server.engine.begin() as conn:
        conn.execute(update(batches).values(key_id="e" * 16))
    b.sync()
    b.ws.close()
    out = tmp_path / "q.json"
    assert main(["conflicts", "quarantine", "--export", str(out), "--data-dir", str(tmp_path / "b")]) == 0
    assert "signature does not verify" in capsys.readouterr().out  # the signature covers the key id
    [item] = json.loads(out.read_text())["quarantined_batches"]
    assert item["device_id"] == a.id and item["blob"]
