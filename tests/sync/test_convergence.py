"""Hypothesis stateful test: three devices edit, delete, go offline and sync in random order through a real
server; in the end every device holds the same data, and every local value a remote change overwrote
without having seen it is in that device's conflicts table."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import merge, replay, sync_state
from fieldapp.storage.capture import synced_tables
from fieldapp.storage.clocks import field_stamps
from fieldapp.storage.merge import BOOKKEEPING
from tests.support.sync_server import LiveServer
from tests.sync.conftest import Device
from tests.sync.test_end_to_end import check, rows

pytestmark = pytest.mark.slow

NAMES = ("a", "b", "c")
FIELDS = {"notes": st.sampled_from(["", "æøå", "Ønsker lager", "Kafé", None]),
          "phone": st.sampled_from(["912 34 567", "+47 22 33 44 55", None]),
          "last_name": st.sampled_from(["Ødegård", "Bråten", "Lie"])}


# Devices keep only the newest clock of each field, so the test keeps each device's history itself: every
# local write (the fields whose clock it moved) and every remote change applied, in the order they happened.
HISTORY: dict[str, list[tuple[Any, ...]]] = {}
_COLUMNS = {t.name: [c.name for c in t.columns if c.name != "id"] for t in synced_tables()}


def _record(device_id: str, entity: str, entity_id: str, name: str, value: Any, hlc: int, writer: str) -> None:
    log = HISTORY.setdefault(device_id, [])
    log.append((len(log) + 1, entity, entity_id, name, value, hlc, writer))


def _stamps(dev: Device) -> set[tuple[str, str, str, int, str]]:
    with dev.ws.folder.read() as session:
        return field_stamps(session.connection(), _COLUMNS)


def _local_write(dev: Device, write: Callable[[], object]) -> None:
    before = _stamps(dev)
    write()
    with dev.ws.folder.read() as session:
        conn = session.connection()
        for entity, entity_id, name, hlc, writer in sorted(_stamps(dev) - before, key=lambda s: s[3]):
            value = replay.table_rows(conn, entity)[entity_id][name]
            _record(dev.id, entity, entity_id, name, value, hlc, writer)


def _tracing_apply(real: Callable[..., merge.PageResult]) -> Callable[..., merge.PageResult]:
    def apply(folder: Any, batches: Any, **kw: Any) -> merge.PageResult:
        result = real(folder, batches, **kw)
        for b in batches:
            if b.device_id != folder.device_id and b.problem is None:
                for entity, entity_id, name, value, hlc in b.changes:
                    _record(folder.device_id, entity, entity_id, name, value, hlc, b.device_id)
        return result
    return apply


def _log(dev: Device) -> list[tuple[Any, ...]]:
    return HISTORY.get(dev.id, [])


def unseen_overwrites(devices: dict[str, Device]) -> dict[str, set[tuple[str, str, int]]]:
    """Per device: (entity_id, field, local hlc) of local values that a remote change replaced while
    they were current, where the remote writer's own history shows it had not seen the local value."""
    logs = {name: _log(dev) for name, dev in devices.items()}
    by_id = {dev.id: name for name, dev in devices.items()}
    position = {name: {(r[1], r[2], r[3], r[5], r[6]): r[0] for r in log} for name, log in logs.items()}
    required: dict[str, set[tuple[str, str, int]]] = {name: set() for name in devices}
    for name, log in logs.items():
        me = devices[name].id
        current: dict[tuple[str, str, str], tuple[Any, ...]] = {}
        for row in log:
            key = (row[1], row[2], row[3])
            cur = current.get(key)
            if cur is None or (row[5], row[6]) > (cur[5], cur[6]):
                if (cur is not None and row[6] != me and cur[6] == me and cur[4] != row[4]
                        and row[3] not in BOOKKEEPING):
                    writer = by_id[row[6]]
                    seen_at = position[writer].get((cur[1], cur[2], cur[3], cur[5], cur[6]))
                    written_at = position[writer][(row[1], row[2], row[3], row[5], row[6])]
                    if seen_at is None or seen_at > written_at:
                        required[name].add((row[2], row[3], cur[5]))
                current[key] = row
    return required


