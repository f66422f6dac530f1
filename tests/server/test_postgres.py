"""The server on a real PostgreSQL: migrations, and cursors that never skip a change under concurrent writers."""

from __future__ import annotations

import base64
import json
import os
import random
import secrets
import threading
import time
import uuid

from sqlalchemy import event

from fieldapp.server import batch_store, key_store, store
from fieldapp.server.db import make_engine
from fieldapp.server.migrate import schema_differences, upgrade
from fieldapp.sync.protocol import PROTOCOL_VERSION, EnrollRequest, KeyEnvelope, KeyUpdate, WireBatch


def _team_with_devices(engine, n: int) -> tuple[str, list[store.Caller], str]:
    team = store.create_team(engine, "PG-team")
    callers = []
    for i in range(n):
        code = store.enrollment_code(engine, team, ttl_s=60)[0]
        dev = str(uuid.uuid4())
        store.enroll(engine, EnrollRequest(code, dev, f"d{i}", os.urandom(32)))
        callers.append(store.Caller(dev, team, "active"))
        if i == 0:
            key_id = secrets.token_hex(8)
            key_store.update_keys(engine, callers[0], KeyUpdate(0, key_id, (
                KeyEnvelope(dev, 1, os.urandom(92)), KeyEnvelope("recovery", 1, os.urandom(92))), "0" * 64))
    # Approve the others directly (the API path is covered elsewhere).
    from sqlalchemy import update

    from fieldapp.server.db import devices
    with engine.begin() as conn:
        conn.execute(update(devices).values(status="active"))
    return team, callers, key_id


def test_migrations_match_the_tables_on_postgres(pg_cluster) -> None:
    engine = make_engine(pg_cluster.new_database())
    upgrade(engine)
    upgrade(engine)  # a second server process starting finds it current
    assert schema_differences(engine) == []
    engine.dispose()


def test_concurrent_writers_never_make_a_reader_skip_a_batch(pg_cluster) -> None:
    engine = make_engine(pg_cluster.new_database())
    upgrade(engine)
    team, callers, key_id = _team_with_devices(engine, 6)
    rng = random.Random(5)

    # Commits are delayed at random, so a transaction that took a cursor early often commits late.
    @event.listens_for(engine, "commit")
    def _slow_commit(conn) -> None:
        time.sleep(rng.random() * 0.004)

    per_device = 25
    done = threading.Event()
    errors: list[BaseException] = []

    def writer(caller: store.Caller) -> None:
        try:
            for seq in range(1, per_device + 1):
                accepted, refusal = batch_store.push(engine, caller, (WireBatch(caller.device_id, seq, key_id,
                                                                          os.urandom(40)),))
                assert refusal is None and len(accepted) == 1
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    received: list[tuple[str, int, int]] = []

    def reader() -> None:
        after = 0
        reader_caller = callers[0]
        try:
            while len(received) < per_device * len(callers):
                finished = done.is_set()  # read before the page: every writer had committed by then
                page = batch_store.pull(engine, reader_caller, after, limit=7, max_bytes=1 << 20)
                received.extend((b.device_id, b.seq, b.cursor) for b in page.batches)
                after = page.next_cursor
                if finished and not page.batches and not page.has_more:
                    break
        except BaseException as exc:  # noqa: BLE001 - any failure is the finding here, reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(c,)) for c in callers]
    rt = threading.Thread(target=reader)
    rt.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    rt.join(120)
    assert not errors, errors
    total = per_device * len(callers)
    assert len(received) == total, f"reader got {len(received)} of {total}: a late commit was skipped"
    assert len({(d, s) for d, s, _ in received}) == total  # no duplicates
    cursors = [c for _, _, c in received]
    assert cursors == sorted(cursors) == list(range(1, total + 1))
    for caller in callers:
        seqs = [s for d, s, _ in received if d == caller.device_id]
        assert seqs == list(range(1, per_device + 1))
    engine.dispose()


