"""Payload format 2 (packed by record): the same changes come back, malformed sets are refused, and a batch
an older release wrote in format 1 (the server's history keeps them) still pulls and merges."""

from __future__ import annotations

import json
import os
import zlib
from datetime import UTC, datetime
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.record_changes import field_changes
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.storage.clocks import field_stamps
from fieldapp.sync import change_sets, crypto, participant_crypto, participant_sync
from fieldapp.sync.change_sets import pack, unpack
from fieldapp.sync.crypto import CryptoError, decode_payload, encode_payload
from fieldapp.sync.participant_crypto import ENVELOPE, KeyMissing, _aad, open_envelopes, seal_envelopes

_value = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.text(), st.binary(),
                   st.floats(allow_nan=False))
# Few entities, ids and fields, so records repeat, runs of one record form, and fields repeat inside a record.
_change = st.tuples(st.sampled_from(["visit", "participant", "$participant"]), st.sampled_from(["r1", "r2", "r3"]),
                    st.sampled_from(["a", "b", "c", ""]), _value, st.integers(0, 2**62))


@given(st.lists(_change, max_size=40), st.integers(0, 2**40))
def test_round_trip_gives_the_same_changes_in_the_same_order(changes: list[Any], base: int) -> None:
    got = decode_payload(encode_payload(changes, base=base))
    assert got.base == base and got.changes == tuple(changes)
    assert unpack(json.loads(json.dumps(pack(changes)))) == tuple(changes)


def test_a_record_travels_as_one_row_with_only_the_odd_clocks_listed() -> None:
    changes = [("visit", "v1", "place", "Ørsta", 7), ("visit", "v1", "summary", b"\x00", 7),
               ("visit", "v1", "deleted_at", None, 9), ("visit", "v2", "place", "Volda", 8),
               ("visit", "v2", "summary", "ok", 8), ("visit", "v2", "deleted_at", None, 8)]
    assert pack(changes) == [["visit", ["place", "summary", "deleted_at"],
                              [["v1", 7, ["Ørsta", {"$b": "AA=="}, None], [2, 9]], ["v2", 8, ["Volda", "ok", None]]]]]
    doc = json.loads(zlib.decompress(encode_payload(changes, base=3)))
    assert doc["format"] == crypto.PAYLOAD_FORMAT == 2 and "changes" not in doc


def _raw2(records: Any) -> bytes:
    return zlib.compress(json.dumps({"format": 2, "base": 3, "records": records}).encode())


def test_items_a_newer_format_adds_are_ignored() -> None:
    got = decode_payload(_raw2([["visit", ["place"], [["v1", 7, ["Ørsta"], [], "later"]], "later"]]))
    assert got.changes == (("visit", "v1", "place", "Ørsta", 7),)


@pytest.mark.parametrize("bad", [
    None, {"visit": []}, ["visit"], [["visit", ["place"]]],  # no list of groups, a group too short
    [[1, ["place"], [["v1", 7, ["x"]]]]],  # entity not text
    [["visit", ["place", 2], [["v1", 7, ["x", "y"]]]]],  # field name not text
    [["visit", ["place"], [["v1", 7]]]],  # row too short
    [["visit", ["place"], ["v1"]]],  # row not a list
    [["visit", ["place"], [[1, 7, ["x"]]]]],  # id not text
    [["visit", ["place"], [["v1", True, ["x"]]]]],  # a boolean is no clock
    [["visit", ["place"], [["v1", 7.0, ["x"]]]]],
    [["visit", ["place"], [["v1", 7, ["x", "y"]]]]],  # more values than fields
    [["visit", ["place"], [["v1", 7, "x"]]]],
    [["visit", ["place"], [["v1", 7, [["a"]]]]]],  # a value cannot be a list
    [["visit", ["place"], [["v1", 7, [{"$x": "AA=="}]]]]],
    [["visit", ["place"], [["v1", 7, [{"$b": 5}]]]]],
    [["visit", ["place"], [["v1", 7, ["x"], [0]]]]],  # field clocks not in pairs
    [["visit", ["place"], [["v1", 7, ["x"], [1, 8]]]]],  # no field 1
    [["visit", ["place"], [["v1", 7, ["x"], [0, "8"]]]]],
])
def test_malformed_records_are_refused(bad: Any) -> None:
    with pytest.raises(CryptoError):
        decode_payload(_raw2(bad))


