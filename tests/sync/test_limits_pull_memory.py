"""A page of large batches stays within a stated memory bound on the client.

The bound: reading and parsing one pull page costs at most 3 × MAX_RESPONSE_BYTES (48 MiB) of Python memory
(the answer's bytes, the parsed JSON text, and the decoded blobs), whatever the server holds. The server (in
its own process, so only the client is measured) chooses pages of at most 8 MiB of ciphertext.
"""

from __future__ import annotations

import base64
import os
import tracemalloc
import uuid
from pathlib import Path

from fieldapp.sync.protocol import PullPage
from fieldapp.sync.transport import MAX_RESPONSE_BYTES, Transport
from tests.support.sync_server import ServerProcess

MB = 1024 * 1024
PAGE_BYTES = 8 * MB  # the server's default page_bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_a_page_of_large_batches_stays_within_the_memory_bound(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()
    try:
        team = server.admin("team", "create", "Store pakker")
        code = server.admin("enrollment-code", team)
        device_id = str(uuid.uuid4())
        with Transport(server.url) as t:
            token = t.call("POST", "/v1/enroll", idempotent=False, json={
                "code": code, "device_id": device_id, "name": "d", "public_key": _b64(os.urandom(32))}).body["token"]
        with Transport(server.url, token) as t:
            key_id = "0123456789abcdef"
            envelope = lambda rcpt: {"recipient": rcpt, "key_epoch": 1, "blob": _b64(os.urandom(92))}  # noqa: E731 - a one-line helper kept beside its only use
            assert t.call("POST", "/v1/keys", json={"expected_epoch": 0, "key_id": key_id, "recovery_auth_hash": "0" * 64,
                                                   "envelopes": [envelope(device_id), envelope("recovery")]}).status == 200
            sizes = [3 * MB] * 6 + [7 * MB] * 2
            for seq, size in enumerate(sizes, 1):
                r = t.call("POST", "/v1/batches", json={"batches": [
                    {"device_id": device_id, "seq": seq, "key_id": key_id, "blob": _b64(os.urandom(size))}]})
                assert r.status == 200, r.body

            tracemalloc.start()
            try:
                pages: list[list[int]] = []
                after, peak = 0, 0
                while True:
                    tracemalloc.reset_peak()
                    resp = t.call("GET", "/v1/batches", params={"after": after, "limit": 25})
                    page = PullPage.from_json(resp.body, max_blob=MAX_RESPONSE_BYTES)
                    del resp
                    peak = max(peak, tracemalloc.get_traced_memory()[1])
                    pages.append([len(b.blob) for b in page.batches])
                    after = page.next_cursor
                    if not page.has_more:
                        break
                    del page
            finally:
                tracemalloc.stop()
    finally:
        server.stop()
    assert sum(map(sum, pages)) == sum(sizes)
    assert all(sum(p) <= PAGE_BYTES for p in pages) and max(map(len, pages)) == 2
    print(f"peak {peak / MB:.1f} MiB for pages of {[sum(p) // MB for p in pages]} MiB")
    assert peak <= 3 * MAX_RESPONSE_BYTES, f"peak {peak / MB:.1f} MiB"
