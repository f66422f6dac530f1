"""Bring a data folder's database to the current schema, keeping a copy first when it holds data."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from fieldapp.storage.capture import install_triggers, triggers_current
from fieldapp.storage.engine import WRITE_OPTION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class MigrationFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_HEAD: str | None = None


def head_revision() -> str:
    global _HEAD
    if _HEAD is None:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert head is not None
        _HEAD = head
    return _HEAD


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _holds_tables(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar_one() > 0


def _pragma(conn: Connection, sql: str) -> None:
    """PRAGMAs like foreign_keys and wal_checkpoint only work outside a transaction: bypass autobegin."""
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def _backup(conn: Connection, db_path: Path, backups: Path, revision: str | None) -> Path:
    # Checkpoint so the main file alone holds every committed page; the copy stays encrypted.
    _pragma(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"fieldapp-{revision or 'unversioned'}-{stamp}.db"
    tmp = target.with_suffix(".tmp")
    shutil.copyfile(db_path, tmp)
    tmp.replace(target)
    return target


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
            return MigrationResult(before, before, None)
        backup = _backup(probe, db_path, backups, before) if needs_backup else None
    with engine.connect() as conn:
        # Table copies in batch migrations would trip foreign keys half-way; check them all at the end.
        _pragma(conn, "PRAGMA foreign_keys = OFF")
        try:
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                command.upgrade(alembic_config(conn), target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if problems:
                    raise MigrationFailed(f"foreign key violations after migration: {problems[:5]}")
                install_triggers(conn)
                after = current_revision(conn)
        finally:
            _pragma(conn, "PRAGMA foreign_keys = ON")
    return MigrationResult(before, after or "", backup)
