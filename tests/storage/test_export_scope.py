"""The subject access export ("Eksporter innsyn") holds every row an erasure would delete for the participant:
both follow the same ownership facts (storage/erasure.py), so what we hold and what we show cannot drift apart."""

from __future__ import annotations

from datetime import date

from fieldapp.demo.generate import generate
from fieldapp.storage.base import Base
from fieldapp.storage.capture import synced_tables
from fieldapp.storage.erasure import owned_records, owned_tables
from fieldapp.storage.export_rows import participant_rows, participant_tree


def _reaching_a_participant() -> set[str]:
    """Synced tables with a chain of foreign keys to a participant, found from the schema on its own (any key, not
    only the one erasure's ownership follows)."""
    reach = {"participant"}
    grown = True
    while grown:
        grown = False
        for table in Base.metadata.sorted_tables:
            if table.name not in reach and any(fk.column.table.name in reach for fk in table.foreign_keys):
                reach.add(table.name)
                grown = True
    return reach & {t.name for t in synced_tables()}


def test_every_table_that_can_hold_a_participants_data_is_erased_and_exported() -> None:
    reaching = _reaching_a_participant()
    assert {"visit", "visit_note", "signature", "sealed_document", "read_log"} <= reaching  # the walk reaches deep
    assert set(owned_tables()) == reaching
    assert {t for t, _, _ in participant_tree()} == reaching - {"participant"}
    assert [t for t, _, _ in participant_tree()] == [t for t in owned_tables() if t != "participant"]  # same order


def test_the_export_shows_every_row_the_erasure_would_delete(workspace) -> None:  # type: ignore[no-untyped-def]  # the workspace fixture is untyped
    generate(workspace, participants=6, today=date(2026, 11, 20))
    with workspace.folder.read() as session:
        conn = session.connection()
        pids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM participant")]
        assert pids
        seen_tables: set[str] = set()
        for pid in pids:
            exported = participant_rows(conn, pid)
            assert exported is not None
            for table, ids in owned_records(conn, pid).items():
                shown = {r["id"] for r in exported.get(table, [])}
                assert set(ids) <= shown, (table, set(ids) - shown)
                seen_tables.add(table)
    assert {"participant", "visit", "agreement", "placement"} <= seen_tables  # the demo data reach deep enough