def test_the_api_on_postgres(pg_cluster, tmp_path) -> None:
    from fieldapp.server.config import Settings
    from tests.server.conftest import batch, make_api

    for api in make_api(Settings(data_dir=tmp_path, database_url=pg_cluster.new_database())):
        team = api.team()
        dev, auth = api.enroll(team)
        key = api.first_key(auth, dev)
        b1 = batch(dev, 1, key)
        assert api.client.post("/v1/batches", headers=auth, json={"batches": [b1]}).status_code == 200
        assert api.client.post("/v1/batches", headers=auth, json={"batches": [b1]}).json()["accepted"][0]["duplicate"]
        assert api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 1, key)]}).status_code == 409
        r = api.client.post("/v1/batches", headers=auth, json={"batches": [{**b1, "blob": "%%%"}]})
        assert r.status_code == 400
        assert base64.b64decode(api.client.get("/v1/batches", headers=auth).json()["batches"][0]["blob"]) == \
            base64.b64decode(b1["blob"])


def test_the_reader_check_has_teeth_a_naive_autoincrement_cursor_skips(pg_cluster) -> None:
    """Control: the same race against a plain sequence-numbered table loses changes, so the test above can fail."""
    import psycopg

    url = pg_cluster.new_database().replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("CREATE TABLE naive (cursor bigserial PRIMARY KEY, n int)")
    total, received, rng = 120, [], random.Random(1)

    def writer(start: int) -> None:
        with psycopg.connect(url) as c:
            for n in range(start, total, 4):
                c.execute("INSERT INTO naive (n) VALUES (%s)", (n,))
                time.sleep(rng.random() * 0.004)  # commit late, after later numbers committed
                c.commit()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    after = 0
    with psycopg.connect(url, autocommit=True) as c:
        while True:
            finished = not any(t.is_alive() for t in threads)
            for cursor, n in c.execute("SELECT cursor, n FROM naive WHERE cursor > %s ORDER BY cursor", (after,)):
                received.append(n)
                after = cursor
            if finished:
                break
    for t in threads:
        t.join()
    assert len(received) < total  # some committed-late rows were skipped by the cursor


def test_values_postgres_cannot_store_are_a_4xx(pg_cluster, tmp_path) -> None:
    import uuid as _uuid

    from fieldapp.server.config import Settings
    from fieldapp.sync.protocol import HEADER
    from tests.server.conftest import make_api

    for api in make_api(Settings(data_dir=tmp_path, database_url=pg_cluster.new_database())):
        team = api.team()
        code = store.enrollment_code(api.engine, team, ttl_s=60)[0]
        for name in ("nul\x00byte", "surrogate\ud800", "x" * 201):
            body = json.dumps({"code": code, "device_id": str(_uuid.uuid4()), "name": name,
                               "public_key": base64.b64encode(os.urandom(32)).decode()})  # \ud800 escaped
            r = api.client.post("/v1/enroll", headers={HEADER: str(PROTOCOL_VERSION), "content-type": "application/json"}, content=body)
            assert r.status_code == 400 and r.json()["error"] == "bad_message", r.text


def test_three_devices_converge_through_a_postgres_server(pg_cluster, tmp_path) -> None:
    """The stateful convergence test of tests/sync, with the server on PostgreSQL instead of SQLite."""
    from hypothesis import HealthCheck, settings
    from hypothesis.stateful import run_state_machine_as_test

    from fieldapp.server.config import Settings
    from tests.support.sync_server import LiveServer
    from tests.sync.test_convergence import _Final

    server = LiveServer(Settings(data_dir=tmp_path / "server", database_url=pg_cluster.new_database())).start()
    assert server.engine.dialect.name == "postgresql"
    try:
        _Final.server = server
        run_state_machine_as_test(_Final, settings=settings(
            max_examples=6, stateful_step_count=25, deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    finally:
        server.stop()
