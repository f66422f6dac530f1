"""What a device accepts from a pull is bounded: a batch no larger than one response can carry, and a payload
that decompresses to no more than crypto.MAX_PLAINTEXT (a zip bomb from a hostile member is refused)."""

from __future__ import annotations

import base64
import uuid
import zlib

import pytest

from fieldapp.server.config import Settings
from fieldapp.storage import merge
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, identity, pull
from fieldapp.sync.admission import Admission
from fieldapp.sync.protocol import ProtocolError, PullPage, WireBatch
from fieldapp.sync.transport import MAX_RESPONSE_BYTES

SERVER = Settings(data_dir=None)  # type: ignore[arg-type]  # only the limits are read
MiB = 1024 * 1024
TEAM = str(uuid.uuid4())


def _page(blob_b64: str) -> dict[str, object]:
    batch = {"device_id": str(uuid.uuid4()), "seq": 1, "key_id": "0123456789abcdef", "blob": blob_b64, "cursor": 1}
    return {"batches": [batch], "next_cursor": 1, "has_more": False}


def test_a_pulled_batch_is_bounded_by_what_one_response_can_carry() -> None:
    # The server's largest batch is taken; the bound is a response's size, not a gibibyte.
    assert SERVER.max_batch_bytes <= pull.MAX_BLOB < 1 << 30
    assert len(base64.b64encode(bytes(pull.MAX_BLOB))) <= MAX_RESPONSE_BYTES
    largest = base64.b64encode(bytes(SERVER.max_batch_bytes)).decode()
    page = PullPage.from_json(_page(largest), max_blob=pull.MAX_BLOB)
    assert len(page.batches[0].blob) == SERVER.max_batch_bytes
    # A blob past the bound is refused by its length, before it is decoded.
    with pytest.raises(ProtocolError, match="too long"):
        PullPage.from_json(_page("A" * (len(base64.b64encode(bytes(pull.MAX_BLOB))) + 8)), max_blob=pull.MAX_BLOB)


def _bomb(size: int) -> bytes:
    """A valid payload whose JSON is `size` bytes, nearly all of it one long note: it compresses ~1000-fold."""
    head = '{"format":1,"base":0,"changes":[["participant","p","notes","'
    tail = '",1]]}'
    return zlib.compress((head + "x" * (size - len(head) - len(tail)) + tail).encode(), 9)


def test_a_payload_decompressing_past_the_bound_is_refused_with_a_clear_error() -> None:
    assert 64 * MiB == crypto.MAX_PLAINTEXT
    over = _bomb(crypto.MAX_PLAINTEXT + 1)
    assert len(over) < SERVER.max_batch_bytes // 50  # small on the wire, so only the decompressed size tells
    with pytest.raises(crypto.CryptoError, match="more than 64 MiB when decompressed"):
        crypto.decode_payload(over)
    at_limit = crypto.decode_payload(_bomb(crypto.MAX_PLAINTEXT))
    assert len(at_limit.changes) == 1 and len(at_limit.changes[0][3]) > 60 * MiB


def test_a_pulled_zip_bomb_is_quarantined_not_applied() -> None:
    me, x_public = str(uuid.uuid4()), crypto.new_device_keypair()[1]
    ed = identity.new_identity()
    keys = bundles.first_bundle(TEAM, me, x_public, identity.identity_public(ed), x_public,
                                identity.identity_public(ed)).signed(me, ed)
    blob = crypto.seal_batch(keys.current_key, ed, _bomb(crypto.MAX_PLAINTEXT + 1), team_id=TEAM, device_id=me,
                             seq=1, key_id=keys.current)
    taken = Admission(TEAM, "other", keys, {}).take(WireBatch(me, 1, keys.current, blob, 1))
    assert isinstance(taken, merge.RemoteBatch) and not taken.changes
    assert "more than 64 MiB when decompressed" in (taken.problem or "")
