"""The server stores a tombstone only when the calling device signed it with the key it enrolled with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.server import store
from fieldapp.server.db import devices, erasures
from fieldapp.sync.erasure_protocol import WireErasure
from fieldapp.server.config import Settings
from tests.server.conftest import Api, make_api
from tests.support.tombstones import enroll_signing, forge, signed

HANDLE = "fedcba9876543210fedcba9876543210"


def _post(api: Api, auth: dict[str, str], *items: WireErasure) -> tuple[int, dict[str, object]]:
    r = api.client.post("/v1/erasures", headers=auth, json={"erasures": [e.to_json() for e in items]})
    return r.status_code, r.json()


def _listed(api: Api, auth: dict[str, str]) -> list[dict[str, object]]:
    r = api.client.get("/v1/erasures", headers=auth)
    assert r.status_code == 200, r.text
    erased: list[dict[str, object]] = r.json()["erasures"]
    return erased


def _team(api: Api) -> tuple[str, list[tuple[str, dict[str, str], bytes]]]:
    team_id = api.team()
    first = enroll_signing(api.client, api.engine, team_id)
    api.first_key(first[1], first[0])
    others = [enroll_signing(api.client, api.engine, team_id) for _ in range(2)]
    with api.engine.begin() as conn:  # approved (the server only records what a member decided)
        for device_id, _, _ in others:
            conn.execute(devices.update().where(devices.c.id == device_id).values(status="active"))
    return team_id, [first, *others]


def test_a_tombstone_for_another_device_or_with_a_bad_signature_is_refused_and_the_real_one_stored(api: Api) -> None:
    team_id, [(a, a_auth, a_key), (b, b_auth, b_key), (c, c_auth, _)] = _team(api)

    # b, about to be revoked, sends a tombstone naming a (signed by b, or a copy of a's signature).
    status, body = _post(api, b_auth, signed(team_id, HANDLE, a, b_key))
    assert status == 403 and body["error"] == "erasure_not_yours", body
    # b names itself but the signature is not its own (another key, or bytes that are no signature at all).
    for bad in (signed(team_id, HANDLE, b, a_key), WireErasure(HANDLE, "2026-12-03T10:00:00Z", b, "other", b"\x01" * 64)):
        status, body = _post(api, b_auth, bad)
        assert status == 403 and body["error"] == "erasure_bad_signature", body
        assert "signature" in str(body["message"])
    # A good one with a bad one in the same request: nothing of it is stored.
    status, _ = _post(api, b_auth, signed(team_id, "0" * 32, b, b_key), signed(team_id, HANDLE, b, a_key))
    assert status == 403
    # b is revoked: whatever it sends now, even correctly signed, is refused.
    store.revoke_device(api.engine, b)
    status, _ = _post(api, b_auth, signed(team_id, HANDLE, b, b_key))
    assert status == 401
    assert _listed(api, c_auth) == []

    real = signed(team_id, HANDLE, a, a_key)
    status, body = _post(api, a_auth, real)
    assert status == 200 and body["stored"] == 1
    assert [WireErasure.from_json(e) for e in _listed(api, c_auth)] == [
        WireErasure(real.handle, real.erased_at, real.device_id, real.reason_code, real.signature, 1)]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Api]:
    url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgresql" else None
    yield from make_api(Settings(data_dir=tmp_path / "server", database_url=url))


def test_a_stored_tombstone_nobody_can_verify_gives_way_to_the_real_one(any_api: Api) -> None:
    """Written before the server checked, or straight into the table: the verified one replaces it under a new
    cursor, so devices that read past the old one see the new one (on PostgreSQL the cursor comes from the
    column's sequence: a later tombstone still gets a cursor of its own)."""
    api = any_api
    team_id, [(a, a_auth, a_key), _, (c, c_auth, _)] = _team(api)
    forge(api.engine, team_id, [WireErasure(HANDLE, "2026-12-01T10:00:00Z", c, "other", b"\x02" * 64)])
    [garbage] = _listed(api, c_auth)
    status, body = _post(api, a_auth, signed(team_id, HANDLE, a, a_key))
    assert status == 200 and body["stored"] == 1
    [real] = _listed(api, c_auth)
    assert real["device_id"] == a and int(real["cursor"]) > int(garbage["cursor"])  # type: ignore[call-overload]  # JSON
    r = api.client.get("/v1/erasures", headers=c_auth, params={"after": garbage["cursor"]})
    assert [e["device_id"] for e in r.json()["erasures"]] == [a]
    # A verified tombstone stays first: a second verified one does not move it.
    status, body = _post(api, a_auth, signed(team_id, HANDLE, a, a_key))
    assert status == 200 and body["stored"] == 0
    with api.engine.begin() as conn:
        assert len(conn.execute(select(erasures).where(erasures.c.handle == HANDLE)).all()) == 1
    status, body = _post(api, a_auth, signed(team_id, "1" * 32, a, a_key))
    assert status == 200 and body["stored"] == 1
    assert len({e["cursor"] for e in _listed(api, c_auth)}) == 2


def test_a_reader_holding_an_old_snapshot_keeps_the_wal_and_that_is_logged(
        api: Api, caplog: pytest.LogCaptureFixture) -> None:
    """The server empties its WAL after an erasure, so the erased key's earlier page copies leave the disk; a
    reader inside an older snapshot prevents that, and the server says so instead of claiming it done."""
    import sqlite3

    if api.engine.dialect.name != "sqlite":
        pytest.skip("the WAL checkpoint is SQLite's")
    team_id, [(a, a_auth, a_key), *_] = _team(api)
    reader = sqlite3.connect(str(api.engine.url.database))
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM erasures").fetchone()  # the snapshot starts here
        with caplog.at_level("WARNING", logger="fieldapp.server"):
            status, _ = _post(api, a_auth, signed(team_id, HANDLE, a, a_key))
        assert status == 200
        assert any("WAL could not be emptied" in r.getMessage() for r in caplog.records)
    finally:
        reader.close()
    caplog.clear()
    with caplog.at_level("WARNING", logger="fieldapp.server"):
        status, _ = _post(api, a_auth, signed(team_id, "0" * 32, a, a_key))
    assert status == 200 and not any("WAL" in r.getMessage() for r in caplog.records)
    wal = Path(str(api.engine.url.database) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # emptied once no reader holds it
