"""When the app cannot open its folder: one app per folder, a missing folder is asked about, and a damaged or
lost database offers its newest sound backup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from fieldapp.cli.main import main
from fieldapp.ui.dialogs.restore_dialog import RestoreDialog, ask_create_folder
from fieldapp.ui.tasks import TaskManager
from tests.storage.test_damage import _backup, _count, _flip, _middle_page


def test_a_second_app_on_the_same_folder_stops_with_a_message(tmp_path: Path, keyring_file: Path) -> None:
    data = tmp_path / "data"
    assert main(["check", "--create", "--data-dir", str(data)]) == 0
    first = QLockFile(str(data / "fieldapp.lock"))
    assert first.tryLock(0)  # as the first app does
    try:
        out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                             capture_output=True, text=True, timeout=120)
    finally:
        first.unlock()
    assert out.returncode == 2
    assert "allerede åpen" in out.stderr and "Traceback" not in out.stderr


def test_an_open_failure_offers_the_right_mend(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from fieldapp.storage.datafolder import DatabaseMissing, DataFolderNotFound
    from fieldapp.ui import app
    from fieldapp.ui.dialogs import restore_dialog

    asked: list[str] = []
    monkeypatch.setattr(restore_dialog, "ask_create_folder", lambda parent, path: asked.append("create") or False)
    monkeypatch.setattr(restore_dialog.RestoreDialog, "exec", lambda self: asked.append("restore") or 0)
    tasks = TaskManager()
    assert app._mended(DataFolderNotFound(tmp_path / "dta"), tmp_path / "dta", None, tasks) is False
    assert not (tmp_path / "dta").exists()
    (tmp_path / "d").mkdir()
    assert app._mended(DatabaseMissing(tmp_path / "d", tmp_path / "d" / "fieldapp.db", "missing"), tmp_path / "d",
                       None, tasks) is False
    assert asked == ["create", "restore"]
    tasks.shutdown()


def test_ask_create_folder_answers(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def click(box: QMessageBox, which: int) -> int:
        assert str(tmp_path) in box.text()
        box.buttons()  # both buttons exist
        chosen = next(b for b in box.buttons() if box.buttonRole(b) == (
            QMessageBox.ButtonRole.AcceptRole if which else QMessageBox.ButtonRole.RejectRole))
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: click(box, 1))
    assert ask_create_folder(None, tmp_path) is True
    monkeypatch.setattr(QMessageBox, "exec", lambda box: click(box, 0))
    assert ask_create_folder(None, tmp_path) is False


def test_the_restore_dialog_brings_back_the_newest_sound_backup(qtbot, data_dir: Path) -> None:
    assert main(["demo", "--participants", "3", "--data-dir", str(data_dir)]) == 0
    backup = _backup(data_dir)
    db = data_dir / "fieldapp.db"
    _flip(db, _middle_page(db))
    tasks = TaskManager()
    dialog = RestoreDialog(data_dir, "Databasen er skadet.", tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10_000)
    assert dialog.backup == backup and backup.name in dialog.offer.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.restore_button.click()
    assert dialog.restored == str(backup)
    tasks.shutdown()
    assert _count(data_dir) == 3 and list(data_dir.glob("fieldapp.db.damaged-*Z"))


def test_the_restore_dialog_without_a_sound_backup(qtbot, qapp, data_dir: Path) -> None:
    from fieldapp.ui.i18n import install_language

    install_language(qapp, "nb")
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 0
    tasks = TaskManager()
    dialog = RestoreDialog(data_dir, "Databasen mangler.", tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Fant ingen sikkerhetskopi" in dialog.offer.text(), timeout=10_000)
    assert dialog.backup is None and not dialog.restore_button.isEnabled()
    tasks.shutdown()
