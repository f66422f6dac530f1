"""The main window: navigation, search, status bar, settings, about, remembered layout, smoke test."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QSettings, Qt

from fieldapp.demo.generate import generate
from tests.ui.conftest import NOW


def test_navigation_shows_each_view_with_its_shortcut(qtbot, main_window):
    for key, view in (("participants", main_window.participants), ("employers", main_window.employers),
                      ("today", main_window.today)):
        qtbot.keyClick(main_window, Qt.Key.Key_1 + ("today", "participants", "employers").index(key),
                       Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_view() is view


def test_search_finds_participant_employer_and_visit(qtbot, ctx, main_window):
    generate(ctx.ws, participants=12, today=NOW.date())
    name = main_window.search_view
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.search_field.hasFocus()
    from fieldapp.services import participants as ps
    person = ps.list_participants(ctx.ws, now=NOW)[0]
    with qtbot.waitSignal(name.loaded, timeout=5000):
        qtbot.keyClicks(main_window.search_field, person.last_name)
    assert main_window.current_view() is name
    titles = [h.title for h in name.model.rows]
    assert person.full_name in titles


def test_status_bar_counts_unsynced_changes(qtbot, ctx, main_window):
    qtbot.waitUntil(lambda: main_window.status.last is not None, timeout=5000)
    assert main_window.status.last.waiting_changes == 0
    generate(ctx.ws, participants=3, today=NOW.date())
    main_window.status.refresh()
    qtbot.waitUntil(lambda: main_window.status.last.waiting_changes > 0, timeout=5000)
    assert "Frakoblet" in main_window.status.sync_label.text()


def test_window_geometry_is_remembered(qtbot, ctx):
    from fieldapp.ui.main_window import MainWindow

    first = MainWindow(ctx)
    qtbot.addWidget(first)
    hint = first.minimumSizeHint()
    size = (max(740, hint.width()), max(640, hint.height()))  # inside the test screen (800×800)
    first.resize(*size)
    first.show()
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    assert QSettings().contains("main_window/geometry")


def test_smoke_test_prints_startup_json(tmp_path, keyring_file):
    data = tmp_path / "smoke"
    subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "demo", "--participants", "5"],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                         check=True, capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["startup_ms"] > 0
    assert set(result["rows"]) == {"today", "this_week", "overdue", "drafts"}
    assert result["rows_shown"] == sum(result["rows"].values())


def test_english_can_be_chosen_in_settings_and_is_used_from_the_next_start(qtbot, qapp, ctx):
    from fieldapp.ui.dialogs.settings import SettingsDialog, saved_language
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.main_window import MainWindow

    dialog = SettingsDialog(ctx.settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert saved_language(QSettings()) == "en"
    try:
        install_language(qapp, saved_language(ctx.settings))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert [a.text() for a in window.nav_actions.values()] == ["&Today", "&Participants", "&Employers", "A&greements",
                                                                    "&Job development", "O&verview"]
    finally:
        install_language(qapp, "nb")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert [a.text() for a in window.nav_actions.values()] == ["&I dag", "&Deltakere", "&Arbeidsgivere", "Avta&ler",
                                                                "&Jobbutvikling", "Over&sikt"]


def test_about_names_the_version_and_the_data_folder(ctx):
    from fieldapp import __version__
    from fieldapp.ui.dialogs.about import about_text

    text = about_text(ctx.ws.path)
    assert __version__ in text and str(ctx.ws.path) in text and "kryptert" in text


def test_first_start_on_an_empty_folder_offers_demo_data(qtbot, ctx, main_window):
    from fieldapp.services import participants as ps
    from fieldapp.ui.app import offer_demo_data

    asked: list[object] = []
    offer_demo_data(main_window, ctx, ask=lambda parent: asked.append(parent) or False)
    qtbot.waitUntil(lambda: asked == [main_window] and ctx.tasks.pending == 0, timeout=5000)
    assert ps.list_participants(ctx.ws, now=NOW) == []
    with qtbot.waitSignal(main_window.today.loaded, timeout=60_000):
        offer_demo_data(main_window, ctx, ask=lambda parent: True)
    assert len(ps.list_participants(ctx.ws, now=NOW)) == 30
    asked.clear()
    offer_demo_data(main_window, ctx, ask=lambda parent: asked.append(parent) or True)
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=5000)
    assert asked == []  # no longer empty: not offered again


def test_sync_server_set_up_is_reachable_from_settings(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from fieldapp.ui.dialogs.settings import SettingsDialog
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.sync.setup_dialog import SetupDialog

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    window.open_settings()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "open_sync_setup")
    assert button is not None and button.text() == "Synkroniseringsserver …"
    button.click()
    setup = dialog.setup_dialog
    assert isinstance(setup, SetupDialog) and setup.controller is window.sync
    qtbot.waitUntil(setup.isVisible, timeout=5000)
    assert setup.parent() is dialog
    setup.reject()
    # Without a sync controller (as in older callers) there is no button, and the dialog still works.
    plain = SettingsDialog(ctx.settings)
    qtbot.addWidget(plain)
    assert plain.findChild(QPushButton, "open_sync_setup") is None


def test_smoke_test_shows_today_before_the_storage_layer_and_reports_when_ready(tmp_path, keyring_file):
    data = tmp_path / "smoke"
    fresh = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                           check=True, capture_output=True, text=True, timeout=120)
    first = json.loads(fresh.stdout.strip().splitlines()[-1])
    assert first["first_view"] == "read after opening"  # a new folder is created by the normal open
    subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "demo", "--participants", "8"],
                   check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                         check=True, capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["first_view"] == "read before the storage layer"
    assert result["rows_shown"] > 0 and result["ready_ms"] > 0


def test_a_folder_that_cannot_be_opened_is_reported_and_exits_2(tmp_path, keyring_file):
    data = tmp_path / "smoke"
    subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "demo", "--participants", "2"],
                   check=True, capture_output=True)
    (data / "folder-id").write_text("00000000-0000-4000-8000-000000000000\n", encoding="utf-8")  # no such key
    out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "keyring" in out.stderr.lower() and "Traceback" not in out.stderr


def test_an_unexpected_failure_to_open_the_folder_stops_the_app_with_the_reason(tmp_path, keyring_file):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(blocker / "data"), "--smoke-test"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "NotADirectoryError" in out.stderr


def test_with_a_pin_set_the_app_starts_locked(tmp_path, keyring_file):  # type: ignore[no-untyped-def]  # pytest fixtures are untyped
    """The whole start, in its own process: a PIN set in Settings' way locks the window before Today is shown."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    data = tmp_path / "smoke"
    subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "demo", "--participants", "5"],
                   check=True, capture_output=True, env=env)

    def start() -> dict:
        out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "--smoke-test"],
                             check=True, capture_output=True, text=True, timeout=120, env=env)
        return json.loads(out.stdout.strip().splitlines()[-1])

    assert start()["locked"] is False
    subprocess.run([sys.executable, "-c", "from fieldapp.services import app_pin; app_pin.set_pin('4711')"],
                   check=True, capture_output=True, env=env)
    conf = tmp_path / "config" / "Fieldapp" / "Fieldapp.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text("[privacy]\npin_set=true\n", encoding="utf-8")  # as the Settings dialog leaves it
    result = start()
    assert result["locked"] is True and result["rows_shown"] > 0  # Today loaded behind the lock, not shown
