"""The server's tables (SQLAlchemy Core) and its engine, for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import (
    BigInteger, Boolean, Column, Connection, DateTime, Engine, ForeignKey, Index, Integer, LargeBinary, MetaData,
    String, Table, UniqueConstraint, create_engine, event, make_url,
)
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from fieldapp.files import OWNER_ONLY, owner_only_sqlite_files

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

teams = Table(
    "teams", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    # A new random id whenever the team's history starts over; devices notice a restored or other server.
    Column("history_id", String(36), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # The next cursor to hand out. Allocated only while the team row is locked, so cursors become
    # visible in increasing order (see batch_store.push).
    Column("next_cursor", BigInteger, nullable=False),
    Column("key_epoch", Integer, nullable=False),
    Column("current_key_id", String(16)),
    Column("rotation_needed", Boolean, nullable=False),
    Column("recovery_auth_hash", String(64)),
)

devices = Table(
    "devices", metadata,
    Column("id", String(36), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    # The token before the last rotation, accepted until the new one is first used (store.rotate_token).
    Column("previous_token_hash", String(64), unique=True, index=True),
    Column("status", String(10), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    # When the device last made an authenticated request; written at most once a minute (store.authenticate).
    Column("last_seen_at", DateTime(timezone=True)),
)

enrollment_codes = Table(
    "enrollment_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("used_by", String(36)),
)

batches = Table(
    "batches", metadata,
    Column("team_id", ForeignKey("teams.id"), primary_key=True),
    Column("cursor", BigInteger, primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("size", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("blob", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("team_id", "device_id", "seq", name="uq_batches_device_seq"),
)

key_envelopes = Table(
    "key_envelopes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False),
    Column("recipient", String(36), nullable=False),
    Column("key_epoch", Integer, nullable=False),
    Column("blob", LargeBinary, nullable=False),
    Column("created_by", String(36)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("team_id", "recipient", "key_epoch", name="uq_key_envelopes_recipient_epoch"),
    Index("ix_key_envelopes_team_recipient", "team_id", "recipient"),
)

# Erasure (server migration s0004). Wrapped per-participant keys live apart from the append-only batch log, in
# a table rows are physically deleted from: erasing a participant deletes their key here (crypto-shredding).
shred_keys = Table(
    "shred_keys", metadata,
    Column("cursor", Integer, primary_key=True, autoincrement=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False),
    Column("handle", String(32), nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("wrapped", LargeBinary, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("team_id", "handle", name="uq_shred_keys_handle"),
)

# Tombstones: no personal data (ids, time, reason code, the erasing device's signature).
erasures = Table(
    "erasures", metadata,
    Column("cursor", Integer, primary_key=True, autoincrement=True),
    Column("team_id", ForeignKey("teams.id"), nullable=False),
    Column("handle", String(32), nullable=False),
    Column("erased_at", String(32), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("reason_code", String(30), nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("team_id", "handle", name="uq_erasures_handle"),
)

WRITE = "fieldapp_server_write"


BUSY_TIMEOUT_MS = 10_000  # how long a statement waits for another writer


class DataFolderUnusable(Exception):
    """The SQLite data folder or database file cannot be made: a path that is a file, no permission, a full or
    read-only disk. Its text names the path and what to check (the admin commands print it, no traceback)."""

    def __init__(self, exc: OSError) -> None:
        where = f": {exc.filename}" if exc.filename else ""
        super().__init__(f"cannot use the data folder ({exc.strerror or exc}{where}): check that --data-dir names a "
                         "folder this account may write to, on a disk with room")


def _owner_only_folder(folder: Path) -> None:
    """Make the data folder when it is missing, and each missing folder above it, readable by its owner only from
    the start (mode 0700 at creation, then again whatever the umask took away). A folder that is already there (one
    an operator made, a systemd StateDirectory) is left as it is."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile by another process: its maker's mode stands
        os.chmod(made, 0o700)


def _new_owner_only_file(db_path: Path) -> None:
    """Create a missing database file empty and owner-only before SQLite opens it: SQLite would make it by the
    umask, and another account could open it in the moment before its mode is narrowed and keep reading it. SQLite
    gives a new WAL file the database's mode, so the WAL files are owner-only from the start too."""
    try:
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), OWNER_ONLY)
    except FileExistsError:
        return
    os.close(fd)


def _owner_only_files(dbapi_conn: DBAPIConnection) -> None:
    """The open database and its WAL files readable and writable by their owner only, however the URL named it.
    The server holds ciphertext, but also the names of teams and devices: no other account needs to read it."""
    cur = dbapi_conn.cursor()
    try:
        files = [row[2] for row in cur.execute("PRAGMA database_list").fetchall() if row[1] == "main" and row[2]]
    finally:
        cur.close()
    for name in files:
        owner_only_sqlite_files(Path(name))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = make_url(url).database or ""
        if path and path != ":memory:" and not path.startswith("file:"):  # a file: URI is SQLite's to resolve
            try:
                _owner_only_folder(Path(path).absolute().parent)
                _new_owner_only_file(Path(path))
            except OSError as exc:
                raise DataFolderUnusable(exc) from exc
        # hide_parameters: a failed statement's values (blobs, hashes, names) never reach an error text or log.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10}, pool_size=8,
                               max_overflow=8, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: DBAPIConnection, record: ConnectionPoolEntry) -> None:
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # A deleted row (an erased participant's wrapped key) is overwritten with zeros, whatever the build's
            # default; server/erasure_store.py then empties the WAL of the pages that held it.
            cur.execute("PRAGMA secure_delete = ON")
            cur.close()
            _owner_only_files(dbapi_conn)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

        return engine
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True, hide_parameters=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
