"""The server's HTTP API: auth, limits, idempotent push, paging, JSON errors for every bad request."""

from __future__ import annotations

import base64
import os
import uuid

import pytest

from fieldapp.server import store
from fieldapp.server.config import Settings
from fieldapp.sync import batch_signature, identity
from fieldapp.sync.protocol import HEADER
from tests.server.conftest import H, Api, batch, make_api


def test_health_and_openapi(api: Api) -> None:
    assert api.client.get("/health").json()["status"] == "ok"
    doc = api.client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.") and "/v1/batches" in doc["paths"]


def test_enroll_first_device_is_active_the_next_pending_and_codes_are_one_time(api: Api) -> None:
    team = api.team()
    code = store.enrollment_code(api.engine, team, ttl_s=60)[0]
    body = {"code": code.lower().replace("-", " "), "device_id": str(uuid.uuid4()), "name": "x",
            "public_key": base64.b64encode(os.urandom(32)).decode()}
    r = api.client.post("/v1/enroll", headers=H, json=body)
    assert r.status_code == 201 and r.json()["status"] == "active"
    assert len(base64.urlsafe_b64decode(r.json()["token"] + "=")) >= 32  # >= 256 bits
    again = api.client.post("/v1/enroll", headers=H, json={**body, "device_id": str(uuid.uuid4())})
    assert again.status_code == 403 and again.json()["error"] == "bad_code"
    _, auth = api.enroll(team)
    st = api.client.get("/v1/status", headers=auth).json()
    assert st["device_status"] == "pending"
    assert api.client.get("/v1/batches", headers=auth).status_code == 403
    expired = store.enrollment_code(api.engine, team, ttl_s=-1)[0]
    r = api.client.post("/v1/enroll", headers=H, json={**body, "code": expired, "device_id": str(uuid.uuid4())})
    assert r.status_code == 403 and r.json()["error"] == "code_expired"


def test_tokens_are_stored_only_as_hashes(api: Api) -> None:
    from sqlalchemy import select

    from fieldapp.server.db import devices

    _, auth = api.enroll(api.team())
    token = auth["Authorization"].split()[1]
    with api.engine.connect() as conn:
        stored = conn.execute(select(devices.c.token_hash)).scalar_one()
    assert token not in stored and len(stored) == 64


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [
    ("GET", "/v1/status", {"headers": H}, 401),
    ("GET", "/v1/status", {"headers": {**H, "Authorization": "Bearer nope"}}, 401),
    ("GET", "/v1/status", {"headers": {**H, "Authorization": "Basic abc"}}, 401),
    ("GET", "/v1/status", {"headers": {HEADER: "0", "Authorization": "Bearer x"}}, 426),
    ("GET", "/v1/status", {"headers": {HEADER: "99"}}, 400),
    ("GET", "/v1/status", {"headers": {HEADER: "x"}}, 400),
    ("GET", "/v1/status", {"headers": {}}, 400),
    ("POST", "/v1/enroll", {"headers": H, "content": b"{not json", "extra": {"content-type": "application/json"}}, 400),
    ("POST", "/v1/enroll", {"headers": H, "json": []}, 400),
    ("POST", "/v1/enroll", {"headers": H, "json": {"code": 1}}, 400),
    ("POST", "/v1/enroll", {"headers": H, "content": b"code=1", "extra": {"content-type": "text/plain"}}, 415),
    ("POST", "/v1/enroll", {"headers": H, "json": {"code": "AAAA", "device_id": "not-a-uuid", "name": "x",
                                                   "public_key": "AAAA"}}, 400),
    ("GET", "/nowhere", {}, 404),
    ("DELETE", "/v1/batches", {"headers": H}, 405),
])
def test_bad_requests_get_4xx_with_a_json_body(api: Api, method: str, path: str, kwargs: dict, status: int) -> None:
    headers = dict(kwargs.get("headers", {}))
    headers.update(kwargs.get("extra", {}))
    r = api.client.request(method, path, headers=headers, json=kwargs.get("json"), content=kwargs.get("content"))
    assert r.status_code == status, r.text
    assert "error" in r.json() and "message" in r.json()


