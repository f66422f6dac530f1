"""The push packs and seals whole records: the same documents and envelopes as packing their field changes."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.record_changes import Record, field_changes
from fieldapp.sync.change_sets import packed_json, packed_records_json, unpack
from fieldapp.sync.crypto import decode_payload, encode_payload
from fieldapp.sync.participant_crypto import KeyMissing, open_envelopes, seal_records

_value = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.text(), st.binary(),
                   st.floats(allow_nan=False))
KEYS = {"p1": b"\x01" * 32, "p2": b"\x02" * 32}


@st.composite
def _record(draw: Any) -> Record:
    names = draw(st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True, max_size=4))
    values = tuple(draw(st.lists(_value, min_size=len(names), max_size=len(names))))
    clocks = draw(st.lists(st.sampled_from([5, 7, 2**62]), min_size=len(names), max_size=len(names)))
    hlc = clocks[0] if clocks else 1
    odd = [x for k, c in enumerate(clocks) if c != hlc for x in (k, c)]
    return (draw(st.sampled_from(["visit", "participant"])), draw(st.sampled_from(["r1", "r2", "r3"])),
            tuple(names), values, hlc, odd or None)


@given(st.lists(_record(), max_size=12))
def test_packed_records_give_back_their_field_changes(records: list[Record]) -> None:
    changes = field_changes(records)
    doc = json.loads(packed_records_json({"format": 2}, records))
    assert doc["format"] == 2 and unpack(doc["records"]) == tuple(changes)
    if all((r[0], r[1]) != (s[0], s[1]) for r, s in pairwise(r for r in records if r[2])):
        # Consecutive records of one record would be one row when packed field by field: otherwise the same.
        assert doc == json.loads(packed_json({"format": 2}, changes))


def test_a_record_with_odd_clocks_is_one_row_with_them_listed() -> None:
    records: list[Record] = [("visit", "v1", ("place", "summary"), ("Ørsta", b"\x00"), 7, [1, 9]),
                             ("visit", "v2", ("place", "summary"), ("Volda", "ok"), 8, None),
                             ("visit", "v3", ("place",), ("Hareid",), 8, None)]
    assert json.loads(packed_records_json({}, records)) == {"records": [
        ["visit", ["place", "summary"], [["v1", 7, ["Ørsta", {"$b": "AA=="}], [1, 9]], ["v2", 8, ["Volda", "ok"]]]],
        ["visit", ["place"], [["v3", 8, ["Hareid"]]]]]}
    assert field_changes(records)[:2] == [("visit", "v1", "place", "Ørsta", 7), ("visit", "v1", "summary", b"\x00", 9)]


def test_an_infinite_float_in_a_record_comes_back() -> None:
    records: list[Record] = [("visit", "v1", ("score", "low"), (float("inf"), -float("inf")), 7, None)]
    assert unpack(json.loads(packed_records_json({}, records))["records"]) == tuple(field_changes(records))


@given(st.lists(_record(), max_size=12), st.lists(st.sampled_from(["p1", "p2", None]), min_size=3, max_size=3))
def test_sealed_records_open_to_their_field_changes(records: list[Record], owner_of: list[str | None]) -> None:
    owners = {(e, i): p for e in ("visit", "participant") for i, p in zip(("r1", "r2", "r3"), owner_of) if p}
    sealed = seal_records(records, owners, KEYS, team_id="t", device_id="d", seq=4)
    opened, dropped = open_envelopes(decode_payload(encode_payload(sealed, base=0)).changes, KEYS.get,
                                     lambda _p: False, team_id="t", device_id="d", seq=4)
    assert not dropped
    # Plain records first, then each participant's in the order first met: as seal_envelopes orders them.
    plain = [r for r in records if (r[0], r[1]) not in owners]
    by_owner: dict[str, list[Record]] = {}
    for r in records:
        if (r[0], r[1]) in owners:
            by_owner.setdefault(owners[(r[0], r[1])], []).append(r)
    assert list(opened) == field_changes(plain) + [c for rs in by_owner.values() for c in field_changes(rs)]


def test_a_record_of_a_participant_without_a_key_is_refused() -> None:
    records: list[Record] = [("visit", "v1", ("place",), ("Ørsta",), 7, None)]
    try:
        seal_records(records, {("visit", "v1"): "p9"}, KEYS, team_id="t", device_id="d", seq=1)
    except KeyMissing as exc:
        assert exc.args == ("p9",)
    else:
        raise AssertionError("sealed without the participant's key")
