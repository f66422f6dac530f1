"""Tests for the packed hybrid logical clock."""

from __future__ import annotations

import pickle
import threading
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain import hlc
from fieldapp.domain.hlc import (
    MAX_COUNTER, MAX_TS, MAX_WALL_MS, ClockDriftError, HybridLogicalClock, pack, unpack,
)
from fieldapp.domain.messages import DomainError

T0 = 1_717_243_200_000  # 2024-06-01T12:00:00Z
DAY = 24 * 3600 * 1000


class FakeWall:
    """A wall clock the test sets by hand, so it can stand still or jump backwards."""

    def __init__(self, ms: int = T0) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


# --- packing -------------------------------------------------------------------------------

@given(st.integers(0, MAX_WALL_MS), st.integers(0, MAX_COUNTER))
def test_pack_unpack_roundtrip(wall: int, counter: int) -> None:
    ts = pack(wall, counter)
    assert unpack(ts) == (wall, counter)
    assert 0 <= ts <= MAX_TS < 2**63  # fits SQLite's signed 64-bit INTEGER


@given(st.tuples(st.integers(0, MAX_WALL_MS), st.integers(0, MAX_COUNTER)),
       st.tuples(st.integers(0, MAX_WALL_MS), st.integers(0, MAX_COUNTER)))
def test_packed_order_is_wall_then_counter(a: tuple[int, int], b: tuple[int, int]) -> None:
    assert (pack(*a) < pack(*b)) == (a < b)


@pytest.mark.parametrize(("wall", "counter"), [(-1, 0), (MAX_WALL_MS + 1, 0), (0, -1), (0, MAX_COUNTER + 1)])
def test_pack_rejects_out_of_range_parts(wall: int, counter: int) -> None:
    with pytest.raises(ValueError):
        pack(wall, counter)


def test_unpack_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        unpack(-1)
    with pytest.raises(ValueError):
        unpack(MAX_TS + 1)


def test_format_is_iso_utc_with_counter() -> None:
    assert hlc.format(pack(0, 0)) == "1970-01-01T00:00:00.000Z#0"
    assert hlc.format(pack(T0 + 789, 3)) == "2024-06-01T12:00:00.789Z#3"
    assert HybridLogicalClock.format(pack(T0, 12)) == "2024-06-01T12:00:00.000Z#12"


# --- local ticks ---------------------------------------------------------------------------

def test_now_follows_the_wall_clock_and_counts_when_it_stands_still() -> None:
    wall = FakeWall()
    clock = HybridLogicalClock(wall_clock=wall)
    assert unpack(clock.now()) == (T0, 0)
    assert unpack(clock.now()) == (T0, 1)
    wall.ms = T0 + 5
    assert unpack(clock.now()) == (T0 + 5, 0)
    wall.ms = T0 - 1000  # clock set back, e.g. by NTP
    assert unpack(clock.now()) == (T0 + 5, 1)
    assert clock.last == pack(T0 + 5, 1)


def test_counter_overflow_advances_logical_time_by_one_ms() -> None:
    clock = HybridLogicalClock(wall_clock=FakeWall(T0), last=pack(T0, MAX_COUNTER))
    assert unpack(clock.now()) == (T0 + 1, 0)
    assert unpack(clock.now()) == (T0 + 1, 1)


def test_clock_resumes_after_a_persisted_last_value() -> None:
    saved = pack(T0 + 60_000, 7)  # written by the previous run, wall clock now behind it
    clock = HybridLogicalClock(wall_clock=FakeWall(T0), last=saved)
    assert clock.now() == saved + 1


def test_bad_wall_clock_readings_are_clamped() -> None:
    # A machine set before 1970 still gets timestamps; last=0 counts as already issued.
    clock = HybridLogicalClock(wall_clock=FakeWall(-5))
    assert unpack(clock.now()) == (0, 1)
    clock = HybridLogicalClock(wall_clock=FakeWall(MAX_WALL_MS + 10))
    assert unpack(clock.now()) == (MAX_WALL_MS, 0)


def test_default_wall_clock_is_close_to_system_time() -> None:
    import time

    before = time.time_ns() // 1_000_000
    wall, _ = unpack(HybridLogicalClock().now())
    assert before <= wall <= time.time_ns() // 1_000_000


# --- observing remote timestamps -----------------------------------------------------------

