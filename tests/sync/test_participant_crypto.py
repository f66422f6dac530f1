"""Participant envelopes inside a batch: round trip, bound to their batch, dropped for an erased participant."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.sync.crypto import CryptoError, decode_payload, encode_payload
from fieldapp.sync.participant_crypto import (
    ENVELOPE, KeyMissing, open_envelopes, seal_envelopes, unwrap_key, wrap_key,
)

KEYS = {"p1": secrets.token_bytes(32), "p2": secrets.token_bytes(32)}
CHANGES = [("employer", "e1", "name", "Kafé Måken", 5), ("participant", "p1", "last_name", "Ødegård", 6),
           ("visit", "v1", "summary", "Samtale", 7), ("visit", "v2", "photo", b"\x00\xff", 8)]
OWNERS = {("participant", "p1"): "p1", ("visit", "v1"): "p1", ("visit", "v2"): "p2"}


def _sealed(seq: int = 3) -> list[tuple[str, str, str, object, int]]:
    return seal_envelopes(CHANGES, OWNERS, KEYS, team_id="t", device_id="d", seq=seq)


def test_round_trip_keeps_plain_records_plain_and_hides_the_rest() -> None:
    sealed = _sealed()
    assert [c for c in sealed if c[0] != ENVELOPE] == [CHANGES[0]]
    assert sorted(c[1] for c in sealed if c[0] == ENVELOPE) == ["p1", "p2"]
    assert b"\xc3\x98deg" not in encode_payload(sealed, base=0)  # "Ødeg…" is not in the outer payload
    payload = decode_payload(encode_payload(sealed, base=0))
    opened, dropped = open_envelopes(payload.changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)
    assert sorted(opened, key=lambda c: c[4]) == CHANGES and dropped == {}


def test_an_envelope_opens_only_with_its_key_and_in_its_batch() -> None:
    sealed = _sealed()
    wrong = {"p1": KEYS["p2"], "p2": KEYS["p2"]}
    with pytest.raises(CryptoError):
        open_envelopes(sealed, wrong.get, lambda _p: False, team_id="t", device_id="d", seq=3)
    with pytest.raises(CryptoError):
        open_envelopes(sealed, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=4)
    with pytest.raises(KeyMissing):
        open_envelopes(sealed, {"p2": KEYS["p2"]}.get, lambda _p: False, team_id="t", device_id="d", seq=3)


def test_an_erased_participant_is_dropped_and_counted_also_as_a_plain_change() -> None:
    opened, dropped = open_envelopes(_sealed(), {"p2": KEYS["p2"]}.get, lambda p: p == "p1", team_id="t",
                                     device_id="d", seq=3)
    assert {c[1] for c in opened} == {"e1", "v2"} and dropped == {"p1": 1}
    opened, dropped = open_envelopes(CHANGES, KEYS.get, lambda p: p == "p1", team_id="t", device_id="d", seq=3)
    assert ("participant", "p1") not in {(c[0], c[1]) for c in opened} and dropped == {"p1": 1}


@given(st.binary(min_size=32, max_size=32), st.text(alphabet="0123456789abcdef", min_size=32, max_size=32))
def test_wrapped_key_opens_only_for_its_handle_and_team(key: bytes, handle: str) -> None:
    team_key = secrets.token_bytes(32)
    wrapped = wrap_key(team_key, key, team_id="t", handle=handle, key_id="k")
    assert unwrap_key(team_key, wrapped, team_id="t", handle=handle, key_id="k") == key
    with pytest.raises(CryptoError):
        unwrap_key(team_key, wrapped, team_id="other", handle=handle, key_id="k")
    with pytest.raises(CryptoError):
        unwrap_key(secrets.token_bytes(32), wrapped, team_id="t", handle=handle, key_id="k")


def test_a_malformed_change_in_one_envelope_names_that_participant() -> None:
    import json
    import os
    import zlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from fieldapp.sync.participant_crypto import _aad

    good = seal_envelopes(CHANGES, OWNERS, KEYS, team_id="t", device_id="d", seq=3)
    nonce = os.urandom(12)
    body = zlib.compress(json.dumps([["visit", "v9", "summary", "x", "not a clock"]]).encode())
    bad = nonce + AESGCM(KEYS["p2"]).encrypt(nonce, body, _aad(team_id="t", device_id="d", seq=3, participant_id="p2"))
    changes = [c if c[1] != "p2" else (ENVELOPE, "p2", "", bad, 0) for c in good]
    with pytest.raises(CryptoError, match="envelope p2: malformed change"):
        open_envelopes(changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)
