"""Sync trust in the app: a forged key bundle needs attention; a copied recovery key leaves the clipboard again; a
new device is not named after the host."""

from __future__ import annotations

import getpass
import socket

import pytest

from fieldapp.services import sync as sync_service
from tests.ui.sync_helpers import AppInstance, enroll_via_ui, make_app, server  # noqa: F401 - pytest fixtures, used by name in the tests' arguments


def test_a_copied_recovery_key_is_cleared_from_the_clipboard(server, make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QGuiApplication

    from fieldapp.ui.sync import setup_dialog

    monkeypatch.setattr(setup_dialog, "CLIPBOARD_CLEAR_MS", 50)  # the real delay is 30 s
    a = make_app("anna")
    dialog = enroll_via_ui(a, server, server.code(server.team()))
    key = dialog.enrolled.recovery_key
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == key and dialog.copied.text()
    a.qtbot.waitUntil(lambda: clipboard.text() != key, timeout=5_000)
    assert clipboard.text() == "" and dialog.copied.text() == ""
    # Something else copied meanwhile is left alone.
    dialog.copy_button.click()
    clipboard.setText("noe annet")
    a.qtbot.wait(200)
    assert clipboard.text() == "noe annet"


def test_closing_the_dialog_clears_a_copied_key_at_once(server, make_app) -> None:
    from PySide6.QtGui import QGuiApplication

    a = make_app("anna")
    dialog = enroll_via_ui(a, server, server.code(server.team()))
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.enrolled.recovery_key
    dialog.accept()
    assert QGuiApplication.clipboard().text() == ""


def test_the_suggested_device_name_is_not_the_host_or_user_name(make_app) -> None:
    from fieldapp.ui.sync.setup_dialog import SetupDialog

    a = make_app("anna")
    dialog = SetupDialog(a.sync, a.window)
    a.qtbot.addWidget(dialog)
    suggested = dialog.name.text()
    assert suggested.startswith("Fieldapp-") and len(suggested) == len("Fieldapp-") + 4
    assert socket.gethostname() not in suggested and getpass.getuser() not in suggested
    assert len({sync_service.default_device_name() for _ in range(20)}) > 1


def test_a_forged_key_bundle_puts_the_app_in_needs_attention_with_the_reason(server, make_app, qtbot,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.ui.sync import worker
    from fieldapp.ui.sync.panel import SyncPanel
    from tests.sync.hostile import HostileServer
    from tests.ui.sync_helpers import team_of_two

    team_id = server.team()
    a, b = team_of_two(server, make_app, team_id)
    HostileServer(server, team_id, monkeypatch).substitute_bundle([a.ws.device_id, b.ws.device_id])
    result = b.sync_once()
    assert not result.ok and result.error_kind == "trust"
    assert b.state.state == worker.ATTENTION
    b.sync.sync_now()  # stopped: timers and the button do not start it again until someone acts
    assert b.state.state == worker.ATTENTION
    panel = SyncPanel(b.sync, b.window)
    qtbot.addWidget(panel)
    assert "do not come from a member of the team" in panel.reason.text()
