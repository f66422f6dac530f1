"""Bulk saves without the ORM unit of work store, stamp and queue exactly what the ORM path does."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.domain.validation import ValidationFailed
from fieldapp.domain.visit_records import Visit, VisitAttendee
from fieldapp.services import records
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.storage import integrity, repository
from fieldapp.storage.capture import synced_tables

WHEN = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _batch() -> list[Any]:
    people = [Participant(id=f"p-{i}", first_name=f"Kari{i}", last_name="Østby", fodselsnummer=None) for i in range(3)]
    visit = Visit(id="v-1", participant_id="p-0", starts_at=WHEN, summary="Første samtale på lageret.")
    return [*people, visit, VisitAttendee(id="a-1", visit_id="v-1", role="employer", name="Ola Nordmann")]


def _state(ws: Workspace) -> dict[str, Any]:
    """Every synced row, clock and outbox entry, without the values that differ between two saves (when, who)."""
    skip = {"created_at", "updated_at", "created_by", "updated_by"}
    with ws.folder.read() as session:
        conn = session.connection()
        rows = {t.name: sorted(tuple((k, v) for k, v in r._mapping.items() if k not in skip)
                               for r in conn.exec_driver_sql(f'SELECT * FROM "{t.name}"')) for t in synced_tables()}
        clocks = sorted(conn.exec_driver_sql("SELECT entity, entity_id, fields FROM record_clock").all())
        queued = sorted(conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record").all())
        assert integrity.check(conn).ok
    return {"rows": rows, "clocks": clocks, "queued": queued}


def test_bulk_insert_matches_the_orm_path_row_for_row(tmp_path: Path) -> None:
    bulk, orm = open_workspace(tmp_path / "bulk"), open_workspace(tmp_path / "orm")
    try:
        saved = records.save_all(bulk, _batch())
        with orm.folder.write() as session:
            expected = repository.save_many(session, _batch())
        assert _state(bulk) == _state(orm)
        assert [type(r) for r in saved] == [type(r) for r in expected]
        for got, want in zip(saved, expected):
            assert replace(got, created_at=None, updated_at=None, created_by="", updated_by="") == \
                replace(want, created_at=None, updated_at=None, created_by="", updated_by="")
            assert got.created_at is not None and got.created_at == got.updated_at
    finally:
        bulk.close()
        orm.close()


def test_new_and_existing_records_in_one_call(workspace: Workspace) -> None:
    first = records.save_all(workspace, _batch())
    edited = replace(first[0], first_name="Kari Anne")
    again = records.save_all(workspace, [edited, Participant(first_name="Ny", last_name="Person")])
    assert again[0].id == first[0].id and again[0].first_name == "Kari Anne"
    assert again[0].created_at == first[0].created_at
    assert again[1].id and again[1].id != first[0].id
    with workspace.folder.read() as session:
        assert repository.get(session, Participant, first[0].id).first_name == "Kari Anne"
        assert repository.get(session, Participant, again[1].id) is not None


def test_the_rules_still_hold_and_a_refused_batch_leaves_nothing(workspace: Workspace) -> None:
    records.save_all(workspace, _batch()[:3])
    before = _state(workspace)
    done = Visit(id="v-2", participant_id="p-1", starts_at=WHEN, finished_at=WHEN)
    with pytest.raises(DomainError):  # an attendee added to a finished visit, both new in the same call
        records.save_all(workspace, [done, VisitAttendee(visit_id="v-2", role="employer", name="Ola Nordmann")])
    with pytest.raises(ValidationFailed):
        records.save_all(workspace, [Participant(first_name="Gyldig", last_name="Navn"),
                                     Participant(first_name="", last_name="Tom")])
    assert _state(workspace) == before


class _FixedClock:
    def now(self) -> int:
        return 1_900_000_000_000 << 16


def _clocks_and_outbox(ws: Workspace) -> tuple[list[Any], list[Any]]:
    with ws.folder.read() as session:
        conn = session.connection()
        clocks = conn.exec_driver_sql("SELECT entity, entity_id, hlc, device_id, fields, last_hlc, digest"
                                      " FROM record_clock WHERE entity_id IN ('p-0', 'p-1', 'p-2', 'v-1', 'a-1')"
                                      " ORDER BY entity, entity_id").all()
        queued = conn.exec_driver_sql("SELECT entity, entity_id, base FROM outbox_record"
                                      " WHERE entity_id IN ('p-0', 'p-1', 'p-2', 'v-1', 'a-1') ORDER BY entity, entity_id").all()
        assert integrity.check(conn).ok
    return clocks, queued


def test_set_based_capture_writes_what_the_insert_triggers_write(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.storage import capture, records_bulk

    def insert(ws: Workspace) -> tuple[list[Any], list[Any]]:
        with ws.folder.write() as session:
            records_bulk.insert_new(session, _batch(), clock=_FixedClock(), device_id="dev-1",  # type: ignore[arg-type]  # a stub clock
                                    actor="tester")
        return _clocks_and_outbox(ws)

    set_based, by_trigger = open_workspace(tmp_path / "set"), open_workspace(tmp_path / "trigger")
    try:
        got = insert(set_based)
        with monkeypatch.context() as m:  # the per-row triggers, as bulk inserts ran before
            m.setattr(records_bulk, "replay_context", capture.open_capture)
            m.setattr(records_bulk, "capture_inserted", lambda *a, **k: None)
            want = insert(by_trigger)
        assert len(got[0]) == 5 and len(got[1]) == 5
        assert got == want
    finally:
        set_based.close()
        by_trigger.close()
