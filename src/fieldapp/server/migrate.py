"""Bring the server database to the current schema (Alembic, shipped in the package)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from fieldapp.server.db import WRITE, is_postgres, metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Several server processes may start at once against one PostgreSQL: one migrates, the others wait.
_PG_LOCK_ID = 0x6669656C64617070


def alembic_config(connection: object = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE: True}).begin():
            if is_postgres(engine):
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_ID})")
            command.upgrade(alembic_config(conn), "head")


def schema_differences(engine: Engine) -> list[object]:
    """What autogenerate would change: empty when the migrations match the table definitions."""
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata))
