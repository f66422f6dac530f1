"""The visits the figures count, kept as sorted days per participant: counting a span is two binary searches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Container, Iterable, Iterator, Mapping
from datetime import date

from fieldapp.domain.outcomes.inputs import VisitFacts

# participant -> (the day numbers (date.toordinal) of all their visits, of those out of office), both sorted.
Days = tuple[list[int], list[int]]


class VisitDays(Collection[VisitFacts]):
    """A hundred thousand visits as one Python object per visit cost most of the overview's first opening;
    every figure asks "how many visits of this participant from day a to day b" instead. Iterating still
    gives the visits as VisitFacts (for tests and comparisons), one per visit."""

    def __init__(self, by_participant: Mapping[str, Days]) -> None:
        self._by = dict(by_participant)

    @classmethod
    def of(cls, visits: Iterable[VisitFacts]) -> VisitDays:
        """The reference way to build it: from one fact per visit."""
        by: dict[str, Days] = {}
        for pid, on, out in visits:
            days, outs = by.setdefault(pid, ([], []))
            days.append(on.toordinal())
            if out:
                outs.append(on.toordinal())
        for days, outs in by.values():
            days.sort()
            outs.sort()
        return cls(by)

    def count(self, participant_id: str, first: date, last: date) -> tuple[int, int]:
        """(visits, of them out of office) of the participant on the days `first` to `last`, both included."""
        found = self._by.get(participant_id)
        if found is None or first > last:
            return 0, 0
        lo, hi = first.toordinal(), last.toordinal()
        days, outs = found
        return (bisect_right(days, hi) - bisect_left(days, lo), bisect_right(outs, hi) - bisect_left(outs, lo))

    def visits(self, participant_id: str, first: date, last: date) -> int:
        """count()'s visits alone: half the searches, for the figures that do not ask where."""
        found = self._by.get(participant_id)
        if found is None or first > last:
            return 0
        days = found[0]
        return bisect_right(days, last.toordinal()) - bisect_left(days, first.toordinal())

    def total(self, participant_ids: Container[str], first: date, last: date) -> tuple[int, int]:
        """(visits, of them out of office) of all these participants on the days `first` to `last`."""
        if first > last:
            return 0, 0
        lo, hi = first.toordinal(), last.toordinal()
        visits = out_of_office = 0
        for pid, (days, outs) in self._by.items():
            if pid in participant_ids:
                visits += bisect_right(days, hi) - bisect_left(days, lo)
                out_of_office += bisect_right(outs, hi) - bisect_left(outs, lo)
        return visits, out_of_office

    def participants(self) -> Iterable[str]:
        """The participants with at least one visit."""
        return self._by.keys()

    def replacing(self, participant_ids: Collection[str], fresh: VisitDays) -> VisitDays:
        """These visits with those of `participant_ids` swapped for `fresh`'s (read for them only)."""
        ids = frozenset(participant_ids)
        by = {pid: found for pid, found in self._by.items() if pid not in ids}
        by.update(fresh._by)
        return VisitDays(by)

    def __len__(self) -> int:
        return sum(len(days) for days, _outs in self._by.values())

    def __iter__(self) -> Iterator[VisitFacts]:
        for pid, (days, outs) in self._by.items():
            out_left = Counter(outs)
            for day in days:
                out = out_left[day] > 0
                out_left[day] -= out
                yield VisitFacts(pid, date.fromordinal(day), out)

    def __contains__(self, item: object) -> bool:
        return any(item == visit for visit in self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VisitDays):
            return NotImplemented
        return {pid: found for pid, found in self._by.items() if found[0]} == \
            {pid: found for pid, found in other._by.items() if found[0]}

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside: equal by value, not hashable

    def __repr__(self) -> str:
        return f"VisitDays({len(self)} visits of {len(self._by)} participants)"
