"""Alembic environment of the server database: runs on the connection fieldapp-server passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from fieldapp.server.db import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
