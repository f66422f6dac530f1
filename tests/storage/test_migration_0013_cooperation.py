"""Migration 0013: the cooperation tables arrive on a folder holding data, capture their changes, and go away."""

from __future__ import annotations

import secrets
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from fieldapp.storage.engine import make_engine
from fieldapp.storage.migrate import alembic_config
from tests.storage.test_migration_0010_team import _insert, _run

TABLES = {"cooperation_meeting", "meeting_item", "participant_benefit"}
# The revision before this one: revisions written alongside may be chained in between at the merge.
BEFORE = str(ScriptDirectory.from_config(alembic_config()).get_revision("0013").down_revision)


def test_0013_adds_cooperation_tables_next_to_existing_participants(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "cooperation.db", secrets.token_bytes(32))
    try:
        _run(engine, "upgrade", BEFORE)
        with engine.connect() as conn:
            assert not TABLES & set(sa.inspect(conn).get_table_names())
        _insert(engine, "participant", triggers=False, id="p1", first_name="Siri", last_name="Ødegård", method="ips",
                status="active")
        _run(engine, "upgrade", "head")  # triggers are installed for every table of the current models
        _insert(engine, "cooperation_meeting", id="m1", participant_id="p1", held_on="2026-12-03",
                topic="Veien mot jobb", attendee_ids="[]", share_mapping=False)
        _insert(engine, "meeting_item", id="i1", meeting_id="m1", what="Søke tre jobber")
        _insert(engine, "participant_benefit", id="b1", participant_id="p1", kind="aap")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT last_name FROM participant").scalar_one() == "Ødegård"
            clocked = {(r[0], r[1]) for r in conn.exec_driver_sql("SELECT entity, entity_id FROM record_clock")}
            queued = {(r[0], r[1]) for r in conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record")}
        # The new tables' rows get their clocks and wait for the next sync.
        expected = {("cooperation_meeting", "m1"), ("meeting_item", "i1"), ("participant_benefit", "b1")}
        assert expected <= clocked & queued
        _run(engine, "downgrade", BEFORE)
        with engine.connect() as conn:
            assert not TABLES & set(sa.inspect(conn).get_table_names())
            assert conn.exec_driver_sql("SELECT count(*) FROM participant").scalar_one() == 1
    finally:
        engine.dispose()
