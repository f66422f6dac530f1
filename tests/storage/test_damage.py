"""Damage found by `fieldapp check` is a result (exit 1 with a report), and `restore` brings back the newest
sound backup, keeping the damaged file aside."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import cipher_format
from fieldapp.storage.restore import backup_now

PAGE = cipher_format.CURRENT.page_size  # a folder made now is in the current format


@pytest.fixture
def folder(data_dir: Path) -> Path:
    assert main(["demo", "--participants", "5", "--data-dir", str(data_dir)]) == 0
    return data_dir


def _backup(folder: Path) -> Path:
    with open_workspace(folder, create=False) as ws:
        path = backup_now(ws.folder.engine, folder)
    time.sleep(0.01)  # distinct modification times order the backups
    return path


def _flip(path: Path, page: int, at: int = 200) -> None:
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * PAGE + at)
        data = fh.read(6)
        fh.seek((page - 1) * PAGE + at)
        fh.write(bytes(b ^ 0x5A for b in data))


def _middle_page(path: Path) -> int:
    return path.stat().st_size // PAGE // 2


def _count(folder: Path) -> int:
    with open_workspace(folder, create=False) as ws, ws.folder.read() as session:
        return session.connection().exec_driver_sql("SELECT count(*) FROM participant").scalar_one()


def test_a_flipped_middle_page_is_reported_and_the_newest_sound_backup_restored(
        folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    older = _backup(folder)
    newest = _backup(folder)
    _flip(newest, _middle_page(newest))  # the newest backup is damaged too: restore must pass it by
    db = folder / "fieldapp.db"
    _flip(db, _middle_page(db))
    capfd.readouterr()

    assert main(["check", "--data-dir", str(folder)]) == 1
    out, err = capfd.readouterr()
    assert "Feil funnet" in out and "Skadede sider" in out
    assert f"Nyeste sikkerhetskopi som er i orden: {older}" in out
    assert err == "", "neither a traceback nor SQLCipher's own log reaches the user"

    assert main(["restore", "--latest", "--data-dir", str(folder)]) == 0
    out, err = capfd.readouterr()
    assert str(older) in out and err == ""
    kept = list(folder.glob("fieldapp.db.damaged-*Z"))
    assert len(kept) == 1, "the damaged database is kept aside"
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert _count(folder) == 5


def test_damage_in_page_two_is_reported_and_restored_from_a_named_backup(
        folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    backup = _backup(folder)
    _flip(folder / "fieldapp.db", 2)
    capfd.readouterr()
    assert main(["export", "--out", str(folder.parent / "x.json"), "--data-dir", str(folder)]) == 2
    out, err = capfd.readouterr()
    assert "fieldapp restore --latest" in err and "Traceback" not in err and err.count("\n") <= 2

    assert main(["check", "--data-dir", str(folder)]) == 1
    out, err = capfd.readouterr()
    assert "2" in out and str(backup) in out and err == ""

    assert main(["restore", "--from", str(backup), "--data-dir", str(folder)]) == 0
    assert _count(folder) == 5


def test_restore_refuses_a_damaged_backup_and_changes_nothing(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    backup = _backup(folder)
    _flip(backup, _middle_page(backup))
    before = (folder / "fieldapp.db").read_bytes()
    capfd.readouterr()
    assert main(["restore", "--from", str(backup), "--data-dir", str(folder)]) == 2
    assert "ikke i orden" in capfd.readouterr().err
    assert (folder / "fieldapp.db").read_bytes() == before
    assert main(["restore", "--latest", "--data-dir", str(folder)]) == 2
    assert "ingen sikkerhetskopi som er i orden" in capfd.readouterr().err.lower()


def test_an_unreadable_file_makes_check_exit_1(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    db = folder / "fieldapp.db"
    db.write_bytes(os.urandom(db.stat().st_size))
    capfd.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 1
    out, err = capfd.readouterr()
    assert "kan ikke leses" in out and err == ""


def test_restore_refuses_while_the_app_is_open_on_the_folder(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    backup = _backup(folder)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        # QLockFile's layout: the holder's process id on the first line.
        (folder / "fieldapp.lock").write_text(f"{sleeper.pid}\nfieldapp\nhost\n", encoding="utf-8")
        capfd.readouterr()
        assert main(["restore", "--from", str(backup), "--data-dir", str(folder)]) == 2
        assert "Fieldapp er åpen" in capfd.readouterr().err
    finally:
        sleeper.kill()
        sleeper.wait()
    assert main(["restore", "--from", str(backup), "--data-dir", str(folder), "--yes"]) == 0, \
        "a stale lock does not stop it"


def test_check_reports_a_folder_it_may_not_read_with_exit_1(folder: Path, capfd: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    original = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        # Tests run as root, whom permissions do not stop: the folder-id read fails as it would for a user.
        if path.name == "folder-id":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    capfd.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 1
    out = capfd.readouterr().out
    assert "lese- eller skrivetilgang" in out


def test_export_into_a_folder_says_so_in_bokmal(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    capfd.readouterr()
    assert main(["export", "--out", str(folder), "--data-dir", str(folder)]) == 2
    err = capfd.readouterr().err
    assert "er en mappe, ikke en fil" in err and "Is a directory" not in err


def test_a_deleted_database_comes_back_from_its_backup(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    backup = _backup(folder)
    for f in folder.glob("fieldapp.db*"):
        f.unlink()
    capfd.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 1
    assert f"Nyeste sikkerhetskopi som er i orden: {backup}" in capfd.readouterr().out
    assert main(["restore", "--latest", "--data-dir", str(folder)]) == 0
    assert _count(folder) == 5


def test_restoring_over_a_sound_database_asks_first_and_keeps_it_as_replaced(
        folder: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    backup = _backup(folder)
    db = folder / "fieldapp.db"
    before = db.stat().st_ino
    capfd.readouterr()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["restore", "--from", str(backup), "--data-dir", str(folder)]) == 1
    out = capfd.readouterr().out
    assert "Databasen er i orden" in out and "Avbrutt; ingenting er endret." in out
    assert db.stat().st_ino == before and not list(folder.glob("fieldapp.db.*-*Z"))

    monkeypatch.setattr("builtins.input", lambda prompt: "j")
    assert main(["restore", "--from", str(backup), "--data-dir", str(folder)]) == 0
    assert len(list(folder.glob("fieldapp.db.replaced-*Z"))) == 1, "a sound database is not called damaged"
    assert not list(folder.glob("fieldapp.db.damaged-*"))
