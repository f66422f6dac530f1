"""What an operator could read out of stored bytes without any key: the bytes themselves, any compressed stream
in them (zlib or raw deflate, from any of the first 64 offsets, so a nonce or header in front does not hide it),
and any base64 run in what comes out, over and over. It knows nothing of the app's formats: if a layer of
encryption were left out, whatever the layer under it is (compressed JSON with base64 envelopes, say) is dug
through to the text."""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, select

from fieldapp.server.db import metadata

_BASE64 = re.compile(rb"[A-Za-z0-9+/_-]{24,}={0,2}")
_OFFSETS = 64
_DEPTH = 4
_LIMIT = 32 * 1024 * 1024


def dug(data: bytes, depth: int = 0) -> Iterator[bytes]:
    """`data`, and every plaintext that can be taken out of it without a key."""
    yield data
    if depth >= _DEPTH:
        return
    view = memoryview(data)
    for start in range(min(len(data), _OFFSETS)):
        for wbits in (15, -15):  # a zlib stream, raw deflate
            inflate = zlib.decompressobj(wbits)
            try:
                out = inflate.decompress(view[start:], _LIMIT)
            except zlib.error:
                continue
            if inflate.eof and len(out) >= 8:  # a whole stream: random bytes rarely make one
                yield from dug(out, depth + 1)
    for run in _BASE64.finditer(data):
        text = run.group()
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(text + b"=" * (-len(text) % 4))
            except (binascii.Error, ValueError):
                continue
            yield from dug(raw, depth + 1)


def stored_values(engine: Engine) -> list[bytes]:
    """Every value of every column of every table of the server's database, as bytes."""
    out: list[bytes] = []
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                out += [_as_bytes(v) for v in row if v is not None]
    return out


def _as_bytes(value: Any) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


def found(needles: Iterable[str], stored: Iterable[bytes]) -> set[str]:
    """Which of `needles` (UTF-8) can be read out of `stored` without a key."""
    wanted = {n: n.encode() for n in needles}
    seen: set[str] = set()
    for value in stored:
        for plain in dug(value):
            seen |= {n for n, b in wanted.items() if b in plain}
    return seen