def test_oversized_body_is_413_and_nothing_is_stored(api: Api, settings: Settings) -> None:
    team = api.team()
    dev, auth = api.enroll(team)
    key = api.first_key(auth, dev)
    big = os.urandom(settings.max_batch_bytes + 1)
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 1, key, big)]})
    assert r.status_code in (400, 413) and "error" in r.json()
    huge = b'{"batches": [' + b" " * settings.max_body_bytes + b"]}"
    r = api.client.post("/v1/batches", headers={**auth, "content-type": "application/json"}, content=huge)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    assert api.client.get("/v1/batches", headers=auth).json()["batches"] == []


def test_push_is_idempotent_and_different_bytes_are_refused(api: Api) -> None:
    team = api.team()
    dev, auth = api.enroll(team)
    key = api.first_key(auth, dev)
    b1, b2 = batch(dev, 1, key), batch(dev, 2, key)
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [b1, b2]})
    assert r.status_code == 200
    first = r.json()["accepted"]
    assert [(a["seq"], a["duplicate"]) for a in first] == [(1, False), (2, False)]
    # The same request again (a retry after a lost answer): acknowledged with the same cursors, stored once.
    again = api.client.post("/v1/batches", headers=auth, json={"batches": [b1, b2]}).json()["accepted"]
    assert [(a["seq"], a["cursor"], a["duplicate"]) for a in again] == [(a["seq"], a["cursor"], True) for a in first]
    # Same device and seq, different bytes: 409, nothing stored.
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 2, key)]})
    assert r.status_code == 409 and r.json()["error"] == "batch_differs"
    # A gap in the sequence is refused; the batches before it are stored.
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 3, key), batch(dev, 5, key)]})
    assert r.status_code == 409 and r.json()["error"] == "seq_gap" and [a["seq"] for a in r.json()["accepted"]] == [3]
    # A batch for another device or under a stale key is refused.
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(str(uuid.uuid4()), 1, key)]})
    assert r.status_code == 403
    r = api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, 4, "0" * 16)]})
    assert r.status_code == 409 and r.json()["error"] == "stale_key"
    page = api.client.get("/v1/batches", headers=auth).json()
    assert [b["seq"] for b in page["batches"]] == [1, 2, 3]


def test_a_batch_not_signed_with_the_devices_enrolled_key_is_refused_and_not_stored(api: Api) -> None:
    """Stored and acknowledged, a batch no member will admit would leave its device's outbox, its changes lost.
    The signature covers no plaintext, so the server checks it as every pulling device does."""
    team = api.team()
    signer = identity.new_identity()
    dev, auth = api.enroll(team, identity.join_device_keys(os.urandom(32), identity.identity_public(signer)))
    key = api.first_key(auth, dev)

    def signed(seq: int, private: bytes = signer, flip: int | None = None) -> dict[str, object]:
        ciphertext = os.urandom(12 + 16 + 40)
        blob = bytearray(ciphertext + identity.sign(private, batch_signature.signed_message(
            team_id=team, device_id=dev, seq=seq, key_id=key, ciphertext=ciphertext)))
        if flip is not None:
            blob[flip] ^= 1
        return batch(dev, seq, key, bytes(blob))

    r = api.client.post("/v1/batches", headers=auth, json={"batches": [signed(1), signed(2, flip=-1), signed(3)]})
    assert r.status_code == 409 and r.json()["error"] == "batch_bad_signature"
    assert [a["seq"] for a in r.json()["accepted"]] == [1]
    for bad in (signed(2, flip=20), signed(2, private=identity.new_identity())):  # ciphertext changed; another key
        r = api.client.post("/v1/batches", headers=auth, json={"batches": [bad]})
        assert r.status_code == 409 and r.json()["error"] == "batch_bad_signature"
    assert api.client.post("/v1/batches", headers=auth, json={"batches": [signed(2)]}).status_code == 200
    page = api.client.get("/v1/batches", headers=auth).json()
    assert [b["seq"] for b in page["batches"]] == [1, 2]


