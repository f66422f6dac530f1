"""Migration 0007 on a database made by the migrations before it, holding demo data written through that
schema's change log: every record, every field's newest clock, the unsent outbox and what the server
already has are kept."""

from __future__ import annotations

import dataclasses
import json
import secrets
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import alembic.command
import pytest
from sqlalchemy import Connection, Engine

from fieldapp.demo.generate import generate
from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, replay
from fieldapp.storage.capture import close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import field_stamps
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import MigrationResult, alembic_config, current_revision, migrate

COLUMNS = {t.name: [c.name for c in t.columns if c.name != "id"] for t in synced_tables()}


def _old_log_triggers() -> list[str]:
    """The change-log triggers as revision 0006's app installed them (one log row per changed field)."""
    out = []
    logging_on = "(SELECT replay FROM capture_context) = 0"
    for t, cols in COLUMNS.items():
        def rows(where: Callable[[str], str], t: str = t, cols: list[str] = cols) -> str:
            return "".join(f" INSERT INTO change_log(entity, entity_id, field, value, hlc, device_id) SELECT '{t}',"
                           f' NEW.id, \'{c}\', NEW."{c}", hlc, device_id FROM capture_context{where(c)};' for c in cols)
        out.append(f'CREATE TRIGGER fa_{t}_log_insert AFTER INSERT ON "{t}" WHEN {logging_on} BEGIN{rows(lambda c: "")} END')
        out.append(f'CREATE TRIGGER fa_{t}_log_update AFTER UPDATE ON "{t}" WHEN {logging_on} BEGIN'
                   f'{rows(lambda c: f" WHERE OLD.{chr(34)}{c}{chr(34)} IS NOT NEW.{chr(34)}{c}{chr(34)}")} END')
    return out


@pytest.fixture
def old_folder(tmp_path: Path) -> Iterator[tuple[Engine, Path, Workspace]]:
    path = tmp_path / "old.db"
    engine = make_engine(path, secrets.token_bytes(32))
    with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
        alembic.command.upgrade(alembic_config(conn), "0006")
        for ddl in _old_log_triggers():
            conn.exec_driver_sql(ddl)
    device = str(uuid.uuid4())
    folder = DataFolder(path=tmp_path, engine=engine, device_id=device, clock=HybridLogicalClock(),
                        migration=MigrationResult("0006", "0006", None), actor="Jobbspesialist Test")
    try:
        yield engine, path, Workspace(folder)
    finally:
        engine.dispose()


def _newest(conn: Connection) -> tuple[set[tuple[str, str, str, int, str]], dict[tuple[str, str, str], Any]]:
    """What the change log says: the newest (hlc, device) of every known field, and of unknown ones the value."""
    newest: dict[tuple[str, str, str], tuple[int, str, int, Any]] = {}
    for seq, e, i, f, v, h, d in conn.exec_driver_sql(
            "SELECT seq, entity, entity_id, field, value, hlc, device_id FROM change_log"):
        if (e, i, f) not in newest or (h, d, seq) > newest[(e, i, f)][:3]:
            newest[(e, i, f)] = (h, d, seq, v)
    known = {(e, i, f, h, d) for (e, i, f), (h, d, _, _) in newest.items() if f in COLUMNS.get(e, ())}
    foreign = {k: v[3] for k, v in newest.items() if k[2] not in COLUMNS.get(k[0], ())}
    return known, foreign


def _rows(conn: Connection) -> dict[str, dict[str, dict[str, Any]]]:
    return {t: replay.table_rows(conn, t) for t in COLUMNS}


