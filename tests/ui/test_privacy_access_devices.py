"""The access log names other devices by their name from the team's device list, and falls back to the short id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services import sync as sync_service
from fieldapp.storage.queries import access_log as q
from fieldapp.ui.privacy import device_names
from fieldapp.ui.privacy.access_log_tab import AccessLogTab

OTHER = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"


@dataclass
class _State:
    overview: Any


class _Controller:
    """Stands in for the sync controller: answers the device list at once, as the sync thread would later."""

    def __init__(self, devices: list[sync_service.Device]) -> None:
        self.syncer = self
        self.state = _State(sync_service.Overview(True))
        self._devices = devices
        self.asked = 0

    def devices(self) -> list[sync_service.Device]:
        self.asked += 1
        return self._devices

    def call(self, job, on_done, *, on_error=None, owner=None) -> None:
        on_done(job(None))


@pytest.fixture(autouse=True)
def _nothing_known():
    device_names.forget()
    yield
    device_names.forget()


def _tab_with_other_device_entry(qtbot, ctx) -> tuple[AccessLogTab, str]:
    p = records.save(ctx.ws, Participant(first_name="Tiril", last_name="Haugsnes"))
    with ctx.ws.folder.write() as session:
        q.append(session, participant_id=p.id, device_id=OTHER, at=datetime(2026, 11, 23, 15, 23, tzinfo=UTC),
                 kind="participant")
    tab = AccessLogTab(ctx)
    qtbot.addWidget(tab)
    return tab, p.id


def _devices_column(tab: AccessLogTab) -> list[str]:
    model = tab.list.model
    column = model.columnCount() - 1
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_other_device_is_named_from_the_team_device_list(qtbot, ctx) -> None:
    tab, participant_id = _tab_with_other_device_entry(qtbot, ctx)
    controller = _Controller([sync_service.Device(OTHER, "Kontor-PC Bergen", "active", "ab", "2026-11-01T10:00:00Z",
                                                  False)])
    tab.sync = controller  # the tab is its own window here; in the app the main window holds the controller
    tab.load(participant_id)
    qtbot.waitUntil(lambda: _devices_column(tab) == ["Kontor-PC Bergen"], timeout=5000)
    assert controller.asked == 1
    tab.load(participant_id)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=5000)
    assert controller.asked == 1  # asked once per run, not on every load


def test_unknown_device_falls_back_to_the_short_id(qtbot, ctx) -> None:
    tab, participant_id = _tab_with_other_device_entry(qtbot, ctx)
    tab.load(participant_id)  # no sync controller: not in a team, nothing to ask
    qtbot.waitUntil(lambda: _devices_column(tab) == [OTHER[:8]], timeout=5000)
