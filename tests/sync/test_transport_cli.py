"""The command line around the transport: where enroll takes its secrets from, and `fieldapp sync`'s exit codes
(0 done, 1 paused, 2 error, nothing else)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.cli import sync_cmd
from fieldapp.cli.main import main
from fieldapp.storage import merge

RECOVERY = re.compile(r"([0-9A-Z]{4}-){13}[0-9A-Z]{4}")


def _first_device(server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    team = server.team()
    assert main(["enroll", "--server", server.url, "--code", server.code(team), "--data-dir",
                 str(tmp_path / "a")]) == 0
    found = RECOVERY.search(capsys.readouterr().out)
    assert found
    return team, found.group(0)


def test_the_recovery_key_is_read_from_a_file(server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    team, key = _first_device(server, tmp_path, capsys)
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(key + "\n")
    assert main(["enroll", "--server", server.url, "--code", server.code(team), "--recovery-key-file",
                 str(key_file), "--data-dir", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "Enrolled" in out and "waits for approval" not in out


def test_the_recovery_key_is_asked_for_and_never_an_argument(server, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    team, key = _first_device(server, tmp_path, capsys)
    with pytest.raises(SystemExit) as refused:
        main(["enroll", "--server", server.url, "--code", "X", "--recovery-key", key, "--data-dir",
              str(tmp_path / "x")])
    assert refused.value.code == 2
    prompts: list[str] = []
    monkeypatch.setattr(sync_cmd.getpass, "getpass", lambda prompt: prompts.append(prompt) or key)
    assert main(["enroll", "--server", server.url, "--code", server.code(team), "--recovery-key",
                 "--data-dir", str(tmp_path / "b")]) == 0
    assert prompts == ["The team's recovery key: "]
    assert "waits for approval" not in capsys.readouterr().out


def test_the_default_device_name_is_not_the_host_name(server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    from fieldapp.server import store

    team, _ = _first_device(server, tmp_path, capsys)
    names = [d.name for d in store.list_devices(server.engine, team)]
    assert names and all(re.fullmatch(r"Fieldapp-[A-Z2-9]{4}", n) for n in names)
    assert socket.gethostname() not in names


def test_sync_exit_codes_are_0_1_2_and_nothing_else(team, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    server, _, (a, b, c) = team
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    folder = str(a.ws.folder.path)
    assert main(["sync", "--data-dir", folder]) == 0

    srv = server.app.state.server
    object.__setattr__(srv.settings, "max_in_flight", 0)
    object.__setattr__(srv.settings, "retry_after_s", 3600)
    assert main(["sync", "--data-dir", folder]) == 1  # paused: the server asked to come back later
    object.__setattr__(srv.settings, "max_in_flight", 64)
    object.__setattr__(srv.settings, "retry_after_s", 2)
    capsys.readouterr()

    from fieldapp.domain.records import Participant
    from fieldapp.services import records

    records.save(b.ws, Participant(first_name="Låst", last_name="Base"))
    assert main(["sync", "--data-dir", str(b.ws.folder.path)]) == 0
    locked = OperationalError("UPDATE sync_account", {}, Exception("database is locked"))
    monkeypatch.setattr(merge, "apply_page", lambda *args, **kwargs: (_ for _ in ()).throw(locked))
    assert main(["sync", "--data-dir", folder]) == 2
    err = capsys.readouterr().err
    assert "in use by another Fieldapp process" in err and "Traceback" not in err

    monkeypatch.setattr(merge, "apply_page", lambda *args, **kwargs: (_ for _ in ()).throw(KeyError("bug")))
    assert main(["sync", "--data-dir", folder]) == 2
    err = capsys.readouterr().err
    assert "unexpected error (KeyError)" in err and "Traceback" not in err