def test_observe_follows_the_kulkarni_rules() -> None:
    wall = FakeWall(T0)
    clock = HybridLogicalClock(wall_clock=wall, last=pack(T0 + 10, 4))
    # Same logical wall time on both sides: max of the counters + 1.
    assert unpack(clock.observe(pack(T0 + 10, 9))) == (T0 + 10, 10)
    # Remote behind: our counter + 1.
    assert unpack(clock.observe(pack(T0 + 2, 50))) == (T0 + 10, 11)
    # Remote ahead of us and the wall clock: its counter + 1.
    assert unpack(clock.observe(pack(T0 + 20, 3))) == (T0 + 20, 4)
    # Wall clock ahead of everything: counter resets.
    wall.ms = T0 + 30
    assert unpack(clock.observe(pack(T0 + 25, 8))) == (T0 + 30, 0)


def test_observe_rejects_remote_too_far_ahead_without_changing_state() -> None:
    clock = HybridLogicalClock(wall_clock=FakeWall(T0), last=pack(T0, 3), max_drift_ms=DAY)
    assert clock.observe(pack(T0 + DAY, 0)) == pack(T0 + DAY, 1)  # exactly at the limit is fine

    clock = HybridLogicalClock(wall_clock=FakeWall(T0), last=pack(T0, 3), max_drift_ms=DAY)
    with pytest.raises(ClockDriftError) as info:
        clock.observe(pack(T0 + DAY + 1, 0))
    assert clock.last == pack(T0, 3)
    assert clock.now() == pack(T0, 4)
    err = info.value
    assert isinstance(err, DomainError)
    assert err.code == "hlc.drift" and err.text("nb") != err.text("en")
    assert "1 d" in err.text("nb") and "limit" in err.text("en")
    assert (err.remote_wall_ms - err.local_wall_ms, err.max_drift_ms) == (DAY + 1, DAY)
    again = pickle.loads(pickle.dumps(err))
    assert again.message == err.message


def test_observe_rejects_values_that_are_not_timestamps() -> None:
    clock = HybridLogicalClock(wall_clock=FakeWall())
    with pytest.raises(ValueError):
        clock.observe(-1)
    with pytest.raises(TypeError):
        clock.observe(True)
    with pytest.raises(TypeError):
        clock.observe("123")
    assert clock.last == 0


# --- properties ----------------------------------------------------------------------------

WALL_READINGS = st.integers(T0 - 10 * DAY, T0 + 10 * DAY)
STEP = st.one_of(
    st.tuples(st.just("now"), WALL_READINGS, st.just(0), st.just(0)),
    # Remote wall times up to two days either side of the reading, so some exceed the drift limit.
    st.tuples(st.just("observe"), WALL_READINGS, st.integers(-2 * DAY, 2 * DAY), st.integers(0, MAX_COUNTER)),
)


@given(st.integers(0, MAX_COUNTER), st.lists(STEP, min_size=1, max_size=60))
def test_clock_is_strictly_monotonic_and_causal(start_counter: int, steps: list[tuple[str, int, int, int]]) -> None:
    wall = FakeWall()
    clock = HybridLogicalClock(wall_clock=wall, last=pack(T0, start_counter), max_drift_ms=DAY)
    prev = clock.last
    for kind, reading, offset, counter in steps:
        wall.ms = reading
        if kind == "now":
            ts = clock.now()
        else:
            remote = pack(reading + offset, counter)
            if offset > DAY:
                with pytest.raises(ClockDriftError):
                    clock.observe(remote)
                assert clock.last == prev
                continue
            ts = clock.observe(remote)
            assert ts > remote
        assert ts > prev
        assert unpack(ts)[0] >= reading  # logical time never lags the wall clock
        assert clock.last == ts
        prev = ts


@given(st.lists(st.integers(0, 2**40), min_size=1, max_size=30))
def test_observe_exceeds_every_remote_seen(remotes: list[int]) -> None:
    clock = HybridLogicalClock(wall_clock=FakeWall(0), max_drift_ms=2**41)
    for r in remotes:
        clock.observe(r)
    assert clock.last > max(remotes)


def test_now_is_unique_across_threads() -> None:
    clock = HybridLogicalClock(wall_clock=FakeWall(T0))  # frozen wall: only the lock keeps them apart
    results: list[list[int]] = [[] for _ in range(8)]

    def work(out: list[int]) -> None:
        for _ in range(2000):
            out.append(clock.now())

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [ts for r in results for ts in r]
    assert len(set(stamps)) == len(stamps) == 16_000
    assert clock.last == max(stamps) == pack(T0, 0) + 15_999
    assert all(a < b for r in results for a, b in pairwise(r))
