"""Who is responsible for a participant on a given day, from the recorded assignments and handovers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from operator import attrgetter

from fieldapp.domain.outcomes.inputs import AssignmentFacts

_ORDER = attrgetter("start", "seq")  # (start, seq), without a Python call per assignment


class Responsibility:
    """Answers `who(participant, day)`: the latest assignment started by that day whose cover has not run out."""

    def __init__(self, assignments: Iterable[AssignmentFacts]) -> None:
        self._by_participant: dict[str, list[AssignmentFacts]] = defaultdict(list)
        for a in assignments:
            self._by_participant[a.participant_id].append(a)
        for rows in self._by_participant.values():
            rows.sort(key=_ORDER)

    def who(self, participant_id: str, day: date) -> str | None:
        rows: Sequence[AssignmentFacts] = self._by_participant.get(participant_id, ())
        for a in reversed(rows):
            # A cover that has ended hands the participant back to whoever held them before it.
            if a.start <= day and (a.until is None or day <= a.until):
                return a.specialist_id
        return None

    def belongs(self, participant_id: str, day: date, specialist_id: str | None) -> bool:
        """True for the team (specialist None) or when `specialist_id` is responsible on `day`."""
        return specialist_id is None or self.who(participant_id, day) == specialist_id

    def change_days(self, participant_id: str) -> list[date]:
        """The days on which who is responsible may change (an assignment starts, or a cover is over)."""
        days = set()
        for a in self._by_participant.get(participant_id, ()):
            days.add(a.start)
            if a.until is not None:
                days.add(a.until + timedelta(days=1))
        return sorted(days)
