"""A catch-up's write transactions get a larger page cache and commits without a disk wait; every other write
transaction on the same connection gets the usual ones back before it begins (reads leave them as they are)."""

from __future__ import annotations

import threading

from fieldapp.storage import engine
from fieldapp.storage.engine import CACHE_KIB, CATCH_UP_CACHE_KIB, catch_up

FULL, NORMAL = 2, 1


def _pragmas(session) -> tuple[int, int, int]:
    conn = session.connection()
    return tuple(int(conn.exec_driver_sql(f"PRAGMA {name}").scalar_one())
                 for name in ("synchronous", "cache_size", "wal_autocheckpoint"))


def test_a_catch_up_write_is_roomy_and_the_next_write_is_durable_again(workspace) -> None:
    folder = workspace.folder
    with catch_up():
        with folder.write() as session:
            assert _pragmas(session) == (NORMAL, -CATCH_UP_CACHE_KIB, engine.CATCH_UP_CHECKPOINT_PAGES)
        # A read between the catch-up's transactions (the next page's checks) leaves its warm cache alone: a
        # read commits nothing, so `synchronous` does not matter to it.
        with folder.read() as session:
            assert _pragmas(session) == (NORMAL, -CATCH_UP_CACHE_KIB, engine.CATCH_UP_CHECKPOINT_PAGES)
        with folder.write() as session:
            assert _pragmas(session) == (NORMAL, -CATCH_UP_CACHE_KIB, engine.CATCH_UP_CHECKPOINT_PAGES)
    with folder.write() as session:
        assert _pragmas(session) == (FULL, -CACHE_KIB, 1000)


def test_only_the_catching_up_thread_gets_it(workspace) -> None:
    folder = workspace.folder
    seen: list[tuple[int, int, int]] = []
    inside, done = threading.Event(), threading.Event()

    def other() -> None:
        inside.wait(5)
        with folder.write() as session:
            seen.append(_pragmas(session))
        done.set()

    t = threading.Thread(target=other)
    t.start()
    with catch_up():
        inside.set()
        done.wait(5)
    t.join(5)
    assert seen == [(FULL, -CACHE_KIB, 1000)]
