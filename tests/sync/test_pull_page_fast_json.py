"""A pull page is read with orjson: what it reads must be what json.loads reads, and an answer the two read
differently (a whole number beyond 64 bits) must be refused either way."""

from __future__ import annotations

import base64
import json
import os
import uuid

import pytest

from fieldapp.sync.protocol import MAX_CURSOR, ProtocolError, PullPage
from fieldapp.sync.transport import _body


def _page(**changes: object) -> dict[str, object]:
    batch = {"device_id": str(uuid.uuid4()), "seq": 3, "key_id": "0123456789abcdef",
             "blob": base64.b64encode(os.urandom(200)).decode(), "cursor": 41}
    return {"batches": [{**batch, **changes}], "next_cursor": 41, "has_more": False}


def test_a_page_reads_the_same_with_orjson_as_with_json() -> None:
    raw = json.dumps(_page()).encode()
    assert _body(raw, True) == _body(raw, False) == json.loads(raw)
    a = PullPage.from_json(_body(raw, True), max_blob=1 << 20)
    assert a == PullPage.from_json(json.loads(raw), max_blob=1 << 20)


@pytest.mark.parametrize("raw", [b'{"message": "\\ud800"}', b'\xef\xbb\xbf{"a": 1}', b"not json"], ids=repr)
def test_what_orjson_refuses_is_read_as_json_reads_it(raw: bytes) -> None:
    assert _body(raw, True) == _body(raw, False)


@pytest.mark.parametrize("field", ["seq", "cursor"])
def test_a_number_beyond_64_bits_is_refused_whichever_reads_it(field: str) -> None:
    raw = json.dumps(_page(**{field: 2**70})).encode()
    assert type(_body(raw, True)["batches"][0][field]) is float  # orjson's reading: not what json.loads gives
    for fast in (True, False):
        with pytest.raises(ProtocolError):
            PullPage.from_json(_body(raw, fast), max_blob=1 << 20)
    assert MAX_CURSOR < 2**63
