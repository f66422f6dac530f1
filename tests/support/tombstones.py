"""Tombstones for erasure tests: signed as a device signs them, and forged straight into a server's table."""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert

from fieldapp.server import store
from fieldapp.server.db import erasures
from fieldapp.sync import identity
from fieldapp.sync.erasure_protocol import WireErasure, erasure_message
from fieldapp.sync.protocol import HEADER, PROTOCOL_VERSION


def signed(team_id: str, handle: str, device_id: str, private: bytes, *, reason: str = "other",
           at: str = "2026-12-03T10:00:00Z") -> WireErasure:
    unsigned = WireErasure(handle, at, device_id, reason, b"")
    return WireErasure(handle, at, device_id, reason, identity.sign(private, erasure_message(team_id, unsigned)))


def forge(engine: Engine, team_id: str, items: Iterable[WireErasure]) -> None:
    """What a hostile operator can do: write tombstones into the server's table, past every check."""
    with engine.begin() as conn:
        conn.execute(insert(erasures), [dict(team_id=team_id, handle=e.handle, erased_at=e.erased_at,
                                             device_id=e.device_id, reason_code=e.reason_code, signature=e.signature,
                                             received_at=datetime.now(UTC)) for e in items])


def enroll_signing(client: Any, engine: Engine, team_id: str) -> tuple[str, dict[str, str], bytes]:
    """Enroll over HTTP as the app does (X25519 and Ed25519 public keys): (device id, auth headers, signing key)."""
    private = identity.new_identity()
    code = store.enrollment_code(engine, team_id, ttl_s=60)[0]
    device_id = str(uuid.uuid4())
    public = identity.join_device_keys(os.urandom(32), identity.identity_public(private))
    headers = {HEADER: str(PROTOCOL_VERSION)}
    r = client.post("/v1/enroll", headers=headers, json={
        "code": code, "device_id": device_id, "name": "laptop", "public_key": base64.b64encode(public).decode()})
    assert r.status_code == 201, r.text
    return device_id, {**headers, "Authorization": f"Bearer {r.json()['token']}"}, private
