"""The overview's facts kept between openings and brought up to date from the changes the change hub reports."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date, datetime

from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS

from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period
from fieldapp.services import outcomes
from fieldapp.services.workspace import Workspace


class KeptFacts:
    """Reading the facts of 10,000 participants takes about a second; a write changes a few participants'.
    So the facts are read once, and later openings, periods or specialists only read again the participants
    whose records were written since (`note`). Changes are noted on the UI thread and the facts read on the
    database worker: both go through the lock, and a read that started before `forget` is not kept."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inputs: OutcomeInputs | None = None
        self._day: date | None = None
        self._interval = DEFAULT_INTERVAL_DAYS  # the pre-job follow-up interval the kept facts were worked out by
        self._pending: dict[str, set[str]] = {}
        self._generation = 0

    @property
    def inputs(self) -> OutcomeInputs | None:
        """The facts last read, without the changes noted since (None before the first read)."""
        return self._inputs

    def note(self, changes: Mapping[str, frozenset[str]]) -> None:
        """Records written since the facts were read (entity -> ids; no ids: which is not known)."""
        relevant = {entity: ids for entity, ids in changes.items() if entity in outcomes.READ_FROM}
        if not relevant:
            return
        # Noted even before anything is kept: a first read under way may have begun before these were written.
        with self._lock:
            for entity, ids in relevant.items():
                self._pending.setdefault(entity, set()).update(ids)
            unknown = any(not ids for ids in relevant.values())
            if unknown or sum(map(len, self._pending.values())) > outcomes.MOST_REFRESHED:
                self._forget()

    def forget(self) -> None:
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        self._generation += 1
        self._inputs, self._day = None, None
        self._pending.clear()

    def current(self, ws: Workspace, period: Period, *, today: date, now: datetime | None = None,
                pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> OutcomeInputs:
        """The facts `period`'s figures need, up to date: kept ones with the noted changes read in, or read anew
        (the first time, on a new day, for a period starting before the visits kept, or when the user's pre-job
        follow-up interval is not the one the kept overdue facts were worked out by). Overdue as of `now`
        (default: the local time now), on `today`."""
        interval = pre_job_interval_days
        with self._lock:
            cached = self._inputs if self._day == today and self._interval == interval else None
            pending, self._pending = self._pending, {}
            generation = self._generation
        try:
            if cached is None or not cached.covers(period):
                inputs = outcomes.load_inputs(ws, today=today, visits_from=period.start, now=now,
                                              pre_job_interval_days=interval)
            elif pending:
                inputs = outcomes.refresh_inputs(ws, cached, pending, today=today, now=now,
                                                 pre_job_interval_days=interval)
            else:
                inputs = cached
        except BaseException:
            self.forget()  # the changes taken above were not read in: start afresh next time
            raise
        with self._lock:
            if generation == self._generation:
                self._inputs, self._day, self._interval = inputs, today, interval
        return inputs
