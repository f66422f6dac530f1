"""FieldChanges (a pulled batch's changes held a record at a time) reads as the field changes it stands for, and
merge groups it exactly as it groups those changes given one by one."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.record_changes import FieldChanges, entities_of, newest_clock
from fieldapp.storage.merge_batch import _by_record, fields_of
from fieldapp.sync.change_sets import pack, unpack

# Few entities, ids and fields, so records repeat apart and together, and fields repeat inside a record; few clocks,
# so equal clocks of one field meet (the first one wins).
_change = st.tuples(st.sampled_from(["visit", "participant"]), st.sampled_from(["r1", "r2", "r3"]),
                    st.sampled_from(["a", "b", "c"]), st.one_of(st.none(), st.integers(), st.text(max_size=3)),
                    st.integers(0, 4))


def _decoded(changes: list[Any]) -> FieldChanges:
    return unpack(json.loads(json.dumps(pack(changes))))


@given(st.lists(_change, max_size=40))
def test_it_reads_as_the_field_changes_it_stands_for(changes: list[Any]) -> None:
    got = _decoded(changes)
    assert isinstance(got, FieldChanges)
    assert len(got) == len(changes) and list(got) == changes and got == tuple(changes) == got
    assert [got[i] for i in range(len(changes))] == changes and got[1:3] == tuple(changes[1:3])
    assert entities_of(got) == entities_of(tuple(changes)) == {c[0] for c in changes}
    assert newest_clock(got) == newest_clock(tuple(changes)) == max((c[4] for c in changes), default=0)
    assert bool(got) == bool(changes)


def _grouped(changes: Any) -> dict[str, dict[str, Any]]:
    """merge's grouping, each record as field -> (clock, value) (a record that came whole is kept as it came)."""
    return {e: {i: fields_of(f) for i, f in of_table.items()} for e, of_table in _by_record(changes).items()}


@given(st.lists(_change, max_size=40))
def test_merge_groups_records_as_it_groups_field_changes(changes: list[Any]) -> None:
    grouped = _grouped(_decoded(changes))
    assert grouped == _grouped(tuple(changes))
    assert [list(t) for t in grouped.values()] == [list(t) for t in _grouped(tuple(changes)).values()]  # same order
    expected: dict[str, dict[str, dict[str, Any]]] = {}  # the rule, spelled out: newest clock; of equal ones, the first
    for entity, rid, name, value, hlc in changes:
        fields = expected.setdefault(entity, {}).setdefault(rid, {})
        if name not in fields or hlc > fields[name][0]:
            fields[name] = (hlc, value)
    assert grouped == expected


def test_a_record_with_clocks_per_field_keeps_each_fields_clock() -> None:
    changes = [("visit", "v1", "a", 1, 7), ("visit", "v1", "b", 2, 9), ("visit", "v1", "c", None, 7)]
    got = _decoded(changes)
    assert len(got.rows) == 1 and got == tuple(changes) and got.newest() == 9
    assert _grouped(got) == {"visit": {"v1": {"a": (7, 1), "b": (9, 2), "c": (7, None)}}}


def test_one_by_one_changes_become_one_field_records() -> None:
    changes = (("visit", "v1", "a", 1, 7), ("visit", "v1", "b", 2, 9))
    got = FieldChanges.of(changes)
    assert got == changes and len(got.rows) == 2 and FieldChanges.of(got) is got