KEYS = {"p1": os.urandom(32), "p2": os.urandom(32)}
CHANGES = [("participant", "p1", "last_name", "Ødegård", 5), ("visit", "v1", "participant_id", "p1", 6),
           ("visit", "v1", "summary", "Samtale om turnus", 6), ("employer", "e1", "name", "Brød AS", 7),
           ("participant", "p2", "last_name", "Vik", 8)]
OWNERS = {("participant", "p1"): "p1", ("visit", "v1"): "p1", ("participant", "p2"): "p2"}


def _p2_envelope_of(body: bytes) -> list[Any]:
    """CHANGES sealed, participant p2's envelope replaced by `body` encrypted under p2's key."""
    good = seal_envelopes(CHANGES, OWNERS, KEYS, team_id="t", device_id="d", seq=3)
    nonce = os.urandom(12)
    bad = nonce + AESGCM(KEYS["p2"]).encrypt(nonce, body, _aad(team_id="t", device_id="d", seq=3, participant_id="p2"))
    return [c if c[1] != "p2" else (ENVELOPE, "p2", "", bad, 0) for c in good]


def test_envelopes_in_format_2_open_to_the_same_changes() -> None:
    sealed = seal_envelopes(CHANGES, OWNERS, KEYS, team_id="t", device_id="d", seq=3)
    payload = decode_payload(encode_payload(sealed, base=0))
    opened, dropped = open_envelopes(payload.changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)
    assert sorted(opened) == sorted(CHANGES) and dropped == {}
    with pytest.raises(KeyMissing):
        open_envelopes(sealed, {"p2": KEYS["p2"]}.get, lambda _p: False, team_id="t", device_id="d", seq=3)


def test_a_malformed_record_in_one_format_2_envelope_names_that_participant() -> None:
    good = seal_envelopes(CHANGES, OWNERS, KEYS, team_id="t", device_id="d", seq=3)
    nonce = os.urandom(12)
    body = zlib.compress(json.dumps({"records": [["visit", ["summary"], [["v9", "not a clock", ["x"]]]]]}).encode())
    bad = nonce + AESGCM(KEYS["p2"]).encrypt(nonce, body, _aad(team_id="t", device_id="d", seq=3, participant_id="p2"))
    changes = [c if c[1] != "p2" else (ENVELOPE, "p2", "", bad, 0) for c in good]
    with pytest.raises(CryptoError, match="envelope p2: malformed change"):
        open_envelopes(changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)



@pytest.mark.parametrize("body", [b"x\x01" + b"\xff" * 40, zlib.compress(b'{"records": []}')[:-6], b""], ids=repr)
def test_a_damaged_stream_in_a_batch_or_an_envelope_is_refused_with_a_reason(body: bytes) -> None:
    """ISA-L's inflate raises its own error, not zlib's: a damaged or cut stream must still be refused (the batch
    quarantined with a reason), never raise past the pull."""
    with pytest.raises(CryptoError, match="payload: not readable"):
        decode_payload(body)
    changes = _p2_envelope_of(body)
    with pytest.raises(CryptoError, match="envelope p2 does not open"):
        open_envelopes(changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)

# Format 1, as an older release wrote it: every field change a list, envelopes holding such lists.

def _encode_v1(changes: Sequence[Any], *, base: int) -> bytes:
    listed = [(e, i, f, change_sets.enc_value(v), h) for e, i, f, v, h in changes]  # the old writer
    doc = {"format": 1, "base": base, "changes": listed}
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _seal_v1(changes: Sequence[Any], owners: Mapping[tuple[str, str], str], keys: Mapping[str, bytes], *,
             team_id: str, device_id: str, seq: int) -> list[Any]:
    plain: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for c in changes:
        pid = owners.get((c[0], c[1]))
        (plain if pid is None else groups.setdefault(pid, [])).append(c)
    for pid, items in groups.items():
        if pid not in keys:
            raise KeyMissing(pid)
        body = zlib.compress(json.dumps([(e, i, f, change_sets.enc_value(v), h) for e, i, f, v, h in items],
                                        ensure_ascii=False).encode())
        nonce = os.urandom(12)
        aad = participant_crypto._aad(team_id=team_id, device_id=device_id, seq=seq, participant_id=pid)  # noqa: SLF001 - the test reaches the private part it checks or replaces
        plain.append((ENVELOPE, pid, "", nonce + AESGCM(keys[pid]).encrypt(nonce, body, aad), 0))
    return plain


