"""The client's limits fit the server's: what a device sends is never refused for its size, and what a server
sends within its own limits is never refused by the device."""

from __future__ import annotations

import json
import uuid

from fieldapp.server.config import Settings
from fieldapp.sync import bundle, crypto, engine, identity
from fieldapp.sync.protocol import RECOVERY_RECIPIENT, KeyEnvelope, KeyUpdate, PullPage, PushRequest, WireBatch
from fieldapp.sync.transport import MAX_RESPONSE_BYTES

SERVER = Settings(data_dir=None)  # type: ignore[arg-type]  # only the limits are read


def _json_size(doc: object) -> int:
    return len(json.dumps(doc).encode())


def test_the_largest_push_a_device_makes_fits_the_server() -> None:
    assert SERVER.max_batches_per_push >= engine.MAX_PUSH_BATCHES
    # The engine fills a push up to MAX_PUSH_BYTES of ciphertext; base64 and JSON add the rest.
    batches = tuple(WireBatch(str(uuid.uuid4()), i + 1, "0123456789abcdef", bytes(engine.MAX_PUSH_BYTES //
                                                                                      engine.MAX_PUSH_BATCHES))
                    for i in range(engine.MAX_PUSH_BATCHES))
    assert _json_size(PushRequest(batches).to_json()) <= SERVER.max_body_bytes


def test_the_largest_page_a_server_sends_fits_the_client() -> None:
    device = str(uuid.uuid4())
    # The server's worst page: just under page_bytes of small batches, or one batch of the largest size.
    one_big = (WireBatch(device, 1, "0123456789abcdef", bytes(SERVER.max_batch_bytes), 1),)
    many = tuple(WireBatch(device, i + 1, "0123456789abcdef", bytes(SERVER.page_bytes // 200), i + 1)
                 for i in range(200))
    for batches in (one_big, many):
        page = PullPage(batches, batches[-1].cursor or 0, True, None)
        assert _json_size(page.to_json()) <= MAX_RESPONSE_BYTES


def test_a_key_update_for_a_large_team_with_a_long_history_fits_the_server() -> None:
    # A signed bundle for 60 members (two public keys each) that has rotated 60 times, wrapped for every member
    # and the recovery key: the largest key update a team is likely to make.
    signers = {str(uuid.uuid4()): identity.new_identity() for _ in range(60)}
    founder, founder_key = next(iter(signers.items()))
    team = str(uuid.uuid4())
    recovery = crypto.new_device_keypair()[1]
    b = bundle.first_bundle(team, founder, crypto.new_device_keypair()[1], identity.identity_public(founder_key),
                            recovery, identity.identity_public(identity.new_identity()))
    for device, private in list(signers.items())[1:]:
        b = b.with_member(device, crypto.new_device_keypair()[1], identity.identity_public(private))
    for _ in range(59):
        b = b.rotated({})
    b = b.signed(founder, founder_key)
    assert len(b.keys) == 60 and len(b.members) == 60
    envelopes = tuple(KeyEnvelope(d, b.epoch, bundle.seal_bundle(b, d, pub)) for d, pub in b.members.items())
    envelopes += (KeyEnvelope(RECOVERY_RECIPIENT, b.epoch, bundle.seal_bundle(b, RECOVERY_RECIPIENT, recovery)),)
    assert _json_size(KeyUpdate(b.epoch - 1, b.current, envelopes).to_json()) <= SERVER.keys_body_bytes
