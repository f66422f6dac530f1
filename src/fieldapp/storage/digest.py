"""A checksum of a record's stored values, kept with its clocks, so `fieldapp check` finds rows changed
behind change capture's back (the device keeps no change log to compare values with)."""

from __future__ import annotations

import hashlib
from typing import Any

FUNCTION = "fa_digest"


def digest(*values: Any) -> int:
    """A signed 64-bit checksum of SQLite values, the same on every platform and Python version."""
    h = hashlib.blake2b(digest_size=8)
    for v in values:
        if v is None:
            h.update(b"\x00")
        elif isinstance(v, bytes):
            h.update(b"b%d:" % len(v) + v)
        elif isinstance(v, str):
            raw = v.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(raw) + raw)
        elif isinstance(v, float):
            h.update(b"f" + repr(v).encode() + b";")
        else:
            h.update(b"i" + str(int(v)).encode() + b";")
    return int.from_bytes(h.digest(), "big", signed=True)


def register(dbapi_conn: Any) -> None:
    """Make fa_digest(...) callable from SQL (the capture triggers and `fieldapp check` use it)."""
    dbapi_conn.create_function(FUNCTION, -1, digest, deterministic=True)
