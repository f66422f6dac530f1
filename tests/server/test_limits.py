"""Server hardening on a real socket: credentials before bodies, per-route body limits, the body time limit,
requests in flight per device and for enrollments, and pull pages bounded by bytes in SQL."""

from __future__ import annotations

import base64
import os
import select
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import event

from fieldapp.server import batch_store, key_store, store
from fieldapp.server.config import Settings
from fieldapp.sync.protocol import ENROLL_CODE_HEADER, HEADER, PROTOCOL_VERSION, EnrollRequest, KeyEnvelope, \
    KeyUpdate, WireBatch
from tests.server.conftest import Api, batch
from tests.support.sync_server import LiveServer

MB = 1024 * 1024


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    srv = LiveServer(Settings(data_dir=tmp_path / "server", body_timeout_s=1.0)).start()
    try:
        yield srv
    finally:
        srv.stop()


def _open(srv: LiveServer, method: str, path: str, headers: dict[str, str]) -> socket.socket:
    """Send a request's head only: the body is promised by Content-Length but (mostly) never sent."""
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"{HEADER}: {PROTOCOL_VERSION}",
             "Content-Type: application/json", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    sock.sendall("\r\n".join(lines).encode())
    return sock


def _status(sock: socket.socket) -> int:
    head = b""
    while b"\r\n" not in head:
        got = sock.recv(4096)
        if not got:
            raise ConnectionError("closed without an answer")
        head += got
    return int(head.split(b" ", 2)[1])


def _device(srv: LiveServer) -> tuple[str, str]:
    team = srv.team()
    code = srv.code(team)
    device_id = str(uuid.uuid4())
    r = httpx.post(srv.url + "/v1/enroll", headers={HEADER: str(PROTOCOL_VERSION), ENROLL_CODE_HEADER: code},
                   json={"code": code, "device_id": device_id, "name": "laptop",
                         "public_key": base64.b64encode(os.urandom(32)).decode()})
    assert r.status_code == 201, r.text
    return device_id, r.json()["token"]


# Credentials before bodies ----------------------------------------------------------------------------------

@pytest.mark.parametrize("auth", [None, "Bearer not-a-token"])
def test_an_unauthenticated_25_mb_body_is_refused_before_it_is_read(live: LiveServer, auth: str | None,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.server import app as server_app

    parsed: list[bytes] = []
    real_loads = server_app.json.loads
    monkeypatch.setattr(server_app.json, "loads", lambda raw, **kw: parsed.append(raw) or real_loads(raw, **kw))
    headers = {"Content-Length": str(25 * MB)}
    if auth:
        headers["Authorization"] = auth
    sock = _open(live, "POST", "/v1/batches", headers)
    sock.sendall(b'{"batches": [' + b" " * 65536)  # a start; the other 25 MB never come
    assert _status(sock) == 401  # answered without waiting for (or reading) the body
    sock.close()
    assert parsed == []


def test_a_wrong_enrollment_code_in_the_header_is_refused_before_the_body(live: LiveServer) -> None:
    sock = _open(live, "POST", "/v1/enroll", {"Content-Length": str(4000), ENROLL_CODE_HEADER: "AAAA-BBBB-CCCC"})
    assert _status(sock) == 403
    sock.close()


def test_a_device_over_the_body_limit_is_refused_by_its_declared_length(live: LiveServer) -> None:
    _, token = _device(live)
    sock = _open(live, "POST", "/v1/batches", {"Content-Length": str(33 * MB), "Authorization": f"Bearer {token}"})
    assert _status(sock) == 413
    sock.close()


def test_each_route_has_its_own_body_limit(api: Api, settings: Settings) -> None:
    team = api.team()
    dev, auth = api.enroll(team)
    api.first_key(auth, dev)
    code = store.enrollment_code(api.engine, team, ttl_s=60)[0]
    big_name = {"code": code, "device_id": str(uuid.uuid4()), "name": "x" * settings.enroll_body_bytes,
                "public_key": base64.b64encode(os.urandom(32)).decode()}
    r = api.client.post("/v1/enroll", headers={**auth, ENROLL_CODE_HEADER: code}, json=big_name)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    envelopes = [{"recipient": dev, "key_epoch": 2, "blob": base64.b64encode(os.urandom(settings.keys_body_bytes))
                  .decode()}]
    r = api.client.post("/v1/keys", headers=auth, json={"expected_epoch": 1, "key_id": "k" * 16,
                                                        "envelopes": envelopes})
    assert r.status_code == 413
    r = api.client.post("/v1/recovery", headers=auth, json={"recovery_auth": "A" * settings.small_body_bytes})
    assert r.status_code == 413
    # A push may be as large as max_body_bytes: its limit is not the small one.
    key_id = api.client.get("/v1/status", headers=auth).json()["current_key_id"]
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 1, key_id, os.urandom(20_000))]})
    assert r.status_code == 200


