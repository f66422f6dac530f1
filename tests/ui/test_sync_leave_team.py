"""The sync panel offers a revoked device to leave its team, keeping every record and unsynced change."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.records import Participant
from fieldapp.server import store
from fieldapp.services import records
from fieldapp.services import sync as sync_service
from tests.ui.sync_helpers import make_app, server, team_of_two  # noqa: F401  (fixtures)


def test_a_revoked_device_leaves_the_team_from_the_panel_and_keeps_its_changes(
        server, make_app, qtbot, monkeypatch) -> None:
    from fieldapp.ui.sync.panel import SyncPanel

    a, b = team_of_two(server, make_app)
    p = records.save(b.ws, Participant(first_name="Ola", last_name="Nordmann"))  # never synced
    panel = SyncPanel(b.sync, b.window)
    qtbot.addWidget(panel)
    assert not panel.leave_button.isVisibleTo(panel)  # only offered when the server refuses this device
    store.revoke_device(server.engine, b.ws.device_id)
    assert b.sync_once().error_kind == "auth"
    b.settle()
    assert panel.leave_button.isVisibleTo(panel)
    asked: list[str] = []

    def cancel(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    panel.leave_team()
    assert asked and "1 change not yet synced" in asked[0] and "new enrollment code" in asked[0]
    b.settle()
    assert sync_service.overview(b.ws).enrolled  # cancelled: nothing changed

    panel.leave_team(confirm=False)
    qtbot.waitUntil(lambda: panel.left_team, timeout=10_000)
    b.settle()
    assert "left the team" in panel.reason.text() and "open it again" in panel.reason.text()
    assert not panel.leave_button.isVisibleTo(panel) and not panel.setup_button.isVisibleTo(panel)
    now = sync_service.overview(b.ws)
    assert not now.enrolled and now.waiting_changes == 1
    assert records.get(b.ws, Participant, p.id) is not None