def test_0007_keeps_every_record_clock_and_unsent_change(old_folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine, path, ws = old_folder
    generate(ws, participants=8, visits_per_participant=3, seed=7)
    with ws.folder.read() as session:
        ids = [r[0] for r in session.connection().exec_driver_sql("SELECT id FROM participant ORDER BY id")]
    for pid in ids[:3]:  # later edits: these fields get a newer clock than the rest of the record
        p = records.get(ws, Participant, pid)
        assert p is not None
        records.save(ws, dataclasses.replace(p, notes="Endret etter første synk: æøå"))
    other = str(uuid.uuid4())
    with ws.folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('device_id', ?)", (ws.device_id,))
        total = conn.exec_driver_sql("SELECT max(seq) FROM change_log").scalar_one()
        half, three_q = total // 2, total * 3 // 4
        # A remote device's newer value (applied unlogged, then logged with its clock, as merge did) and a
        # field of a newer release.
        far = ws.folder.clock.now() + 1000
        open_capture(conn, hlc=far, device_id=other, replay=True)
        conn.exec_driver_sql("UPDATE participant SET phone = '912 34 567' WHERE id = ?", (ids[4],))
        close_capture(conn)
        conn.exec_driver_sql(
            "INSERT INTO change_log (entity, entity_id, field, value, hlc, device_id) VALUES"
            " ('participant', ?, 'phone', '912 34 567', ?, ?), ('participant', ?, 'favourite_colour', 'grønn', ?, ?)",
            (ids[4], far, other, ids[4], far, other))
        conn.exec_driver_sql("INSERT INTO sync_account (id, server_url, team_id, team_name, history_id, cursor,"
                             " enrolled_at) VALUES (1, 'http://x', 't', 'Team', 'h', 7, '2026-01-01T00:00:00.000000Z')")
        conn.exec_driver_sql("INSERT INTO sync_mark (change_seq, cursor) VALUES (?, 5)", (half,))
        conn.exec_driver_sql(
            "INSERT INTO sync_outbox (seq, first_change_seq, last_change_seq, change_count, key_id, blob, created_at,"
            " pushed_cursor) VALUES (1, 1, ?, ?, 'k', x'01', '2026-01-01T00:00:00.000000Z', 3),"
            " (2, ?, ?, ?, 'k', x'5345414c4544', '2026-01-01T00:00:00.000000Z', NULL)",
            (half, half, half + 1, three_q, three_q - half))
        before_rows = _rows(conn)
        known, foreign = _newest(conn)
        unsent = {(e, i) for e, i in conn.exec_driver_sql(
            "SELECT DISTINCT entity, entity_id FROM change_log WHERE seq > ? AND device_id = ?", (three_q, ws.device_id))}
        in_batch_2 = {(e, i) for e, i in conn.exec_driver_sql(
            "SELECT DISTINCT entity, entity_id FROM change_log WHERE seq BETWEEN ? AND ?", (half + 1, three_q))}
        acked = {(e, i) for e, i in conn.exec_driver_sql(
            "SELECT DISTINCT entity, entity_id FROM change_log WHERE seq <= ?", (half,))}
    assert sum(len(r) for r in before_rows.values()) > 100 and unsent and in_batch_2

    result = migrate(engine, path, tmp_path / "backups")
    assert (result.from_revision, result.to_revision) == ("0006", "0007") and result.backup is not None

    with engine.connect() as conn:
        assert current_revision(conn) == "0007"
        assert _rows(conn) == before_rows  # every record, every value
        assert field_stamps(conn, COLUMNS) == known  # every field's newest clock
        assert {(e, i, f): v for e, i, f, v in conn.exec_driver_sql(
            "SELECT entity, entity_id, field, value FROM foreign_change")} == foreign
        assert {(e, i) for e, i in conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record")} == unsent
        seq, blob, base, members = conn.exec_driver_sql(
            "SELECT seq, blob, base, members FROM sync_outbox").one()  # only the unacknowledged batch, byte for byte
        assert (seq, blob, base) == (2, b"SEALED", 5)
        assert {(m[0], m[1]) for m in json.loads(members)} == in_batch_2
        assert conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'last_batch_seq'").scalar_one() == "2"
        on_server = {(e, i) for e, i, c in conn.exec_driver_sql(
            "SELECT entity, entity_id, acked_cursor FROM record_clock WHERE acked_cursor IS NOT NULL") if c == 3}
        assert on_server == acked
        for name in ("change_log", "sync_mark"):
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)).scalar_one() == 0
        report = integrity.check(conn)
        assert report.ok, report.problems
    # The migrated folder works: a new visit is stamped and queued.
    folder = DataFolder(path=tmp_path, engine=engine, device_id=ws.device_id,
                        clock=HybridLogicalClock(last=far), migration=result)
    v = records.save(Workspace(folder), Visit(participant_id=ids[0], starts_at=datetime(2026, 12, 1, 9, tzinfo=UTC)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox_record WHERE entity_id = ?", (v.id,)).scalar_one() == 1
        assert integrity.check(conn).ok
