"""Migration 0012: record_merge arrives on a folder holding data, captures its changes, and goes away again."""

from __future__ import annotations

import secrets
from pathlib import Path

import sqlalchemy as sa

from fieldapp.storage.engine import make_engine
from tests.storage.test_migration_0010_team import _insert, _run


def test_0012_adds_record_merge_next_to_existing_participants(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "merge.db", secrets.token_bytes(32))
    try:
        _run(engine, "upgrade", "0010")
        _insert(engine, "participant", triggers=False, id="p1", first_name="Siri", last_name="Ødegård",
                method="ips", status="active")
        _run(engine, "upgrade", "head")
        _insert(engine, "record_merge", id="m1", entity="participant", from_id="p2", into_id="p1",
                merged_at="2026-12-03T12:00:00.000000Z")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT last_name FROM participant").scalar_one() == "Ødegård"
            queued = {(r[0], r[1]) for r in conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record")}
        assert ("record_merge", "m1") in queued  # it syncs like any record
        _run(engine, "downgrade", "0010")
        with engine.connect() as conn:
            assert "record_merge" not in set(sa.inspect(conn).get_table_names())
            assert conn.exec_driver_sql("SELECT count(*) FROM participant").scalar_one() == 1
    finally:
        engine.dispose()