def test_a_code_in_the_header_must_be_the_code_in_the_body(api: Api) -> None:
    team = api.team()
    code, other = (store.enrollment_code(api.engine, team, ttl_s=60)[0] for _ in range(2))
    body = {"code": other, "device_id": str(uuid.uuid4()), "name": "laptop",
            "public_key": base64.b64encode(os.urandom(32)).decode()}
    r = api.client.post("/v1/enroll", headers={HEADER: str(PROTOCOL_VERSION), ENROLL_CODE_HEADER: code}, json=body)
    assert r.status_code == 400


# Slow bodies and requests in flight -------------------------------------------------------------------------

def test_a_body_that_trickles_is_cut_off_by_the_body_time_limit(live: LiveServer) -> None:
    code = live.code(live.team())
    sock = _open(live, "POST", "/v1/enroll", {"Content-Length": "500", ENROLL_CODE_HEADER: code})
    sock.sendall(b'{"code": ')  # and then nothing, as a slow-loris client would
    assert _status(sock) == 408
    sock.close()


def test_64_slow_enrollments_do_not_block_a_real_device(live: LiveServer) -> None:
    object.__setattr__(live.settings, "body_timeout_s", 30.0)  # the trickles outlast the test
    device_id, token = _device(live)
    auth = {HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    trickles = []
    try:
        for _ in range(64):
            sock = _open(live, "POST", "/v1/enroll", {"Content-Length": "2000"})
            sock.sendall(b"{")
            trickles.append(sock)
        # The real device is served while every trickle is still open and unanswered, or refused at once.
        with httpx.Client(base_url=live.url, headers=auth, timeout=10) as client:
            for _ in range(3):
                assert client.get("/v1/status").status_code == 200
        # Beyond the enrollments' own share, the trickles were turned away at once (not held until a timeout).
        expected = 64 - live.settings.max_anonymous_in_flight
        waiting, refused = set(trickles), 0
        deadline = time.monotonic() + 15
        while refused < expected and time.monotonic() < deadline:
            ready, _, _ = select.select(list(waiting), [], [], 0.5)
            for sock in ready:
                waiting.discard(sock)
                refused += _status(sock) == 503
        assert refused == expected
    finally:
        for sock in trickles:
            sock.close()


def test_one_device_cannot_take_every_place(live: LiveServer) -> None:
    object.__setattr__(live.settings, "body_timeout_s", 30.0)
    _, token = _device(live)
    _, other = _device(live)
    slow = []
    try:
        for _ in range(live.settings.max_in_flight_per_device):
            sock = _open(live, "POST", "/v1/batches", {"Content-Length": "1000", "Authorization": f"Bearer {token}"})
            sock.sendall(b"{")
            slow.append(sock)
        # Let the server take them all in before the next request is counted.
        srv = live.app.state.server
        deadline = time.monotonic() + 10
        while sum(srv.per_token.values()) < len(slow) and time.monotonic() < deadline:
            time.sleep(0.01)
        with httpx.Client(base_url=live.url, headers={HEADER: str(PROTOCOL_VERSION)}, timeout=10) as client:
            r = client.get("/v1/status", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 503 and "this device" in r.json()["message"]
            assert client.get("/v1/status", headers={"Authorization": f"Bearer {other}"}).status_code == 200
    finally:
        for sock in slow:
            sock.close()


# Pulls bounded by bytes in SQL ----------------------------------------------------------------------------------

def test_a_pull_page_is_chosen_by_size_before_any_blob_is_loaded(tmp_path: Path) -> None:
    from fieldapp.server.db import make_engine
    from fieldapp.server.migrate import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    upgrade(engine)
    team = store.create_team(engine, "T")
    dev = str(uuid.uuid4())
    store.enroll(engine, EnrollRequest(store.enrollment_code(engine, team, ttl_s=60)[0], dev, "d", os.urandom(32)))
    caller = store.Caller(dev, team, "active")
    key_store.update_keys(engine, caller, KeyUpdate(0, "k" * 16, (KeyEnvelope(dev, 1, os.urandom(92)),
                                                              KeyEnvelope("recovery", 1, os.urandom(92))), "0" * 64))
    sizes = [3 * MB, 3 * MB, 3 * MB, 9 * MB, 1000, 1000]
    for seq, size in enumerate(sizes, 1):
        assert batch_store.push(engine, caller, (WireBatch(dev, seq, "k" * 16, os.urandom(size)),))[1] is None

    loaded: list[tuple[int, int]] = []

    @event.listens_for(engine, "after_cursor_execute")
    def _ranges(conn, cursor, statement, params, context, executemany) -> None:
        if "blob" in statement and "FROM batches" in statement:
            loaded.append((params[1], params[2]))  # (team, after, last)

    pages, after = [], 0
    while True:
        page = batch_store.pull(engine, caller, after, limit=25, max_bytes=8 * MB)
        pages.append([len(b.blob) for b in page.batches])
        after = page.next_cursor
        if not page.has_more:
            break
    # Two 3 MiB batches fit 8 MiB, a third does not; a batch larger than a page comes alone.
    assert pages == [[3 * MB, 3 * MB], [3 * MB], [9 * MB], [1000, 1000]]
    # One blob query per page, naming only the chosen cursors (the sizes were read without blobs).
    assert loaded == [(0, 2), (2, 3), (3, 4), (4, 6)]
    engine.dispose()
