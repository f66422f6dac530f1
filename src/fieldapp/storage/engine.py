"""SQLAlchemy engine over an SQLCipher file: raw key, WAL, foreign keys, busy timeout, durable commits."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from fieldapp.storage.digest import register as register_digest

WRITE_OPTION = "fieldapp_write"


# 8 MiB per connection: 32 MiB measured no faster (BENCHMARKS, issue 2) and, over a pool of connections,
# pushed a fresh device's catch-up of 10,000 participants past 200 MB.
CACHE_KIB = 8 * 1024


def make_engine(db_path: Path, key: bytes) -> Engine:
    # A raw 256-bit key skips SQLCipher's ~250 ms passphrase derivation on every new connection.
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(db_path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit survives power loss, not just a killed process (a laptop may die mid-visit).
        cur.execute("PRAGMA synchronous = FULL")
        # Indexes over 100,000 visits; a larger page cache (default 2 MiB) keeps their upper levels in
        # memory so a save does not wait on reading index pages.
        cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cur.close()
        register_digest(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front so they never fail half-way on a lock upgrade.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
