"""Server fixtures: the app in-process (Starlette TestClient) over a fresh database per test."""

from __future__ import annotations

import base64
import os
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "use httpx2": the test client works with httpx as installed
    from starlette.testclient import TestClient

from fieldapp.server import store
from fieldapp.server.app import create_app
from fieldapp.server.config import Settings
from fieldapp.server.db import make_engine
from fieldapp.sync.protocol import HEADER, PROTOCOL_VERSION

H = {HEADER: str(PROTOCOL_VERSION)}


class Api:
    def __init__(self, client: TestClient, engine: Any) -> None:
        self.client = client
        self.engine = engine

    def team(self) -> str:
        return store.create_team(self.engine, "Team Sør")

    def enroll(self, team_id: str, public_key: bytes | None = None) -> tuple[str, dict[str, str]]:
        """A device enrolled with `public_key` (by default 32 random bytes: a release with no signing key)."""
        code = store.enrollment_code(self.engine, team_id, ttl_s=60)[0]
        device_id = str(uuid.uuid4())
        r = self.client.post("/v1/enroll", headers=H, json={
            "code": code, "device_id": device_id, "name": "laptop",
            "public_key": base64.b64encode(public_key or os.urandom(32)).decode()})
        assert r.status_code == 201, r.text
        return device_id, {**H, "Authorization": f"Bearer {r.json()['token']}"}

    def first_key(self, auth: dict[str, str], device_id: str) -> str:
        key_id = secrets.token_hex(8)
        env = lambda rcpt: {"recipient": rcpt, "key_epoch": 1,  # noqa: E731 - a one-line helper kept beside its only use
                            "blob": base64.b64encode(os.urandom(92)).decode()}
        r = self.client.post("/v1/keys", headers=auth, json={
            "expected_epoch": 0, "key_id": key_id, "envelopes": [env(device_id), env("recovery")],
            "recovery_auth_hash": "0" * 64})
        assert r.status_code == 200, r.text
        return key_id


def batch(device_id: str, seq: int, key_id: str, blob: bytes | None = None) -> dict[str, Any]:
    return {"device_id": device_id, "seq": seq, "key_id": key_id,
            "blob": base64.b64encode(blob if blob is not None else os.urandom(64)).decode()}


def make_api(settings: Settings) -> Iterator[Api]:
    engine = make_engine(settings.url)
    with TestClient(create_app(settings, engine), raise_server_exceptions=False) as client:
        yield Api(client, engine)
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "server", max_body_bytes=256 * 1024, max_batch_bytes=64 * 1024)


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    yield from make_api(settings)
