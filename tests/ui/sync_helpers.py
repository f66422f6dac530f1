"""Two (or more) app instances with separate data folders, syncing through a real server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.server.config import Settings
from fieldapp.services.workspace import Workspace, open_workspace
from tests.support.sync_server import LiveServer
from tests.ui.conftest import NOW, _guard_ui_thread


class AppInstance:
    """One running app: its own data folder, database worker, change bus, main window and sync thread."""

    def __init__(self, name: str, ws: Workspace, settings: Any, qtbot: Any) -> None:
        from fieldapp.ui.change_hub import ChangeHub
        from fieldapp.ui.context import AppContext
        from fieldapp.ui.main_window import MainWindow
        from fieldapp.ui.tasks import TaskManager

        self.name = name
        self.ws = ws
        self.ui_thread_calls: list[str] = []
        _guard_ui_thread(ws.folder, self.ui_thread_calls)
        self.ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeHub(), settings=settings, now=lambda: NOW)
        self.window = MainWindow(self.ctx)
        self.window.resize(1180, 720)
        qtbot.addWidget(self.window)
        self.sync = self.window.sync
        self.qtbot = qtbot

    @property
    def state(self) -> Any:
        return self.sync.state

    def sync_once(self, timeout: int = 20_000) -> Any:
        """Run one sync through the app's controller and wait for its result."""
        with self.qtbot.waitSignal(self.sync.run_finished, timeout=timeout) as blocker:
            self.sync.sync_now(manual=True)
        return blocker.args[0]

    def settle(self) -> None:
        """Wait until the database worker has delivered everything queued (overview refreshes included)."""
        self.qtbot.waitUntil(lambda: self.ctx.tasks.pending == 0, timeout=10_000)

    def close(self) -> None:
        self.window.close()
        self.sync.shutdown()
        self.ctx.tasks.shutdown()
        assert not self.ui_thread_calls, f"{self.name}: database sessions on the UI thread: {self.ui_thread_calls}"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    srv = LiveServer(Settings(data_dir=tmp_path / "server")).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_app(tmp_path: Path, qtbot: Any, settings: Any, qapp: Any) -> Iterator[Any]:
    from fieldapp.ui.i18n import install_language

    install_language(qapp, "en")
    made: list[AppInstance] = []

    def make(name: str) -> AppInstance:
        app = AppInstance(name, open_workspace(tmp_path / name, actor=name.capitalize()), settings, qtbot)
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()
    for app in made:
        app.ws.close()
    install_language(qapp, "nb")


def enroll_via_ui(app: AppInstance, server: LiveServer, code: str) -> Any:
    """Fill in and submit the set-up dialog; returns it (on its result page)."""
    from fieldapp.ui.sync.setup_dialog import SetupDialog

    dialog = SetupDialog(app.sync, app.window)
    app.qtbot.addWidget(dialog)
    dialog.server.setText(server.url)
    dialog.code.setText(code)
    dialog.name.setText(app.name)
    dialog.connect_button.click()
    app.qtbot.waitUntil(lambda: dialog.enrolled is not None or dialog.connect_button.isEnabled(), timeout=15_000)
    assert dialog.enrolled is not None, dialog.error.text()
    return dialog


def approve_via_ui(member: AppInstance, newcomer: AppInstance, fingerprint: str) -> Any:
    from fieldapp.ui.sync.devices_view import DevicesDialog

    dialog = DevicesDialog(member.sync, member.window)
    member.qtbot.addWidget(dialog)
    member.qtbot.waitUntil(lambda: dialog.loaded, timeout=15_000)
    row = dialog.model.find(lambda d: d.device_id == newcomer.ws.device_id)
    assert row >= 0 and dialog.model.row_at(row).status == "pending"
    dialog.table.selectRow(row)
    assert dialog.approve_box.isVisibleTo(dialog)
    dialog.fingerprint.setText(fingerprint)
    dialog.approve_button.click()
    member.qtbot.waitUntil(lambda: dialog.approved_key is not None, timeout=15_000)
    return dialog


def team_of_two(server: LiveServer, make_app: Any, team_id: str | None = None,
                on_first: Any = None) -> tuple[AppInstance, AppInstance]:
    """A enrolls first (creates the team key), B enrolls and is approved by A, both through the UI."""
    team_id = team_id or server.team()
    a, b = make_app("anna"), make_app("bjorn")
    da = enroll_via_ui(a, server, server.code(team_id))
    assert da.enrolled.status == "active" and da.enrolled.recovery_key
    if on_first is not None:
        on_first(da)
    a.qtbot.waitUntil(lambda: a.state.state == "up_to_date", timeout=15_000)
    db = enroll_via_ui(b, server, server.code(team_id))
    assert db.enrolled.status == "pending"
    b.qtbot.waitUntil(lambda: b.state.state == "pending", timeout=15_000)
    approve_via_ui(a, b, db.fingerprint.text())
    result = b.sync_once()
    assert result.ok, result.message
    return a, b