def test_a_batch_in_format_1_still_pulls_and_merges(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, (a, b, _c) = team
    people = records.save_all(a.ws, [Participant(first_name="Åse", last_name="Øvrebø"),
                                     Participant(first_name="Per", last_name="Lien")])
    records.save_all(a.ws, [Visit(participant_id=p.id, summary=f"Samtale med {p.first_name} på Ørsta",
                                  place="Volda", starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC)) for p in people])
    written: list[str] = []

    def old_batch(changes: Sequence[Any], *, base: int) -> bytes:
        written.append("batch")
        return _encode_v1(changes, base=base)

    def old_envelopes(records: Sequence[Any], *args: Any, **kwargs: Any) -> list[Any]:
        written.append("envelopes")
        return _seal_v1(field_changes(records), *args, **kwargs)
    with monkeypatch.context() as old_release:
        old_release.setattr(crypto, "encode_payload", old_batch)
        old_release.setattr(participant_sync, "seal_records", old_envelopes)
        assert a.sync().pushed_batches >= 1
    assert "batch" in written and "envelopes" in written
    pulled = b.sync()
    assert pulled.applied_changes > 0 and pulled.quarantined == 0
    with b.ws.folder.read() as s:
        got = s.connection().exec_driver_sql("SELECT summary FROM visit ORDER BY summary").scalars().all()
    assert got == ["Samtale med Per på Ørsta", "Samtale med Åse på Ørsta"]
    columns = {"participant": ["first_name", "last_name"], "visit": ["summary", "place", "participant_id"]}
    with a.ws.folder.read() as sa, b.ws.folder.read() as sb:
        assert field_stamps(sa.connection(), columns) == field_stamps(sb.connection(), columns)


def test_an_infinite_float_comes_back_as_it_went() -> None:
    changes = [("visit", "v1", "score", float("inf"), 7), ("visit", "v1", "low", -float("inf"), 7),
               ("visit", "v2", "score", 1.5, 8)]
    assert decode_payload(encode_payload(changes, base=0)).changes == tuple(changes)
    sealed = seal_envelopes(changes, {("visit", "v1"): "p1"}, KEYS, team_id="t", device_id="d", seq=3)
    opened, _ = open_envelopes(decode_payload(encode_payload(sealed, base=0)).changes, KEYS.get, lambda _p: False,
                               team_id="t", device_id="d", seq=3)
    assert sorted(opened) == sorted(changes)


def test_an_integer_beyond_64_bits_comes_back_as_it_went() -> None:
    changes = [("visit", "v1", "big", 2**70, 7), ("visit", "v1", "small", -(2**65), 7), ("visit", "v2", "n", 3, 8)]
    assert decode_payload(encode_payload(changes, base=0)).changes == tuple(changes)


def test_numbers_orjson_reads_otherwise_come_back_as_json_reads_them() -> None:
    """A change set is read by orjson, which reads a whole number beyond 64 bits as a float: a clock, a field's own
    clock, the base and a value that big come back exactly (read again by json.loads), in a batch and in an
    envelope, and so does a float next to them."""
    changes = [("visit", "v1", "big", 2**70, 2**65), ("visit", "v1", "n", 1, 2**66 + 1), ("visit", "v2", "f", 0.1, 8),
               ("visit", "v3", "n", 3, 9)]
    got = decode_payload(encode_payload(changes, base=2**64 + 5))
    assert got.changes == tuple(changes) and got.base == 2**64 + 5
    assert [type(c[3]) for c in got.changes] == [int, int, float, int] and type(got.changes[1][4]) is int
    sealed = seal_envelopes(changes, {("visit", "v1"): "p1", ("visit", "v2"): "p2"}, KEYS, team_id="t",
                            device_id="d", seq=3)
    opened, _ = open_envelopes(decode_payload(encode_payload(sealed, base=0)).changes, KEYS.get, lambda _p: False,
                               team_id="t", device_id="d", seq=3)
    assert sorted(opened) == sorted(changes)
    assert {c[:3]: (type(c[3]), type(c[4])) for c in opened}[("visit", "v1", "n")] == (int, int)


def test_an_envelope_larger_than_the_limit_when_inflated_is_refused_as_too_large() -> None:
    """ISA-L's inflate can stop at the limit with the whole input taken in (no unconsumed tail): the envelope must
    still be refused as too large, not cut short and misread."""
    body = zlib.compress(b" " * (crypto.MAX_PLAINTEXT + 10), 9)  # inflated to the limit, no tail left
    with pytest.raises(CryptoError, match="MiB when decompressed"):
        decode_payload(body)
    changes = _p2_envelope_of(body)
    with pytest.raises(CryptoError, match="envelope p2: too large when decompressed"):
        open_envelopes(changes, KEYS.get, lambda _p: False, team_id="t", device_id="d", seq=3)
