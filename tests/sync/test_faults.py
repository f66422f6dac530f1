"""Sync through a fault-injecting proxy and across a server killed mid-push: no duplicates, no losses."""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import sync_state
from fieldapp.sync.engine import SyncClient
from tests.support.fault_proxy import FaultProxy
from tests.support.sync_server import ServerProcess
from tests.sync.conftest import Device
from tests.sync.test_end_to_end import check, rows

pytestmark = pytest.mark.slow

FAST = dict(timeout=2.0, max_attempts=3, deadline_s=10.0, sleep=lambda s: time.sleep(min(s, 0.05)))


def _log(dev: Device) -> set[tuple[object, ...]]:
    """The newest clock of every field (the device keeps no older ones)."""
    from fieldapp.storage.capture import synced_tables
    from fieldapp.storage.clocks import field_stamps

    columns = {t.name: [c.name for c in t.columns if c.name != "id"] for t in synced_tables()}
    with dev.ws.folder.read() as session:
        return set(field_stamps(session.connection(), columns))


def _server_batches(engine) -> list[tuple[str, int]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT device_id, seq FROM batches ORDER BY cursor"))]


def test_sync_through_a_faulty_network_loses_and_duplicates_nothing(server, make_device, caplog) -> None:
    import logging

    caplog.set_level(logging.ERROR)
    proxy = FaultProxy(server.port, seed=11)
    proxy.faults.enabled = False
    team_id = server.team()
    # A new connection per request, so the proxy's per-connection faults hit requests one by one.
    devices = [make_device(n, keepalive=False, **FAST) for n in ("a", "b", "c")]
    first = devices[0]
    first.client.enroll(proxy.url, server.code(team_id), name="a")
    for dev in devices[1:]:
        out = dev.client.enroll(proxy.url, server.code(team_id), name=dev.name)
        first.client.approve(dev.id, out.fingerprint)
    proxy.faults.enabled = True
    rng = random.Random(3)
    ids: list[str] = []
    outcomes = {"done": 0, "error": 0, "paused": 0}
    for step in range(60):
        dev = rng.choice(devices)
        for _ in range(rng.randint(0, 3)):
            if ids and rng.random() < 0.6:
                pid = rng.choice(ids)
                p = records.get(dev.ws, Participant, pid)
                if p is not None:
                    records.save(dev.ws, dataclasses.replace(p, notes=f"{dev.name} {step} æøå"))
            else:
                ids.append(records.save(dev.ws, Participant(first_name=dev.name, last_name=f"Nr {step}")).id)
        outcomes[dev.client.sync().state] += 1
    assert outcomes["done"] > 0, (outcomes, proxy.faults.counts)
    proxy.faults.enabled = False
    for _ in range(2):
        for dev in devices:
            dev.sync()
    proxy.close()
    final = rows(devices[0])
    logs = [_log(d) for d in devices]
    for dev, log in zip(devices, logs):
        assert rows(dev) == final
        assert log == logs[0]  # every change everywhere: nothing lost
        check(dev)
        assert sync_state.pending_count(dev.ws.folder) == (0, 0)
    stored = _server_batches(server.engine)
    assert len(stored) == len(set(stored))  # nothing stored twice
    for dev in devices:
        assert sorted(s for d, s in stored if d == dev.id) == list(range(1, 1 + sum(1 for d, _ in stored if d == dev.id)))
    assert proxy.faults.counts.get("cut_request", 0) > 5 and proxy.faults.counts.get("cut_response", 0) > 5, \
        proxy.faults.counts
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "the server logged an error (a 5xx)"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_server_killed_in_the_middle_of_a_push(tmp_path: Path, monkeypatch, request, backend) -> None:
    from fieldapp.sync import push as sync_push

    monkeypatch.setattr(sync_push, "MAX_PUSH_BATCHES", 1)  # one request per batch: the kill lands between them
    if backend == "postgresql":
        database_url = request.getfixturevalue("pg_cluster").new_database()
    else:
        database_url = f"sqlite:///{tmp_path / 'server' / 'server.db'}"
    srv = ServerProcess(tmp_path / "server", database_url=database_url if backend == "postgresql" else None).start()
    try:
        team_id = srv.admin("team", "create", "Omstart")
        a_ws = open_workspace(tmp_path / "a", actor="a")
        b_ws = open_workspace(tmp_path / "b", actor="b")
        a = SyncClient(a_ws.folder, timeout=5.0, max_attempts=40, deadline_s=60.0,
                       sleep=lambda s: time.sleep(min(s, 0.1)))
        b = SyncClient(b_ws.folder)
        a.enroll(srv.url, srv.admin("enrollment-code", team_id), name="a")
        out = b.enroll(srv.url, srv.admin("enrollment-code", team_id), name="b")
        a.approve(b_ws.device_id, out.fingerprint)
        records.save_all(a_ws, [Participant(first_name=f"Navn{i}", last_name="Omstart", notes="x" * 200)
                                for i in range(1500)])
        engine = create_engine(database_url)
        result: dict[str, object] = {}
        pusher = threading.Thread(target=lambda: result.update(report=a.sync()))
        pusher.start()
        deadline = time.monotonic() + 30
        while not _server_batches(engine) and time.monotonic() < deadline:
            time.sleep(0.005)
        srv.kill()  # SIGKILL while batches are being pushed
        killed_with = len(_server_batches(engine))
        assert killed_with < 15  # the push was still going on
        srv.start()
        pusher.join(90)
        assert not pusher.is_alive()
        report = a.sync() if result["report"].state != "done" else result["report"]
        assert report.state == "done", report.error
        assert sync_state.pending_count(a_ws.folder) == (0, 0)
        stored = _server_batches(engine)
        assert len(stored) == len(set(stored)) >= killed_with
        assert [s for _, s in stored] == list(range(1, len(stored) + 1))
        assert b.sync().state == "done"
        with a_ws.folder.read() as s1, b_ws.folder.read() as s2:
            q = "SELECT id, last_name, notes, deleted_at FROM participant ORDER BY id"
            assert s1.connection().exec_driver_sql(q).all() == s2.connection().exec_driver_sql(q).all()
            assert len(s2.connection().exec_driver_sql(q).all()) == 1500
        engine.dispose()
        a_ws.close()
        b_ws.close()
    finally:
        srv.stop()
