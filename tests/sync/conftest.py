"""Fixtures for sync tests: a live server on loopback and devices (data folders) enrolled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.server.config import Settings
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.sync.engine import SyncClient, SyncReport
from tests.support.sync_server import LiveServer


class Device:
    def __init__(self, name: str, ws: Workspace, **transport: object) -> None:
        self.name = name
        self.ws = ws
        self.client = SyncClient(ws.folder, **transport)

    @property
    def id(self) -> str:
        return self.ws.device_id

    def sync(self) -> SyncReport:
        report = self.client.sync()
        assert report.ok, (self.name, report.error and report.error.text("en"))
        return report


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    srv = LiveServer(Settings(data_dir=tmp_path / "server")).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_device(tmp_path: Path) -> Iterator[object]:
    opened: list[Workspace] = []

    def make(name: str, **transport: object) -> Device:
        ws = open_workspace(tmp_path / name, actor=name)
        opened.append(ws)
        return Device(name, ws, **transport)

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def team(server: LiveServer, make_device: object) -> tuple[LiveServer, str, list[Device]]:
    """A team with three approved devices: a (first, holds the recovery key), b and c."""
    team_id = server.team()
    devices = []
    first = None
    for name in ("a", "b", "c"):
        dev = make_device(name)
        enrolled = dev.client.enroll(server.url, server.code(team_id), name=name)
        if first is None:
            assert enrolled.status == "active" and enrolled.recovery_key
            first = dev
        else:
            assert enrolled.status == "pending" and enrolled.recovery_key is None
            pending = {p.device_id: p for p in first.client.pending_devices()}
            first.client.approve(dev.id, pending[dev.id].fingerprint)
        devices.append(dev)
    return server, team_id, devices
