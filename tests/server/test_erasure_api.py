"""The erasure routes over HTTP: only an active member of the team erases, only in its own team, and a key
uploaded for an erased participant is never stored or handed out again."""

from __future__ import annotations

import base64
import os

from fieldapp.server import store
from tests.server.conftest import Api
from tests.support.tombstones import enroll_signing, signed

HANDLE = "0123456789abcdef0123456789abcdef"


def _key(key_id: str) -> dict[str, str]:
    return {"handle": HANDLE, "key_id": key_id, "wrapped": base64.b64encode(os.urandom(60)).decode()}


def _erasure(team_id: str, device_id: str, private: bytes) -> dict[str, object]:
    return signed(team_id, HANDLE, device_id, private).to_json()


def _held(api: Api, auth: dict[str, str]) -> list[str]:
    r = api.client.get("/v1/participant-keys", headers=auth)
    assert r.status_code == 200, r.text
    return [k["handle"] for k in r.json()["keys"]]


def test_only_an_active_member_erases_in_its_own_team_and_an_erased_key_never_returns(api: Api) -> None:
    team = api.team()
    member, auth, member_key = enroll_signing(api.client, api.engine, team)
    key_id = api.first_key(auth, member)
    pending, pending_auth, pending_key = enroll_signing(api.client, api.engine, team)
    revoked, revoked_auth, revoked_key = enroll_signing(api.client, api.engine, team)
    store.revoke_device(api.engine, revoked)
    other_team = api.team()
    stranger, stranger_auth, stranger_key = enroll_signing(api.client, api.engine, other_team)
    api.first_key(stranger_auth, stranger)

    r = api.client.post("/v1/participant-keys", headers=auth, json={"keys": [_key(key_id)]})
    assert r.status_code == 200 and r.json()["erased"] == [] and _held(api, auth) == [HANDLE]

    assert api.client.post("/v1/erasures", headers=pending_auth,
                           json={"erasures": [_erasure(team, pending, pending_key)]}).status_code == 403
    assert api.client.post("/v1/erasures", headers=revoked_auth,
                           json={"erasures": [_erasure(team, revoked, revoked_key)]}).status_code == 401
    r = api.client.post("/v1/erasures", headers=stranger_auth, json={"erasures": [_erasure(other_team, stranger, stranger_key)]})
    assert r.status_code == 200  # stored in the stranger's own team
    assert _held(api, auth) == [HANDLE]
    assert api.client.get("/v1/erasures", headers=auth).json()["erasures"] == []

    r = api.client.post("/v1/erasures", headers=auth, json={"erasures": [_erasure(team, member, member_key)]})
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert _held(api, auth) == []
    r = api.client.post("/v1/participant-keys", headers=auth, json={"keys": [_key(key_id)]})
    assert r.status_code == 200 and r.json() == {"keys": [], "erased": [HANDLE]}
    assert _held(api, auth) == []
    r = api.client.post("/v1/erasures", headers=auth, json={"erasures": [_erasure(team, member, member_key)]})
    assert r.status_code == 200 and r.json()["stored"] == 0  # a replay adds nothing
    assert len(api.client.get("/v1/erasures", headers=auth).json()["erasures"]) == 1
