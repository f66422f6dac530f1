"""The row checksum's first format, for the migrations written before format 2 (digest.py): they compare and
rewrite checksums stored in it. Nothing else stores or checks it."""

from __future__ import annotations

import hashlib
from typing import Any

FUNCTION_V1 = "fa_digest_v1"


def digest_v1(*values: Any) -> int:
    """A signed 64-bit checksum of SQLite values, the same on every platform and Python version."""
    parts: list[bytes] = []  # hashed in one update: the same digest as one update per value, at a fraction of the calls
    add = parts.append
    for v in values:
        # Exact type checks first: this runs for every row written, and str, None and int are nearly all of them.
        t = type(v)
        if t is str:
            if "\x00" in v:  # the driver hands SQL functions text only up to a NUL: sum what fa_digest sees
                v = v.partition("\x00")[0]
            raw = v.encode("utf-8", "surrogatepass")
            add(b"s%d:" % len(raw))
            add(raw)
        elif v is None:
            add(b"\x00")
        elif t is int:
            add(b"i%d;" % v)
        elif isinstance(v, bytes):
            add(b"b%d:" % len(v))
            add(v)
        elif isinstance(v, str):
            raw = str(v).partition("\x00")[0].encode("utf-8", "surrogatepass")
            add(b"s%d:" % len(raw))
            add(raw)
        elif isinstance(v, float):
            add(b"f" + repr(v).encode() + b";")
        else:
            add(b"i" + str(int(v)).encode() + b";")
    return int.from_bytes(hashlib.blake2b(b"".join(parts), digest_size=8).digest(), "big", signed=True)
