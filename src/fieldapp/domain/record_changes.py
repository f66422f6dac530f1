"""A whole record's changes as the outbox cuts them into a batch, and the field changes they stand for."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any, cast, overload

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


# A decoded record: (entity, id, field names, values, clocks) with `clocks` the record's one clock, or one per field.
Row = tuple[str, str, Sequence[str], Sequence[Any], int | Sequence[int]]


_NAMES = itemgetter(2)  # a row's field names

class FieldChanges(Sequence[Change]):
    """Field changes held a record at a time, as a pulled batch carries them.

    It reads as the sequence of field changes it stands for (in order), made only when something asks for them
    one by one; merge takes the records as they are (`rows`). Turning every pulled record into a tuple per field
    and grouping them again by record was a tenth of a pull.
    """

    __slots__ = ("_flat", "_len", "rows")

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self._len = sum(map(len, map(_NAMES, rows)))
        self._flat: tuple[Change, ...] | None = None

    @classmethod
    def of(cls, changes: Sequence[Change]) -> FieldChanges:
        """Field changes given one by one, each as a record of one field."""
        if isinstance(changes, FieldChanges):
            return changes
        return cls([(e, i, (n,), (v,), h) for e, i, n, v, h in changes])

    def flat(self) -> tuple[Change, ...]:
        if self._flat is None:
            out: list[Change] = []
            for entity, rid, names, values, clocks in self.rows:
                width = len(names)
                out += zip(repeat(entity, width), repeat(rid, width), names, values,
                           repeat(clocks, width) if isinstance(clocks, int) else clocks)
            self._flat = tuple(out)
        return self._flat

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> Change: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Change, ...]: ...

    def __getitem__(self, index: int | slice) -> Change | tuple[Change, ...]:
        return self.flat()[index]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.flat())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (FieldChanges, tuple, list)):
            return self.flat() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to tuples of the same changes, so not hashable like them

    def __repr__(self) -> str:
        return f"FieldChanges({list(self.flat())!r})"

    def entities(self) -> set[str]:
        return {r[0] for r in self.rows if r[2]}

    def newest(self) -> int:
        """The newest clock of any change (0 when there is none)."""
        clocks = [r[4] for r in self.rows if r[2]]
        if set(map(type, clocks)) <= {int}:  # one clock per record: nearly always
            return max(cast(list[int], clocks), default=0)
        return max((c if isinstance(c, int) else max(c) for c in clocks), default=0)


def entities_of(changes: Sequence[Change]) -> set[str]:
    return changes.entities() if isinstance(changes, FieldChanges) else {c[0] for c in changes}


def newest_clock(changes: Sequence[Change]) -> int:
    """The newest clock of these changes (0 when there are none)."""
    if isinstance(changes, FieldChanges):
        return changes.newest()
    return max((c[4] for c in changes), default=0)
