"""Migration 0007 on a database made by the migrations before it, holding demo data written through that
schema's change log: every record, every field's newest clock, the unsent outbox and what the server
already has are kept. The folder is opened by this release, so it goes on to the head revision, as a user's
folder does."""

from __future__ import annotations

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
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, replay
from fieldapp.storage.capture import close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import field_stamps
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import MigrationResult, alembic_config, current_revision, head_revision, migrate

# The synced tables and columns of revision 0006 (filled in by the fixture): later revisions add tables and
# columns that a 0006 folder does not have.
COLUMNS: dict[str, list[str]] = {}


def _schema_0006(conn: Connection) -> dict[str, list[str]]:
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t.name: [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{t.name}")') if r[1] != "id"]
            for t in synced_tables() if t.name in tables}


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


def _demo_rows(tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Demo data made by this release (its models have columns revision 0006 lacks), as rows of 0006's columns."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    engine = make_engine(scratch / "new.db", secrets.token_bytes(32))
    try:
        result = migrate(engine, scratch / "new.db", scratch / "backups")
        folder = DataFolder(path=scratch, engine=engine, device_id=str(uuid.uuid4()), clock=HybridLogicalClock(),
                            migration=result, actor="Jobbspesialist Test")
        generate(Workspace(folder), participants=8, visits_per_participant=3, seed=7)
        with engine.connect() as conn:
            return {t: [dict(r._mapping) for r in conn.exec_driver_sql(
                f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in ["id", *cols])} FROM "{t}" ORDER BY rowid')]
                for t, cols in COLUMNS.items()}
    finally:
        engine.dispose()


def _write_through_change_log(conn: Connection, ws: Workspace, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Store the rows as 0006's app did: each write under its own clock, logged field by field."""
    for t, table_rows in rows.items():  # parents before children
        for row in table_rows:
            open_capture(conn, hlc=ws.folder.clock.now(), device_id=ws.device_id)
            names = list(row)
            conn.exec_driver_sql(f'INSERT INTO "{t}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)})'
                                 f' VALUES ({", ".join("?" * len(names))})', tuple(row[n] for n in names))
    close_capture(conn)


@pytest.fixture
def old_folder(tmp_path: Path) -> Iterator[tuple[Engine, Path, Workspace]]:
    path = tmp_path / "old.db"
    engine = make_engine(path, secrets.token_bytes(32))
    with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
        alembic.command.upgrade(alembic_config(conn), "0006")
        COLUMNS.clear()
        COLUMNS.update(_schema_0006(conn))
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


def test_0007_keeps_every_record_clock_and_unsent_change(old_folder, tmp_path: Path) -> None:
    engine, path, ws = old_folder
    demo = _demo_rows(tmp_path)
    other = str(uuid.uuid4())
    with ws.folder.write() as session:
        conn = session.connection()
        _write_through_change_log(conn, ws, demo)
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM participant ORDER BY id")]
        for pid in ids[:3]:  # later edits: these fields get a newer clock than the rest of the record
            open_capture(conn, hlc=ws.folder.clock.now(), device_id=ws.device_id)
            conn.exec_driver_sql("UPDATE participant SET notes = 'Endret etter første synk: æøå',"
                                 " updated_at = '2026-12-01T10:00:00.000000Z' WHERE id = ?", (pid,))
        close_capture(conn)
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
    assert (result.from_revision, result.to_revision) == ("0006", head_revision()) and result.backup is not None

    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        after_rows = _rows(conn)
        # every record, every value; the columns later revisions added are empty
        assert {t: {i: {c: v for c, v in row.items() if c in before_rows[t][i]} for i, row in rows.items()}
                for t, rows in after_rows.items()} == before_rows
        added = {(t, c, v) for t, rows in after_rows.items() for row in rows.values() for c, v in row.items()
                 if c != "id" and c not in COLUMNS[t]}
        assert {(t, c) for t, c, _ in added} == {("participant", "follow_up_end"), ("participant", "phase"),
                                                  ("participant", "referred_on")}
        assert {v for _, _, v in added} == {None}
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
