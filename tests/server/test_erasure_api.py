"""The erasure routes over HTTP: only an active member of the team erases, only in its own team, and a key
uploaded for an erased participant is never stored or handed out again."""

from __future__ import annotations

import base64
import os

from fieldapp.server import store
from tests.server.conftest import Api

HANDLE = "0123456789abcdef0123456789abcdef"


def _key(key_id: str) -> dict[str, str]:
    return {"handle": HANDLE, "key_id": key_id, "wrapped": base64.b64encode(os.urandom(60)).decode()}


def _erasure(device_id: str) -> dict[str, str]:
    return {"handle": HANDLE, "erased_at": "2026-12-03T10:00:00Z", "device_id": device_id,
            "reason_code": "other", "signature": base64.b64encode(os.urandom(64)).decode()}


def _held(api: Api, auth: dict[str, str]) -> list[str]:
    r = api.client.get("/v1/participant-keys", headers=auth)
    assert r.status_code == 200, r.text
    return [k["handle"] for k in r.json()["keys"]]


def test_only_an_active_member_erases_in_its_own_team_and_an_erased_key_never_returns(api: Api) -> None:
    team = api.team()
    member, auth = api.enroll(team)
    key_id = api.first_key(auth, member)
    pending, pending_auth = api.enroll(team)
    revoked, revoked_auth = api.enroll(team)
    store.revoke_device(api.engine, revoked)
    stranger, stranger_auth = api.enroll(api.team())
    api.first_key(stranger_auth, stranger)

    r = api.client.post("/v1/participant-keys", headers=auth, json={"keys": [_key(key_id)]})
    assert r.status_code == 200 and r.json()["erased"] == [] and _held(api, auth) == [HANDLE]

    assert api.client.post("/v1/erasures", headers=pending_auth,
                           json={"erasures": [_erasure(pending)]}).status_code == 403
    assert api.client.post("/v1/erasures", headers=revoked_auth,
                           json={"erasures": [_erasure(revoked)]}).status_code == 401
    r = api.client.post("/v1/erasures", headers=stranger_auth, json={"erasures": [_erasure(stranger)]})
    assert r.status_code == 200  # stored in the stranger's own team
    assert _held(api, auth) == [HANDLE]
    assert api.client.get("/v1/erasures", headers=auth).json()["erasures"] == []

    r = api.client.post("/v1/erasures", headers=auth, json={"erasures": [_erasure(member)]})
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert _held(api, auth) == []
    r = api.client.post("/v1/participant-keys", headers=auth, json={"keys": [_key(key_id)]})
    assert r.status_code == 200 and r.json() == {"keys": [], "erased": [HANDLE]}
    assert _held(api, auth) == []
    r = api.client.post("/v1/erasures", headers=auth, json={"erasures": [_erasure(member)]})
    assert r.status_code == 200 and r.json()["stored"] == 0  # a replay adds nothing
    assert len(api.client.get("/v1/erasures", headers=auth).json()["erasures"]) == 1
