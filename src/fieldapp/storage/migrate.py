"""Bring a data folder's database to the current schema, keeping a copy first when it holds data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from fieldapp.domain.messages import DomainError, Message
from fieldapp.files import OWNER_ONLY

from fieldapp.storage import cipher_format
from fieldapp.storage.capture import install_triggers, triggers_current
from fieldapp.storage.engine import WRITE_OPTION
from fieldapp.storage.revisions import MIGRATIONS_DIR, heads_from_files

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration has to run: opening a current database (every start of the
# app) needs just the head revision, read from the migration files themselves, and the stored one.


class MigrationFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_HEAD: str | None = None


def head_revision() -> str:
    global _HEAD
    if _HEAD is None:
        heads = heads_from_files(MIGRATIONS_DIR)
        if len(heads) == 1:
            _HEAD = heads.pop()
        else:  # not a simple chain: let Alembic decide (and complain about several heads)
            from alembic.script import ScriptDirectory

            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert head is not None
            _HEAD = head
    return _HEAD


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def current_revision(conn: Connection) -> str | None:
    """The revision stored in the database (Alembic's version table), or None for an unversioned one."""
    try:
        with conn.begin_nested():
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    except OperationalError:  # no version table yet
        return None
    if len(rows) > 1:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()  # raises: several heads stored
    return rows[0] if rows else None


def _holds_tables(conn: Connection) -> bool:
    tables: int = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar_one()
    return tables > 0


def _pragma(conn: Connection, sql: str) -> None:
    """PRAGMAs like foreign_keys and wal_checkpoint only work outside a transaction: bypass autobegin."""
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]  # driver conn. None only if closed


def _backup(conn: Connection, backups: Path, revision: str | None) -> Path:
    """An encrypted, consistent copy (one snapshot, WAL included, whatever else is reading), in the current
    format (storage/cipher_format.py)."""
    backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(backups, 0o700)  # also when an older version made it open to others
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"fieldapp-{revision or 'unversioned'}-{stamp}.db"
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    # The copy goes into an empty file made owner-only first, so it is never readable by others.
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    cipher_format.copy_into(conn.connection.driver_connection, tmp)  # outside a transaction, as _pragma
    os.chmod(tmp, OWNER_ONLY)
    tmp.replace(target)
    return target


class NewerDatabase(DomainError):
    def __init__(self, revision: str) -> None:
        super().__init__(Message(
            "database_newer",
            f"Databasen er laget av en nyere versjon av Fieldapp (skjema {revision}). Oppdater Fieldapp; "
            "ingenting er endret.",
            f"The database was written by a newer version of Fieldapp (schema {revision}). Update Fieldapp; "
            "nothing was changed.",
        ))


def migrate(engine: Engine, db_path: Path, backups: Path, *, target: str = "head") -> MigrationResult:
    """Upgrade in one transaction; on any failure the database is left as it was."""
    with engine.connect() as probe:
        with probe.begin():
            needs_backup = _holds_tables(probe)
            before = current_revision(probe) if needs_backup else None
            current = before == head_revision() and target == "head"
            triggers_ok = current and triggers_current(probe)
        if current:
            if not triggers_ok:  # dropped by hand or by an older app: put them back before any write
                with probe.execution_options(**{WRITE_OPTION: True}).begin():
                    install_triggers(probe)
            assert before is not None  # current: the stored revision is the head
            return MigrationResult(before, before, None)
        if before is not None and _known(before) is False:
            raise NewerDatabase(before)
        backup = _backup(probe, backups, before) if needs_backup else None
    with engine.connect() as conn:
        # Table copies in batch migrations would trip foreign keys half-way; check them all at the end.
        _pragma(conn, "PRAGMA foreign_keys = OFF")
        # No `temp_store = FILE` here: SQLCipher does not encrypt temporary files, so whatever a migration sorts
        # or keeps in a temporary table would reach the disk in plain text. Migrations keep their temporary
        # data small instead (0007 folds the change log record by record).
        try:
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                from alembic import command

                command.upgrade(alembic_config(conn), target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if problems:
                    raise MigrationFailed(f"foreign key violations after migration: {problems[:5]}")
                install_triggers(conn)
                after = current_revision(conn)
        finally:
            _pragma(conn, "PRAGMA foreign_keys = ON")
        _reclaim(conn)
    return MigrationResult(before, after or "", backup)


def _reclaim(conn: Connection) -> None:
    """Give the space a migration freed back to the disk (0007 drops a change log of gigabytes), when it is
    most of the file; VACUUM cannot run inside the migration's transaction, so it runs after it."""
    raw = conn.connection.driver_connection  # outside any transaction, as VACUUM needs
    pages = raw.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[union-attr]  # driver conn. None only if closed
    free = raw.execute("PRAGMA freelist_count").fetchone()[0]  # type: ignore[union-attr]  # driver conn. None only if closed
    if free > 2048 and free * 2 > pages:
        _pragma(conn, "VACUUM")
        # VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY, as `visit`: the search
        # index, keyed by rowid, is emptied and filled again by the next search.
        from fieldapp.storage import search_index

        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            search_index.reset(conn)
