"""Cycles are collected on the UI thread only while the app runs, so no Qt wrapper is freed on a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from fieldapp.ui.ui_thread_gc import UiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_automatic_collector_is_off_while_it_lives_and_back_after(qtbot) -> None:
    gc.enable()  # as a process starts (the UI tests' own fixture keeps it off during each test)
    owner = QObject()
    collector = UiThreadCollector(owner)
    assert not gc.isenabled()
    gc.collect()
    found = []
    for _ in range(gc.get_threshold()[0] + 50):  # garbage past the youngest generation's threshold
        c = _Cycle()
        found.append(c)
    del found, c
    before = gc.get_count()[1]
    collector.collect()  # what its timer does on the UI thread
    assert gc.get_count()[1] == before + 1  # a collection of the youngest generation ran here
    owner.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_the_ui_thread_collector_waits_while_a_worker_holds_the_collector_off(qtbot) -> None:
    """A pull or the overview's reading on a worker holds the collector off: the UI thread's timer must not
    walk their objects meanwhile (it would every tick), and collects again once the pause ends."""
    from fieldapp.collector_pause import collector_paused

    owner = QObject()
    collector = UiThreadCollector(owner)
    gc.collect()
    garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 50)]
    del garbage
    with collector_paused():
        before = gc.get_count()[1]
        collector.collect()
        assert gc.get_count()[1] == before  # nothing collected while the pause is open
    before = gc.get_count()[1]
    collector.collect()
    assert gc.get_count()[1] == before + 1
    owner.deleteLater()
