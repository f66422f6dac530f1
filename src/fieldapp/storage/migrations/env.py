"""Alembic environment: runs on the keyed connection Fieldapp passes in, or on a plain dev URL."""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.types import TypeDecorator

import fieldapp.storage.models  # noqa: F401  (registers every table)
from fieldapp.storage.base import Base
from fieldapp.storage.revisions import EXPRESSION_INDEXES, include_name


# SQLAlchemy cannot reflect indexes on expressions and says so; ours are listed in storage/revisions.py and
# left out of the comparison on purpose.
for _index in EXPRESSION_INDEXES:
    warnings.filterwarnings("ignore", message=f"Skipped unsupported reflection of expression-based index {_index}")


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not import app types: old migrations would change when the types do.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        render_item=_render_item,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # Development only (autogenerate, `alembic check`): an unencrypted scratch database, never user data.
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