def test_pull_pages_by_cursor_and_teams_are_separate(api: Api) -> None:
    team = api.team()
    dev, auth = api.enroll(team)
    key = api.first_key(auth, dev)
    for seq in range(1, 8):
        assert api.client.post("/v1/batches", headers=auth, json={"batches": [batch(dev, seq, key)]}).status_code == 200
    seen, after = [], 0
    while True:
        page = api.client.get("/v1/batches", headers=auth, params={"after": after, "limit": 3}).json()
        seen += [b["seq"] for b in page["batches"]]
        after = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == list(range(1, 8))
    other, other_auth = api.enroll(api.team())
    api.first_key(other_auth, other)
    assert api.client.get("/v1/batches", headers=other_auth).json()["batches"] == []
    for bad in ({"after": "-1"}, {"after": "x"}, {"limit": "0"}, {"after": "9" * 30}):
        r = api.client.get("/v1/batches", headers=auth, params=bad)
        assert r.status_code == 400 and "error" in r.json()


def test_revoked_device_gets_401_at_once_and_the_team_needs_rotation(api: Api) -> None:
    team = api.team()
    dev, auth = api.enroll(team)
    api.first_key(auth, dev)
    assert api.client.get("/v1/status", headers=auth).status_code == 200
    store.revoke_device(api.engine, dev)
    for method, path in (("GET", "/v1/status"), ("GET", "/v1/batches"), ("GET", "/v1/keys")):
        r = api.client.request(method, path, headers=auth)
        assert r.status_code == 401 and r.json()["error"] == "unauthorised"
    from sqlalchemy import select

    from fieldapp.server.db import teams
    with api.engine.connect() as conn:
        assert conn.execute(select(teams.c.rotation_needed).where(teams.c.id == team)).scalar_one() is True


def test_overload_answers_503_with_retry_after(tmp_path) -> None:
    for api in make_api(Settings(data_dir=tmp_path / "s", max_in_flight=0, retry_after_s=7)):
        r = api.client.get("/health")
        assert r.status_code == 503 and r.headers["retry-after"] == "7" and r.json()["error"] == "overloaded"


def test_devices_show_when_they_were_last_seen_written_at_most_once_a_minute(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime, timedelta

    from fieldapp.sync.protocol import DeviceInfo

    clock = [datetime.now(UTC).replace(microsecond=0)]
    t0 = clock[0]
    monkeypatch.setattr(store, "_now", lambda: clock[0])
    team = api.team()
    a, auth_a = api.enroll(team)
    b, _ = api.enroll(team)  # enrolled, but has made no authenticated request yet

    def seen() -> dict[str, str | None]:
        r = api.client.get("/v1/devices", headers=auth_a)
        assert r.status_code == 200, r.text
        return {d["device_id"]: d["last_seen_at"] for d in r.json()["devices"]}

    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731 - a one-line helper kept beside its only use
    assert seen() == {a: iso(t0), b: None}
    clock[0] = t0 + timedelta(seconds=30)
    assert seen()[a] == iso(t0)  # within the minute: not written again
    clock[0] = t0 + timedelta(seconds=61)
    assert seen()[a] == iso(t0 + timedelta(seconds=61))
    assert {d.device_id: d.last_seen_at for d in store.list_devices(api.engine, team)} == {
        a: iso(t0 + timedelta(seconds=61)), b: None}
    # The field is optional: a device list from an older server still parses.
    old = {"device_id": a, "name": "x", "status": "active", "public_key": base64.b64encode(b"k" * 32).decode(),
           "created_at": iso(t0)}
    assert DeviceInfo.from_json(old).last_seen_at is None
    assert DeviceInfo.from_json({**old, "last_seen_at": iso(t0)}).last_seen_at == iso(t0)


def test_the_last_seen_migration_keeps_existing_devices(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import inspect, text

    from fieldapp.server.db import make_engine
    from fieldapp.server.migrate import alembic_config, schema_differences, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "s0001")
        conn.execute(text("INSERT INTO teams VALUES ('t', 'T', 'h', '2026-01-01 00:00:00', 1, 0, NULL, 0, NULL)"))
        conn.execute(text("INSERT INTO devices (id, team_id, name, public_key, token_hash, status, created_at)"
                          " VALUES ('d', 't', 'old laptop', x'00', 'h', 'active', '2026-01-01 00:00:00')"))
    assert "last_seen_at" not in {c["name"] for c in inspect(engine).get_columns("devices")}
    upgrade(engine)
    assert schema_differences(engine) == []
    assert [(d.name, d.last_seen_at) for d in store.list_devices(engine, "t")] == [("old laptop", None)]
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "s0001")
    assert "last_seen_at" not in {c["name"] for c in inspect(engine).get_columns("devices")}
    engine.dispose()
