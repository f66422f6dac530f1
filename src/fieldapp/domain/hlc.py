"""Hybrid logical clock (Kulkarni et al. 2014) packed into one int that sorts and stores as SQLite INTEGER."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from fieldapp.domain.messages import DomainError, Message

__all__ = [
    "COUNTER_BITS",
    "DEFAULT_MAX_DRIFT_MS",
    "MAX_COUNTER",
    "MAX_TS",
    "MAX_WALL_MS",
    "ClockDriftError",
    "HybridLogicalClock",
    "format",
    "pack",
    "unpack",
]

COUNTER_BITS = 16
MAX_COUNTER = (1 << COUNTER_BITS) - 1
# SQLite INTEGER is a signed 64-bit value; 47 bits of milliseconds reach the year 6429.
MAX_WALL_MS = (1 << (63 - COUNTER_BITS)) - 1
MAX_TS = (MAX_WALL_MS << COUNTER_BITS) | MAX_COUNTER
DEFAULT_MAX_DRIFT_MS = 24 * 3600 * 1000

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def pack(wall_ms: int, counter: int) -> int:
    """Combine milliseconds since the epoch and a logical counter into one sortable int."""
    if not 0 <= wall_ms <= MAX_WALL_MS:
        raise ValueError(f"wall_ms out of range: {wall_ms}")
    if not 0 <= counter <= MAX_COUNTER:
        raise ValueError(f"counter out of range: {counter}")
    return wall_ms << COUNTER_BITS | counter


def unpack(ts: int) -> tuple[int, int]:
    """Split a packed timestamp into (wall_ms, counter)."""
    if not 0 <= ts <= MAX_TS:
        raise ValueError(f"timestamp out of range: {ts}")
    return ts >> COUNTER_BITS, ts & MAX_COUNTER


def format(ts: int) -> str:  # noqa: A001 - the name the rest of the app expects
    """Human-readable form for logs and conflict screens, e.g. "2024-05-01T12:34:56.789Z#3"."""
    wall_ms, counter = unpack(ts)
    when = _EPOCH + dt.timedelta(milliseconds=wall_ms)
    return f"{when:%Y-%m-%dT%H:%M:%S}.{wall_ms % 1000:03d}Z#{counter}"


def _system_wall_ms() -> int:
    return time.time_ns() // 1_000_000


def _duration(ms: int, lang: str) -> str:
    minutes = ms // 60_000
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    hour_unit = "t" if lang == "nb" else "h"
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} {hour_unit}"] if hours else []
    parts += [f"{mins} min"] if mins or not parts else []
    return " ".join(parts)


class ClockDriftError(DomainError):
    """A remote timestamp is so far ahead of our wall clock that one of the clocks must be wrong.

    Accepting it would drag every later local timestamp into the future, so sync stops instead.
    """

    def __init__(self, remote_wall_ms: int, local_wall_ms: int, max_drift_ms: int) -> None:
        self.remote_wall_ms = remote_wall_ms
        self.local_wall_ms = local_wall_ms
        self.max_drift_ms = max_drift_ms
        ahead = remote_wall_ms - local_wall_ms
        super().__init__(Message(
            "hlc.drift",
            f"Klokken på den andre enheten ligger {_duration(ahead, 'nb')} foran klokken på denne maskinen "
            f"(grensen er {_duration(max_drift_ms, 'nb')}). Sjekk dato og klokkeslett på begge enhetene.",
            f"The other device's clock is {_duration(ahead, 'en')} ahead of this computer's clock "
            f"(the limit is {_duration(max_drift_ms, 'en')}). Check the date and time on both devices.",
        ))

    def __reduce__(self) -> tuple[type, tuple[int, int, int]]:
        return type(self), (self.remote_wall_ms, self.local_wall_ms, self.max_drift_ms)


class HybridLogicalClock:
    """Timestamps that follow wall time but never repeat or go backwards, and respect causality.

    In packed form the HLC rules reduce to a max: now() = max(last + 1, pack(wall, 0)) and
    observe(r) = max(last + 1, r + 1, pack(wall, 0)). Adding 1 to a packed value bumps the
    counter and, when the counter is full, carries into the wall part, which is exactly the
    "advance logical time by 1 ms on overflow" rule.
    """

    def __init__(
        self,
        *,
        wall_clock: Callable[[], int] = _system_wall_ms,
        last: int = 0,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        unpack(last)  # validates the range
        if max_drift_ms < 0:
            raise ValueError("max_drift_ms must not be negative")
        self._wall_clock = wall_clock
        self._last = last
        self._max_drift_ms = max_drift_ms
        self._lock = threading.Lock()

    format = staticmethod(format)

    @property
    def last(self) -> int:
        """The most recent timestamp issued or observed; persist it to survive restarts."""
        with self._lock:
            return self._last

    @property
    def max_drift_ms(self) -> int:
        return self._max_drift_ms

    def _wall(self) -> int:
        # A clock set before 1970 or absurdly far ahead must not break packing; the
        # logical part still guarantees monotonicity.
        return min(max(int(self._wall_clock()), 0), MAX_WALL_MS)

    def _advance(self, candidate: int) -> int:
        if candidate > MAX_TS:
            raise OverflowError("hybrid logical clock exhausted its 64-bit range")
        self._last = candidate
        return candidate

    def now(self) -> int:
        """A new timestamp for a local event, greater than every earlier one from this clock."""
        with self._lock:
            return self._advance(max(self._last + 1, pack(self._wall(), 0)))

    def observe(self, remote: int) -> int:
        """Merge a timestamp received from another device; the result exceeds both it and our last.

        Raises ClockDriftError, leaving the clock untouched, when the remote wall time is more
        than max_drift_ms ahead of our wall clock.
        """
        if isinstance(remote, bool) or not isinstance(remote, int):
            raise TypeError(f"remote timestamp must be an int, not {type(remote).__name__}")
        remote_wall, _ = unpack(remote)
        with self._lock:
            wall = self._wall()
            if remote_wall - wall > self._max_drift_ms:
                raise ClockDriftError(remote_wall, wall, self._max_drift_ms)
            return self._advance(max(self._last + 1, remote + 1, pack(wall, 0)))
