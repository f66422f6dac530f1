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
