"""Token rotation: the server route, the client (sync/token.py), the CLI, and the rotation after a key change."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from fieldapp.cli.main import main
from fieldapp.server import store as server_store
from fieldapp.sync import keys
from fieldapp.sync.protocol import HEADER, PROTOCOL_VERSION
from fieldapp.sync.token import rotate_for_folder


def _get(url: str, token: str) -> int:
    return httpx.get(url + "/v1/status", headers={HEADER: str(PROTOCOL_VERSION),
                                                  "Authorization": f"Bearer {token}"}).status_code


def test_the_old_token_works_until_the_new_one_is_used_then_never_again(team) -> None:
    server, _, (a, b, c) = team
    old = keys.token(a.id)
    assert old is not None
    r = httpx.post(server.url + "/v1/token", headers={HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {old}"})
    assert r.status_code == 200
    new = r.json()["token"]
    assert new != old
    assert _get(server.url, old) == 200  # the answer might have been lost: the old token still holds
    assert _get(server.url, new) == 200  # first use of the new one...
    assert _get(server.url, old) == 401  # ...ends the old one
    assert _get(server.url, new) == 200


def test_a_lost_answer_leaves_the_device_working_and_it_can_rotate_again(team) -> None:
    server, _, (a, b, c) = team
    old = keys.token(a.id)
    assert old is not None
    server_store.rotate_token(server.engine, server_store.authenticate(server.engine, old))  # answer never arrives
    assert a.sync().state == "done"  # still on the old token
    rotate_for_folder(a.ws.folder)
    assert keys.token(a.id) not in (None, old)
    assert _get(server.url, old) == 401
    assert a.sync().state == "done"


def test_the_client_rotates_and_keeps_syncing(team) -> None:
    server, _, (a, b, c) = team
    old = keys.token(b.id)
    rotate_for_folder(b.ws.folder)
    new = keys.token(b.id)
    assert new is not None and new != old
    assert _get(server.url, str(old)) == 401
    b.client.close()
    assert b.sync().state == "done"


def test_a_revoked_device_cannot_rotate(team) -> None:
    from fieldapp.sync.errors import SyncError

    server, _, (a, b, c) = team
    a.client.revoke(c.id)
    with pytest.raises(SyncError) as caught:
        rotate_for_folder(c.ws.folder)
    assert caught.value.kind == "auth"


def test_a_key_rotation_rotates_the_token_too(team) -> None:
    server, _, (a, b, c) = team
    a.client.revoke(c.id)
    old = keys.token(a.id)
    report = a.sync()
    assert report.rotated_key
    assert keys.token(a.id) != old and _get(server.url, str(old)) == 401
    assert a.sync().state == "done" and b.sync().state == "done"


def test_cli_sync_rotate_token(team, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    server, _, (a, b, c) = team
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    old = keys.token(b.id)
    folder: Path = b.ws.folder.path
    assert main(["sync", "rotate-token", "--data-dir", str(folder)]) == 0
    assert "new token" in capsys.readouterr().out
    assert keys.token(b.id) != old and _get(server.url, str(old)) == 401
    assert main(["sync", "--data-dir", str(folder)]) == 0


def test_a_server_without_token_rotation_leaves_the_sync_going(team, monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.routing import Route

    from fieldapp.sync.errors import SyncError

    server, _, (a, b, c) = team
    old_routes = list(server.app.router.routes)
    monkeypatch.setattr(server.app.router, "routes", [r for r in old_routes
                                                      if not (isinstance(r, Route) and r.path == "/v1/token")])
    a.client.revoke(c.id)
    old = keys.token(a.id)
    report = a.client.sync()
    assert report.state == "done" and report.rotated_key and keys.token(a.id) == old
    with pytest.raises(SyncError) as caught:
        rotate_for_folder(b.ws.folder)
    assert caught.value.message.code == "sync.token_rotation_unsupported"
