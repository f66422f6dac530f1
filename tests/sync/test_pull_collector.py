"""A pull holds Python's cycle collector off while it decodes and applies (its records form no cycles), and
leaves it as it found it: back on for the command line, still off in the app (ui/ui_thread_gc.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import nullcontext

import pytest

from fieldapp.collector_pause import collector_paused
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import merge


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    """Each test leaves the collector on or off as it found it."""
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations the automatic collector collected while the test ran."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def _pull_many(team: tuple, collections: list[int], monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Collections the automatic collector started while b applied a's 300 participants."""
    _server, _, (a, b, _c) = team
    records.save_all(a.ws, [Participant(first_name=f"Ny{i}", last_name="Testesen") for i in range(300)])
    assert a.sync().ok
    during: list[int] = []
    real_run = merge._Applier.run

    def run(self: merge._Applier) -> None:
        start = len(collections)
        # What the records made here would have set off: far past the youngest generation's threshold.
        junk = [[i] for i in range(5 * gc.get_threshold()[0])]
        del junk
        real_run(self)
        during.extend(collections[start:])

    monkeypatch.setattr(merge._Applier, "run", run)
    result = b.sync()
    assert result.ok and result.applied_changes > 0
    return during


def test_the_collector_does_not_run_during_a_pull_and_is_on_again_after(team, collections, monkeypatch) -> None:
    gc.enable()
    during = _pull_many(team, collections, monkeypatch)
    assert during == []
    assert gc.isenabled()


def test_a_pull_in_the_app_leaves_the_collector_off(team, collections, monkeypatch) -> None:
    gc.disable()  # as the app's UI-thread collector keeps it
    try:
        _pull_many(team, collections, monkeypatch)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_without_the_pause_the_same_pull_sets_the_collector_off(team, collections, monkeypatch) -> None:
    """The test above can fail: with the pause taken away, the same pull starts collections."""
    from fieldapp.sync import pull

    monkeypatch.setattr(pull, "collector_paused", nullcontext)
    gc.enable()
    assert _pull_many(team, collections, monkeypatch) != []


def test_survivors_old_moves_what_is_kept_to_the_oldest_generation() -> None:
    gc.enable()
    kept: list[list[int]] = []
    with collector_paused(survivors_old=True):
        kept.extend([i] for i in range(1000))
    assert gc.isenabled()
    assert any(kept[0] is o for o in gc.get_objects(generation=2))
    assert not any(kept[0] is o for o in gc.get_objects(generation=0))


def test_overlapping_pauses_end_with_the_last_one() -> None:
    """A pull and the overview's reading may overlap: the first to end must not switch the collector back on
    under the other, and the last to end restores what was there before the first."""
    gc.enable()
    outer = collector_paused()
    inner = collector_paused()
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)
    assert not gc.isenabled()
    inner.__exit__(None, None, None)
    assert gc.isenabled()


def test_pauses_on_two_threads_never_leave_the_collector_off() -> None:
    """Two threads pausing at the same time, in every order of their starts and ends."""
    gc.enable()
    for first_out in ("a", "b"):
        a_in, b_in, a_go, b_go = (threading.Event() for _ in range(4))
        inside: dict[str, bool] = {}

        ta = threading.Thread(target=_pause_until, args=("a", a_in, a_go, inside))
        tb = threading.Thread(target=_pause_until, args=("b", b_in, b_go, inside))
        ta.start()
        tb.start()
        assert a_in.wait(5) and b_in.wait(5)
        (a_go if first_out == "a" else b_go).set()
        (ta if first_out == "a" else tb).join(5)
        assert not gc.isenabled()  # the other is still inside
        (b_go if first_out == "a" else a_go).set()
        ta.join(5)
        tb.join(5)
        assert inside == {"a": False, "b": False}
        assert gc.isenabled()


def _pause_until(name: str, entered: threading.Event, go: threading.Event, inside: dict[str, bool]) -> None:
    with collector_paused():
        entered.set()
        go.wait(5)
        inside[name] = gc.isenabled()
