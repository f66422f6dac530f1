"""Screenshots of sync in the app for docs/screenshots (run with FIELDAPP_SCREENSHOTS=1; skipped otherwise)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from fieldapp.domain.records import Participant
from fieldapp.services import records
from tests.ui.sync_helpers import enroll_via_ui, make_app, server, team_of_two  # noqa: F401 - pytest fixtures, used by name in the tests' arguments

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(not os.environ.get("FIELDAPP_SCREENSHOTS"), reason="set FIELDAPP_SCREENSHOTS=1")


def _grab(widget, name: str, qtbot) -> None:
    widget.show()
    qtbot.wait(150)
    widget.grab().save(str(OUT / f"{name}.png"))


def test_sync_screenshots(server, make_app, qtbot, qapp) -> None:
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.sync.conflicts_view import ConflictsDialog

    install_language(qapp, os.environ.get("FIELDAPP_LANG", "nb"))  # screenshots in the UI's first language
    from fieldapp.ui.sync.devices_view import DevicesDialog
    from fieldapp.ui.sync.panel import SyncPanel

    local = make_app("solo")
    records.save(local.ws, Participant(first_name="Åse", last_name="Ødegård"))
    local.sync.refresh()
    local.settle()
    local.window.show()
    _grab(local.window.status, "sync-status-local", qtbot)

    team_id = server.team()
    a, b = team_of_two(server, make_app, team_id, on_first=lambda d: _grab(d, "sync-setup-first-device", qtbot))
    a.window.show()
    # Device approval: a third laptop waits; the member compares fingerprints.
    c = make_app("carla")
    dc = enroll_via_ui(c, server, server.code(team_id))
    _grab(dc, "device-setup-pending", qtbot)
    devices = DevicesDialog(a.sync, a.window)
    qtbot.addWidget(devices)
    qtbot.waitUntil(lambda: devices.loaded, timeout=15_000)
    devices.fingerprint.setText(dc.fingerprint.text())
    _grab(devices, "device-approval", qtbot)

    p = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann", notes="Liker kjøkkenarbeid"))
    assert a.sync_once().ok and b.sync_once().ok
    a.settle()
    _grab(a.window.status, "sync-status-up-to-date", qtbot)
    a.sync._set(state="syncing", progress=(12, 40))
    _grab(a.window.status, "sync-status-syncing", qtbot)
    pa, pb = records.get(a.ws, Participant, p.id), records.get(b.ws, Participant, p.id)
    records.save(a.ws, dataclasses.replace(pa, notes="Vil prøve lager, to dager i uka"))
    records.save(b.ws, dataclasses.replace(pb, notes="Ønsker kjøkken, tre dager i uka"))
    assert a.sync_once().ok and b.sync_once().ok and a.sync_once().ok
    a.settle()
    _grab(a.window.status, "sync-status-attention", qtbot)
    panel = SyncPanel(a.sync, a.window)
    qtbot.addWidget(panel)
    _grab(panel, "sync-panel", qtbot)
    conflicts = ConflictsDialog(a.sync, a.window)
    qtbot.addWidget(conflicts)
    qtbot.waitUntil(lambda: conflicts.view.model.rowCount() == 1, timeout=5000)
    _grab(conflicts, "conflicts", qtbot)

    records.save(b.ws, Participant(first_name="Nils", last_name="Berg"))
    server.stop()
    b_failed = b.sync_once()
    assert b_failed.error_kind == "outage"
    b.settle()
    b.window.show()
    _grab(b.window.status, "sync-status-offline", qtbot)
    server.stop = lambda: None
