"""A whole record's changes as the outbox cuts them into a batch, and the field changes they stand for."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

# One field change: (entity, id, field, value, clock).
Change = tuple[str, str, str, Any, int]
# A whole record: (entity, id, field names, values, clock, odd) with `odd` the flat [position, clock, …] pairs
# of the fields whose clock is not the record's, or None. The push groups, packs and seals these a record at a
# time; a tuple per field cost more than the rest of the cutting.
Record = tuple[str, str, Sequence[str], Sequence[Any], int, list[int] | None]


def field_changes(records: Sequence[Record]) -> list[Change]:
    """The field changes of these records, in order."""
    out: list[Change] = []
    for entity, rid, names, values, hlc, odd in records:
        width = len(names)
        clocks: Any = repeat(hlc, width)
        if odd:
            clocks = [hlc] * width
            for k in range(0, len(odd), 2):
                clocks[odd[k]] = odd[k + 1]
        out += zip(repeat(entity, width), repeat(rid, width), names, values, clocks)
    return out


def records_of(changes: Sequence[Change]) -> list[Record]:
    """The records these field changes stand for (field_changes undone): consecutive changes of one record make
    one, with the first change's clock as the record's and the others' listed where they differ."""
    out: list[Record] = []
    n = len(changes)
    i = 0
    while i < n:
        entity, rid, _, _, hlc = changes[i]
        j = i + 1
        while j < n and changes[j][1] == rid and changes[j][0] == entity:
            j += 1
        run = changes[i:j]
        odd = [x for k, c in enumerate(run) if c[4] != hlc for x in (k, c[4])] if j - i > 1 else []
        out.append((entity, rid, [c[2] for c in run], [c[3] for c in run], hlc, odd or None))
        i = j
    return out
