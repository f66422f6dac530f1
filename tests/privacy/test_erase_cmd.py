"""`fieldapp erase --participant ID --reason TEXT`: asks first unless --yes, exit 0 when done, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import erasure as erasure_store


def _folder_with(data_dir: Path) -> tuple[str, str]:
    from fieldapp.services.workspace import open_workspace

    with open_workspace(data_dir) as ws:
        gone = records.save(ws, Participant(first_name="Trine", last_name="Slettemark"))
        kept = records.save(ws, Participant(first_name="Kjell", last_name="Blir"))
    return gone.id, kept.id


def _exists(data_dir: Path, pid: str) -> bool:
    from fieldapp.services.workspace import open_workspace

    with open_workspace(data_dir, create=False) as ws:
        return records.get(ws, Participant, pid) is not None


def test_erase_with_yes_erases_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    gone, kept = _folder_with(data_dir)
    assert main(["erase", "--data-dir", str(data_dir), "--participant", gone, "--reason", "participant_request",
                 "--yes"]) == 0
    assert not _exists(data_dir, gone) and _exists(data_dir, kept)
    from fieldapp.services.workspace import open_workspace

    with open_workspace(data_dir, create=False) as ws:
        log = erasure_store.erasure_log(ws.folder)
    assert [(e.event, e.reason_code) for e in log] == [("erased", "participant_request")]
    out = capsys.readouterr().out
    assert "Slettet" in out or "Erased" in out


def test_erase_asks_first_and_no_keeps_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    gone, _ = _folder_with(data_dir)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert main(["erase", "--data-dir", str(data_dir), "--participant", gone, "--reason", "other"]) == 1
    out = capsys.readouterr().out
    assert "Trine Slettemark" in out
    assert _exists(data_dir, gone)


def test_unknown_reason_and_unknown_participant_are_clear_errors(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    gone, _ = _folder_with(data_dir)
    assert main(["erase", "--data-dir", str(data_dir), "--participant", gone, "--reason", "fordi", "--yes"]) == 2
    assert "retention_expired" in capsys.readouterr().err
    assert main(["erase", "--data-dir", str(data_dir), "--participant", "no-such-id", "--reason", "other",
                 "--yes"]) == 2
    assert "no-such-id" in capsys.readouterr().err
    assert _exists(data_dir, gone)


def test_erase_log_lists_events_without_personal_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    gone, _ = _folder_with(data_dir)
    assert main(["erase", "--data-dir", str(data_dir), "--log"]) == 0
    out = capsys.readouterr().out
    assert "Ingen slettinger" in out or "No erasures" in out
    assert main(["erase", "--data-dir", str(data_dir), "--participant", gone, "--reason", "other", "--yes"]) == 0
    capsys.readouterr()
    assert main(["erase", "--data-dir", str(data_dir), "--log", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["event"], r["reason_code"]) for r in rows] == [("erased", "other")]
    assert "Slettemark" not in json.dumps(rows) and gone not in json.dumps(rows)
    # The text form keeps every column in its place, an empty one as "-" (when, what, handle, device, reason, count).
    assert main(["erase", "--data-dir", str(data_dir), "--log"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(len(line.split("\t")) == 6 for line in lines)
    assert lines[0].split("\t")[5] == str(rows[0]["count"])
