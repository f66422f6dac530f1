"""Python's cycle collector held off while a burst of short-lived objects is made (a pull, a reading of figures).

Hundreds of thousands of new objects (decoded records, rows, facts) make the automatic collector walk every
live object several times: about 40 % of the overview's first opening at 10,000 participants, 11-23 ms of a
pull of 10,000 visits (BENCHMARKS.md). None of them forms cycles; reference counting frees them.

Pauses may overlap (a pull on the sync thread while the overview reads its figures on another): the collector
goes off when the first begins and comes back, if it was on before the first, when the last ends. In the app the
automatic collector is off anyway and collections run from the UI thread (ui/ui_thread_gc.py), which asks
`paused()` and waits while any pause is open.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_open = 0
_was_on = False  # the collector's state when the first of the open pauses began


def paused() -> bool:
    """Whether some pause is open (the UI thread's collector then waits)."""
    return _open > 0


@contextmanager
def collector_paused(*, survivors_old: bool = False) -> Iterator[None]:
    """The automatic collector off for the block; back on after the last open pause if it was on before the first.

    `survivors_old`: the objects still alive at the end go straight to the oldest generation (freeze, then
    unfreeze, which moves them there without a walk). For what is kept until the next such block (the overview's
    facts): walking them as young objects first costs another 20-50 ms right after. This moves every object of
    the process, not only the block's, and undoes a `gc.freeze()` made elsewhere; any cyclic garbage among them is
    collected by the next full collection instead."""
    global _open, _was_on
    with _lock:
        if _open == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _open += 1
    try:
        yield
    finally:
        with _lock:
            if survivors_old:
                gc.freeze()
                gc.unfreeze()
            _open -= 1
            if _open == 0 and _was_on:
                gc.enable()
