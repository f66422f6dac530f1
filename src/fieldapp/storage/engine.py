"""SQLAlchemy engine over an SQLCipher file: raw key, WAL, foreign keys, busy waits, durable commits."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from fieldapp.storage import cipher_format
from fieldapp.storage.cipher_log import quiet_sqlcipher_log
from fieldapp.storage.faults import DatabaseBusy
from fieldapp.storage.digest import register as register_digest

WRITE_OPTION = "fieldapp_write"
log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000     # readers, and a writer's first try: long enough for any normal save of another process
BUSY_WAIT_S = 120.0          # a writer's whole wait, after telling the user it waits, before giving up
_busy_listeners: list[Callable[[bool], None]] = []


def on_busy(listener: Callable[[bool], None]) -> Callable[[], None]:
    """Call `listener(True)` when a writer starts waiting for another process's lock, `listener(False)` when
    done. Returns the function that stops the calls."""
    _busy_listeners.append(listener)
    return lambda: _busy_listeners.remove(listener) if listener in _busy_listeners else None


def _notify_busy(waiting: bool) -> None:
    for listener in list(_busy_listeners):
        try:
            listener(waiting)
        except Exception:
            log.warning("a busy listener failed", exc_info=True)


# 8 MiB per connection: 32 MiB measured no faster (BENCHMARKS, issue 2) and, over a pool of connections,
# pushed a fresh device's catch-up of 10,000 participants past 200 MB.
CACHE_KIB = 8 * 1024


# A catch-up's write transactions (sync.pull, in its own thread) get a larger page cache, so its inserts at
# random ids are not each a page read and write, and commit without waiting for the disk: one lost to a power
# cut takes the pull cursor with it and is pulled again. The connection keeps both between its transactions
# (a cache emptied at every commit was measured slower than none) and is put back at the next other transaction
# begun on it (synchronous cannot change inside one); the pool hands out the connection used last, so the
# catch-up's transactions keep to one connection. 12 MiB: at 10,000 participants 40 MiB showed no measurable gain
# (BENCHMARKS.md, 2026-12-04), and the room went to the pull's larger transactions (sync/pull.py).
CATCH_UP_CACHE_KIB = 12 * 1024
CATCH_UP_CHECKPOINT_PAGES = 16_000
_catching_up: ContextVar[bool] = ContextVar("catching_up", default=False)


@contextmanager
def catch_up() -> Iterator[None]:
    """Write transactions of this thread begun in the block are a catch-up's."""
    token = _catching_up.set(True)
    try:
        yield
    finally:
        _catching_up.reset(token)


def _catch_up_pragmas(conn: Connection, write: bool) -> None:
    if not write:
        return  # a read neither syncs nor cares about the cache's size: the catch-up keeps its warm cache
    wanted = _catching_up.get()
    if conn.info.get("catching_up", False) != wanted:
        conn.exec_driver_sql(f"PRAGMA synchronous = {'NORMAL' if wanted else 'FULL'}")
        conn.exec_driver_sql(f"PRAGMA cache_size = -{CATCH_UP_CACHE_KIB if wanted else CACHE_KIB}")
        conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {CATCH_UP_CHECKPOINT_PAGES if wanted else 1000}")
        conn.info["catching_up"] = wanted


def make_engine(db_path: Path, key: bytes) -> Engine:
    quiet_sqlcipher_log()
    # A file that reads in no format (damaged first page, other key) is opened as a current one: the first
    # statement then fails as "file is not a database" and the folder's opener says what is wrong.
    fmt = cipher_format.detect(db_path, key) or cipher_format.CURRENT
    # A raw 256-bit key skips SQLCipher's ~250 ms passphrase derivation on every new connection.
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(db_path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_use_lifo=True,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cipher_format.use(dbapi_conn, fmt)  # the dialect has set the key; nothing has read the file yet
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit survives power loss, not just a killed process (a laptop may die mid-visit).
        cur.execute("PRAGMA synchronous = FULL")
        # Indexes over 100,000 visits; a larger page cache (default 2 MiB) keeps their upper levels in
        # memory so a save does not wait on reading index pages.
        cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # SQLCipher does not encrypt temporary files (sorts, temporary tables): keep them in memory, whatever
        # the build's default (tests/storage/test_migration_temp_store.py).
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.close()
        register_digest(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front so they never fail half-way on a lock upgrade.
        write = bool(conn.get_execution_options().get(WRITE_OPTION))
        _catch_up_pragmas(conn, write)
        if write:
            _begin_immediate(conn)
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower()


def _begin_immediate(conn: Connection) -> None:
    """Take the write lock; when another process holds it past the busy timeout, say so and keep waiting up to
    BUSY_WAIT_S, then give up with a message instead of SQLite's bare "database is locked"."""
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    except OperationalError as exc:
        if not _locked(exc):
            raise
    _notify_busy(True)
    deadline = time.monotonic() + BUSY_WAIT_S
    try:
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not _locked(exc) or time.monotonic() >= deadline:
                    if _locked(exc):
                        raise DatabaseBusy() from exc
                    raise
    finally:
        _notify_busy(False)
