"""Python's cycle collector held off while a burst of short-lived objects is made (a pull, a reading of figures).

Hundreds of thousands of new objects (decoded records, rows, facts) make the automatic collector walk every
live object several times: about 40 % of the overview's first opening at 10,000 participants, 11-23 ms of a
pull of 10,000 visits (BENCHMARKS.md). None of them forms cycles; reference counting frees them. Held off, they
cost nothing to the collector. In the app the automatic collector is off anyway (ui/ui_thread_gc.py) and stays
so; elsewhere (the command line, the benchmarks) it is switched back on afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, survivors_old: bool = False) -> Iterator[None]:
    """The automatic collector off for the block, and back on after it if it was on before.

    `survivors_old`: the objects made in the block that are still alive go straight to the oldest generation
    (freeze, then unfreeze, which moves them there without a walk). For what is kept until the next such block
    (the overview's facts): walking them as young objects first costs another 20-50 ms right after. Any cyclic
    garbage among them, from here or another thread, is collected by the next full collection instead."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if survivors_old:
            gc.freeze()
            gc.unfreeze()
        if was_on:
            gc.enable()
