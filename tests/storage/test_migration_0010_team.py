"""Migration 0010: the team tables arrive on a folder holding data, capture their changes, and go away again."""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

import alembic.command
import sqlalchemy as sa

from fieldapp.storage import capture
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import alembic_config

TEAM_TABLES = {"specialist", "assignment", "fidelity_assessment"}
ROW = {"created_at": "2026-01-01T00:00:00.000000Z", "created_by": "x", "updated_at": "2026-01-01T00:00:00.000000Z",
       "updated_by": "x"}


def _run(engine: sa.Engine, command: str, revision: str) -> None:
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            getattr(alembic.command, command)(alembic_config(conn), revision)


def _insert(engine: sa.Engine, table: str, *, triggers: bool = True, **values: object) -> None:
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            if triggers:  # as the app does after migrating to head
                capture.install_triggers(conn)
            capture.open_capture(conn, hlc=1 << 16, device_id=str(uuid.uuid4()))
            t = sa.table(table, *(sa.column(n) for n in {**ROW, **values}))
            conn.execute(sa.insert(t).values(**ROW, **values))
            capture.close_capture(conn)


def test_0010_adds_team_tables_next_to_existing_participants(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "team.db", secrets.token_bytes(32))
    try:
        _run(engine, "upgrade", "0009")  # the revision before this one (0007 changed how changes are kept)
        with engine.connect() as conn:
            assert not TEAM_TABLES & set(sa.inspect(conn).get_table_names())
        _insert(engine, "participant", triggers=False, id="p1", first_name="Siri", last_name="Ødegård", method="ips", status="active")
        # Head, not 0010: the triggers installed below are those of every synced table the models know.
        _run(engine, "upgrade", "head")
        _insert(engine, "specialist", id="s1", name="Kari Fjellheim", active=True)
        _insert(engine, "assignment", id="a1", participant_id="p1", specialist_id="s1", start="2026-01-01",
                reason="start")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT last_name FROM participant").scalar_one() == "Ødegård"
            clocked = {(r[0], r[1]) for r in conn.exec_driver_sql("SELECT entity, entity_id FROM record_clock")}
            queued = {(r[0], r[1]) for r in conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record")}
        # The new tables' rows get their clocks and wait for the next sync.
        assert {("specialist", "s1"), ("assignment", "a1")} <= clocked & queued
        _run(engine, "downgrade", "0009")
        with engine.connect() as conn:
            assert not TEAM_TABLES & set(sa.inspect(conn).get_table_names())
            assert conn.exec_driver_sql("SELECT count(*) FROM participant").scalar_one() == 1
    finally:
        engine.dispose()
