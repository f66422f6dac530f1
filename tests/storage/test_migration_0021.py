"""Migration 0021 (row checksums in format 2) on a folder holding data: every checksum that held in the first
format holds in the second, a row changed behind change capture's back stays reported, and it downgrades to
the first format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import alembic.command
from sqlalchemy import Connection, Engine

from fieldapp import paths
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import integrity, keystore
from fieldapp.storage.capture import _q, digest_columns, synced_tables
from fieldapp.storage.digest import register
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import alembic_config, head_revision


def _folder_engine(data_dir: Path) -> Engine:
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    key = keystore.load_key(folder_id)
    assert key is not None
    return make_engine(paths.database_file(data_dir), key)


def _holding(conn: Connection, function: str) -> tuple[int, set[str]]:
    """(checksums stored, ids of the rows whose stored checksum is `function` of the row)."""
    register(conn.connection.dbapi_connection)
    held: set[str] = set()
    for table in synced_tables():
        values = ", ".join(f"t.{_q(c)}" for c in digest_columns(table))
        held |= {r[0] for r in conn.exec_driver_sql(
            f"SELECT t.id FROM {_q(table.name)} t JOIN record_clock c ON c.entity = ? AND c.entity_id = t.id"
            f" WHERE c.digest = {function}({values})", (table.name,))}
    return conn.exec_driver_sql("SELECT count(digest) FROM record_clock").scalar_one(), held


def test_0021_rewrites_the_checksums_that_held_and_keeps_a_changed_row_reported(data_dir: Path) -> None:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with open_workspace(data_dir) as ws:
        people = records.save_all(ws, [Participant(first_name=f"Åse {i}", last_name="Ødegård-Sæther",
                                                   notes="Ønsker «deltid» \\ 50 %") for i in range(6)])
        records.save_all(ws, [Visit(participant_id=p.id, starts_at=start + timedelta(days=i), place="Storgata 1",
                                    summary="Gikk bra – neste møte om to uker.") for i, p in enumerate(people)])
    changed = people[0].id
    engine = _folder_engine(data_dir)
    try:
        with engine.connect() as conn:
            stored, held = _holding(conn, "fa_digest")
        assert stored >= 12 and len(held) == stored  # made in format 2 by today's code
        with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
            alembic.command.downgrade(alembic_config(conn), "0020")
        with engine.connect() as conn:
            stored, held_v1 = _holding(conn, "fa_digest_v1")
        assert len(held_v1) == stored and held_v1 == held  # 0020's folders hold the first format
        with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
            # a row changed behind change capture's back, before the upgrade
            conn.exec_driver_sql("UPDATE record_clock SET digest = digest + 1 WHERE entity_id = ?", (changed,))
    finally:
        engine.dispose()

    with open_workspace(data_dir) as ws:
        assert (ws.folder.migration.from_revision, ws.folder.migration.to_revision) == ("0020", head_revision())
        with ws.folder.read() as session:
            conn = session.connection()
            stored, held_v2 = _holding(conn, "fa_digest")
            report = integrity.check(conn)
    assert held_v2 == held - {changed} and stored == len(held)
    assert len(report.problems) == 1 and changed in report.problems[0], report.problems