class ThreeDevices(RuleBasedStateMachine):
    server: LiveServer

    @initialize()
    def setup(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="fieldapp-conv-"))
        team_id = self.server.team()
        self.devices: dict[str, Device] = {}
        for name in NAMES:
            dev = Device(name, open_workspace(self.tmp / name, actor=name))
            out = dev.client.enroll(self.server.url, self.server.code(team_id), name=name)
            if name != "a":
                self.devices["a"].client.approve(dev.id, out.fingerprint)
            self.devices[name] = dev
        self.online = set(NAMES)
        self.ids: list[str] = []

    def teardown(self) -> None:
        for dev in getattr(self, "devices", {}).values():
            dev.ws.close()
        shutil.rmtree(getattr(self, "tmp", "/nonexistent"), ignore_errors=True)

    @rule(dev=st.sampled_from(NAMES), last=FIELDS["last_name"])
    def create(self, dev: str, last: str) -> None:
        device = self.devices[dev]
        _local_write(device, lambda: self.ids.append(
            records.save(device.ws, Participant(first_name=dev, last_name=last)).id))

    @precondition(lambda self: self.ids)
    @rule(dev=st.sampled_from(NAMES), pick=st.integers(0, 1000), data=st.data())
    def edit(self, dev: str, pick: int, data: st.DataObject) -> None:
        ws = self.devices[dev].ws
        p = records.get(ws, Participant, self.ids[pick % len(self.ids)])
        if p is None:  # not here yet, or deleted here
            return
        name = data.draw(st.sampled_from(sorted(FIELDS)))
        changed = dataclasses.replace(p, **{name: data.draw(FIELDS[name])})
        _local_write(self.devices[dev], lambda: records.save(ws, changed))

    @precondition(lambda self: self.ids)
    @rule(dev=st.sampled_from(NAMES), pick=st.integers(0, 1000))
    def delete(self, dev: str, pick: int) -> None:
        ws = self.devices[dev].ws
        pid = self.ids[pick % len(self.ids)]
        if records.get(ws, Participant, pid) is not None:
            _local_write(self.devices[dev], lambda: records.delete(ws, Participant, pid))

    @rule(dev=st.sampled_from(NAMES))
    def toggle_offline(self, dev: str) -> None:
        self.online ^= {dev}

    @rule(dev=st.sampled_from(NAMES))
    def sync(self, dev: str) -> None:
        if dev in self.online:
            self.devices[dev].sync()

    @invariant()
    def nothing_quarantined(self) -> None:
        for dev in getattr(self, "devices", {}).values():
            assert sync_state.quarantined(dev.ws.folder) == []

    def check_end(self) -> None:
        for _ in range(2):
            for name in NAMES:
                self.devices[name].sync()
        final = rows(self.devices["a"])
        for dev in self.devices.values():
            assert rows(dev) == final, dev.name
            check(dev)
        required = unseen_overwrites(self.devices)
        for name, dev in self.devices.items():
            recorded = {(c.entity_id, c.field, c.local_hlc) for c in sync_state.conflicts(dev.ws.folder)
                        if c.kind == "overwritten"}
            assert required[name] <= recorded, (name, required[name] - recorded)


class _Final(ThreeDevices):
    def teardown(self) -> None:
        try:
            if hasattr(self, "devices"):
                self.check_end()
        finally:
            super().teardown()


def test_three_devices_converge_and_keep_every_overwritten_value(tmp_path: Path, monkeypatch) -> None:
    from fieldapp.server.config import Settings

    monkeypatch.setattr(merge, "apply_page", _tracing_apply(merge.apply_page))
    HISTORY.clear()
    server = LiveServer(Settings(data_dir=tmp_path / "server")).start()
    try:
        _Final.server = server
        run_state_machine_as_test(_Final, settings=settings(
            max_examples=12, stateful_step_count=30, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    finally:
        server.stop()
