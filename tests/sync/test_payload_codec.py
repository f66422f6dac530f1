"""The batch payload codec: what it gives back, and every malformed change it refuses."""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.sync.crypto import CryptoError, decode_payload, encode_payload

_value = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.text(), st.binary(),
                   st.floats(allow_nan=False))
_change = st.tuples(st.text(min_size=1), st.text(min_size=1), st.text(min_size=1), _value, st.integers(0, 2**62))


@given(st.lists(_change, max_size=30), st.integers(0, 2**40))
def test_round_trip(changes: list[tuple[str, str, str, Any, int]], base: int) -> None:
    got = decode_payload(encode_payload(changes, base=base))
    assert got.base == base and got.changes == tuple(changes)


def _raw(changes: Any) -> bytes:
    return zlib.compress(json.dumps({"format": 1, "base": 3, "changes": changes}).encode())


def test_trailing_items_of_a_newer_format_are_ignored() -> None:
    got = decode_payload(_raw([["visit", "v1", "place", "Ørsta", 7, "later", 1], ["visit", "v1", "x", None, 8]]))
    assert got.changes == (("visit", "v1", "place", "Ørsta", 7), ("visit", "v1", "x", None, 8))


@pytest.mark.parametrize("bad", [
    [["visit", "v1", "place", "x"]],  # too short
    ["visit"],  # not a list
    [["visit", "v1", "place", "x", 7], {"e": "visit"}],
    [["visit", 1, "place", "x", 7]],  # id not text
    [["visit", "v1", None, "x", 7]],
    [["visit", "v1", "place", "x", True]],  # a boolean is no clock
    [["visit", "v1", "place", "x", 7.0]],
    [["visit", "v1", "place", "x", "7"]],
    [["visit", "v1", "place", ["a"], 7]],  # a value cannot be a list
    [["visit", "v1", "place", {"$x": "AA=="}, 7]],
    [["visit", "v1", "place", {"$b": 5}, 7]],
])
def test_malformed_changes_are_refused(bad: Any) -> None:
    with pytest.raises(CryptoError):
        decode_payload(_raw(bad))
