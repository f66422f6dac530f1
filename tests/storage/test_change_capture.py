"""Change capture: every field change of a synced table gets a new clock and queues the record for sync,
and nothing bypasses it (rebuilding from the server's history is in test_rebuild_from_server.py)."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.services import records
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.storage import integrity, models, replay, repository
from fieldapp.storage.capture import HardDeleteRefused, close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import decode

Stamps = dict[tuple[str, str, str], tuple[int, str]]


def _stamps(ws: Workspace) -> Stamps:
    """(entity, id, field) -> the field's newest (hlc, device), for every field of every record."""
    columns = {t.name: [c.name for c in t.columns if c.name != "id"] for t in synced_tables()}
    out: Stamps = {}
    with ws.folder.read() as session:
        for entity, entity_id, *clock in session.connection().exec_driver_sql(
                "SELECT entity, entity_id, hlc, device_id, fields FROM record_clock"):
            clocks = decode(*clock)
            for name in columns[entity]:
                out[(entity, entity_id, name)] = clocks.of(name)
    return out


def _new(before: Stamps, after: Stamps) -> list[tuple[str, str, str, int, str]]:
    """The fields whose clock moved: what a change log would have logged."""
    return [(*k, *v) for k, v in after.items() if before.get(k) != v]


def _queued(ws: Workspace) -> set[tuple[str, str]]:
    with ws.folder.read() as session:
        return {tuple(r) for r in session.connection().exec_driver_sql(
            "SELECT entity, entity_id FROM outbox_record").all()}


def _row(ws: Workspace, table: str, row_id: str) -> dict[str, Any]:
    with ws.folder.read() as session:
        return replay.table_rows(session.connection(), table)[row_id]


def _check(ws: Workspace) -> integrity.IntegrityReport:
    with ws.folder.read() as session:
        return integrity.check(session.connection())


def _assert_stamped_exactly(
    new_stamps: list[tuple[Any, ...]], ws: Workspace, table: str, before: dict[str, Any] | None, after: dict[str, Any]
) -> int:
    """Exactly the changed fields got a new clock: this device's, one clock value for the write."""
    changed = {k for k, v in after.items() if k != "id" and (before is None or before[k] != v)}
    assert changed, "the write changed nothing?"
    assert sorted(c[2] for c in new_stamps) == sorted(changed)
    for entity, entity_id, _, _, device in new_stamps:
        assert (entity, entity_id, device) == (table, after["id"], ws.device_id)
    clocks = {c[3] for c in new_stamps}
    assert len(clocks) == 1
    assert (table, after["id"]) in _queued(ws)  # and the record waits to be sent
    return clocks.pop()


def test_save_update_tombstone_stamp_exactly_the_changed_fields(workspace: Workspace) -> None:
    ws = workspace
    s0 = _stamps(ws)
    p = records.save(ws, Participant(first_name="Åse", last_name="Ødegård", phone="912 34 567"))
    row1 = _row(ws, "participant", p.id)
    s1 = _stamps(ws)
    hlc1 = _assert_stamped_exactly(_new(s0, s1), ws, "participant", None, row1)
    # An insert stamps every column but the id, NULLs included, with one clock stored once.
    assert len(_new(s0, s1)) == len(models.Participant.__table__.columns) - 1
    with ws.folder.read() as session:
        assert session.connection().exec_driver_sql(
            "SELECT fields FROM record_clock WHERE entity_id = ?", (p.id,)).scalar_one() == "{}"

    records.save(ws, dataclasses.replace(p, phone="+47 98 76 54 32", notes="Ønsker å jobbe på lager"))
    row2 = _row(ws, "participant", p.id)
    s2 = _stamps(ws)
    hlc2 = _assert_stamped_exactly(_new(s1, s2), ws, "participant", row1, row2)
    assert {"phone", "notes"} <= {c[2] for c in _new(s1, s2)}
    assert "last_name" not in {c[2] for c in _new(s1, s2)}

    records.delete(ws, Participant, p.id)
    row3 = _row(ws, "participant", p.id)
    assert row3["deleted_at"] is not None
    s3 = _stamps(ws)
    hlc3 = _assert_stamped_exactly(_new(s2, s3), ws, "participant", row2, row3)
    assert "deleted_at" in {c[2] for c in _new(s2, s3)}

    assert hlc1 < hlc2 < hlc3
    assert s3[("participant", p.id, "last_name")] == (hlc1, ws.device_id)  # untouched fields keep their clock
    assert _queued(ws) == {("participant", p.id)}  # one outbox entry per record, however often it changed
    assert records.get(ws, Participant, p.id) is None
    assert _check(ws).ok


def test_update_that_changes_nothing_logs_nothing(workspace: Workspace) -> None:
    ws = workspace
    p = records.save(ws, Participant(first_name="Åse", last_name="Ødegård", follow_up_start=date(2024, 5, 1)))
    row = _row(ws, "participant", p.id)
    before = _stamps(ws)
    again = records.save(ws, p)
    records.save(ws, dataclasses.replace(p, first_name="Åse"))
    assert _stamps(ws) == before
    assert _row(ws, "participant", p.id) == row  # not even updated_at moved
    assert again == p


def _saved_participant(ws: Workspace) -> Participant:
    return records.save(ws, Participant(first_name="Kari", last_name="Bæckstrøm"))


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE participant SET last_name = 'Endret' WHERE id = :id", "outside change capture"),
        ("DELETE FROM participant WHERE id = :id", "never deleted"),
        ("DELETE FROM participant", "never deleted"),
        ("INSERT INTO participant (id, first_name, last_name, method, status, created_at, created_by, updated_at,"
         " updated_by) SELECT 'x' || :id, first_name, last_name, method, status, created_at, created_by,"
         " updated_at, updated_by FROM participant WHERE id = :id", "outside change capture"),
    ],
)
def test_raw_sql_outside_capture_is_refused(workspace: Workspace, sql: str, message: str) -> None:
    ws = workspace
    p = _saved_participant(ws)
    row, log = _row(ws, "participant", p.id), _stamps(ws)
    with pytest.raises(IntegrityError, match=message):
        with ws.folder.write() as session:
            session.execute(text(sql), {"id": p.id})
    assert _row(ws, "participant", p.id) == row
    with ws.folder.read() as session:
        assert len(replay.table_rows(session.connection(), "participant")) == 1
    assert _stamps(ws) == log
    assert _check(ws).ok


def test_delete_is_refused_even_inside_capture_and_ids_never_change(workspace: Workspace) -> None:
    ws = workspace
    p = _saved_participant(ws)
    row = _row(ws, "participant", p.id)
    for sql, message in (("DELETE FROM participant WHERE id = :id", "never deleted"),
                         ("UPDATE participant SET id = 'other' WHERE id = :id", "id change")):
        with pytest.raises(IntegrityError, match=message):
            with ws.folder.write() as session:
                conn = session.connection()
                open_capture(conn, hlc=ws.folder.clock.now(), device_id=ws.device_id)
                session.execute(text(sql), {"id": p.id})
    assert _row(ws, "participant", p.id) == row
    assert _check(ws).ok


def test_raw_sql_inside_capture_is_logged(workspace: Workspace) -> None:
    ws = workspace
    p = _saved_participant(ws)
    log = _stamps(ws)
    hlc = ws.folder.clock.now()
    with ws.folder.write() as session:
        conn = session.connection()
        open_capture(conn, hlc=hlc, device_id=ws.device_id)
        session.execute(text("UPDATE participant SET notes = 'Rettet i skallet: æøå' WHERE id = :id"), {"id": p.id})
        close_capture(conn)
    assert _new(log, _stamps(ws)) == [("participant", p.id, "notes", hlc, ws.device_id)]
    assert _row(ws, "participant", p.id)["notes"] == "Rettet i skallet: æøå"
    assert _check(ws).ok


def test_orm_delete_raises_hard_delete_refused(workspace: Workspace) -> None:
    ws = workspace
    p = _saved_participant(ws)
    row, log = _row(ws, "participant", p.id), _stamps(ws)
    with pytest.raises(HardDeleteRefused):
        with ws.folder.write() as session:
            obj = session.get(models.Participant, p.id)
            assert obj is not None
            session.delete(obj)
            session.flush()
    assert _row(ws, "participant", p.id) == row
    assert _stamps(ws) == log


# Random edits (rebuilt from the server in test_rebuild_from_server.py) ----------------------------------------------------

FIRST = ["Åse", "Øystein", "Kari", "Bjørn", "Ærlend", "Siv", "Mons"]
LAST = ["Ødegård", "Bråten", "Sæther", "Lie", "Håland", "Nygård"]
JOBS = ["Lagermedarbeider", "Butikkmedarbeider", "Kokk", "Renholder", "Sjåfør"]
EMPLOYERS = ["Rema 1000 Grünerløkka", "Bøker & Blæk AS", "Kafé Måken", "Sørlandsbygg AS"]


def _maybe(rng: random.Random, value: Any) -> Any:
    return value if rng.random() < 0.6 else None


def _new_participant(rng: random.Random) -> Participant:
    return Participant(
        first_name=rng.choice(FIRST), last_name=rng.choice(LAST),
        phone=_maybe(rng, f"9{rng.randrange(10**7):07d}"),
        follow_up_start=_maybe(rng, date(2024, 1, 1) + timedelta(days=rng.randrange(400))),
        status=rng.choice(["active", "in_work", "ended"]),
        notes=_maybe(rng, f"Notat {rng.randrange(1000)} – ære være på jobb"),
    )


def _edit_participant(rng: random.Random, p: Participant) -> Participant:
    changes: dict[str, Any] = {}
    if rng.random() < 0.5:
        changes["last_name"] = rng.choice(LAST)
    if rng.random() < 0.5:
        changes["status"] = rng.choice(["active", "in_work", "ended"])
    if rng.random() < 0.4:
        changes["notes"] = _maybe(rng, f"Oppdatert {rng.randrange(1000)} æøå")
    if rng.random() < 0.3:
        changes["phone"] = _maybe(rng, f"4{rng.randrange(10**7):07d}")
    return dataclasses.replace(p, **changes)


def _new_employer(rng: random.Random) -> Employer:
    return Employer(name=rng.choice(EMPLOYERS), city=_maybe(rng, rng.choice(["Oslo", "Tromsø", "Bodø"])),
                    postcode=_maybe(rng, f"{rng.randrange(10000):04d}"))


def _edit_employer(rng: random.Random, e: Employer) -> Employer:
    return dataclasses.replace(e, name=rng.choice(EMPLOYERS) if rng.random() < 0.5 else e.name,
                               notes=_maybe(rng, f"Kontaktet {rng.randrange(100)} ganger"))


def _new_placement(rng: random.Random, participant_id: str, employer_id: str) -> Placement:
    start = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
    return Placement(
        participant_id=participant_id, employer_id=employer_id, job_title=rng.choice(JOBS),
        percentage=_maybe(rng, rng.randrange(10, 101)), days_per_week=_maybe(rng, rng.randrange(1, 6)),
        ordinary_wage=rng.random() < 0.7, start_date=start, status="planned",
    )


def _edit_placement(rng: random.Random, pl: Placement) -> Placement:
    changes: dict[str, Any] = {}
    if rng.random() < 0.5:
        changes["status"] = rng.choice(["planned", "active", "ended"])
    if rng.random() < 0.5:
        changes["percentage"] = _maybe(rng, rng.randrange(0, 101))
    if rng.random() < 0.3 and pl.start_date is not None:
        changes["end_date"] = pl.start_date + timedelta(days=rng.randrange(200))
        changes["end_reason"] = "Fikk fast jobb på Ørland"
    if rng.random() < 0.2:
        changes["ordinary_wage"] = not pl.ordinary_wage
    return dataclasses.replace(pl, **changes)


def _random_edits(ws: Workspace, rng: random.Random, operations: int) -> dict[str, int]:
    alive: dict[type, list[str]] = {Participant: [], Employer: [], Placement: []}
    done: dict[str, int] = {}

    def current(cls: type, rid: str) -> Any:
        found = records.get(ws, cls, rid)
        assert found is not None
        return found

    for _ in range(operations):
        op = rng.choices(
            ["new_p", "edit_p", "del_p", "new_e", "edit_e", "del_e", "new_pl", "edit_pl", "del_pl", "batch",
             "invalid", "noop"],
            weights=[12, 20, 4, 6, 8, 2, 10, 20, 4, 6, 4, 4],
        )[0]
        if op == "new_p":
            alive[Participant].append(records.save(ws, _new_participant(rng)).id)
        elif op == "new_e":
            alive[Employer].append(records.save(ws, _new_employer(rng)).id)
        elif op == "new_pl":
            if not (alive[Participant] and alive[Employer]):
                continue
            pl = _new_placement(rng, rng.choice(alive[Participant]), rng.choice(alive[Employer]))
            alive[Placement].append(records.save(ws, pl).id)
        elif op.startswith(("edit_", "del_", "noop")):
            cls = {"p": Participant, "e": Employer, "pl": Placement}.get(op.split("_")[-1], Participant)
            if op == "noop":
                cls = rng.choice([Participant, Employer, Placement])
            if not alive[cls]:
                continue
            rid = rng.choice(alive[cls])
            if op.startswith("del_"):
                records.delete(ws, cls, rid)
                alive[cls].remove(rid)
                with pytest.raises(DomainError):  # a tombstoned record cannot be edited
                    records.save(ws, _tombstoned(ws, cls, rid))
            elif op == "noop":
                records.save(ws, current(cls, rid))
            else:
                edit = {Participant: _edit_participant, Employer: _edit_employer, Placement: _edit_placement}[cls]
                records.save(ws, edit(rng, current(cls, rid)))
        elif op == "batch":
            # Several records in one transaction: each flush gets its own clock value.
            batch: list[Any] = [_new_participant(rng)]
            for pid in rng.sample(alive[Participant], min(2, len(alive[Participant]))):
                batch.append(_edit_participant(rng, current(Participant, pid)))
            saved = records.save_all(ws, batch)
            alive[Participant].append(saved[0].id)
        elif op == "invalid":
            # A failing write in the middle of a transaction leaves no trace, in the tables or the log.
            if not alive[Participant]:
                continue
            log = _stamps(ws)
            good = _edit_participant(rng, current(Participant, rng.choice(alive[Participant])))
            with pytest.raises(ValidationFailed):
                records.save_all(ws, [dataclasses.replace(good, notes="Gyldig endring"),
                                      Participant(first_name="", last_name="Tom")])
            assert _stamps(ws) == log
        done[op] = done.get(op, 0) + 1
    return done


def _tombstoned(ws: Workspace, cls: type, rid: str) -> Any:
    """The record even when tombstoned (services hide those)."""
    with ws.folder.read() as session:
        return repository.get(session, cls, rid, include_deleted=True)


def _all_rows(conn: Connection) -> dict[str, dict[str, dict[str, Any]]]:
    return {t.name: replay.table_rows(conn, t.name) for t in synced_tables()}


@pytest.mark.parametrize("seed", [20240601, 7])
def test_random_edits_keep_clocks_consistent_with_rows(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with open_workspace(tmp_path / "original") as ws:
        done = _random_edits(ws, rng, 200)
        assert done.get("del_p", 0) + done.get("del_e", 0) + done.get("del_pl", 0) > 0, done
        assert done.get("edit_pl", 0) > 0 and done.get("batch", 0) > 0, done
        with ws.folder.read() as session:
            conn = session.connection()
            report = integrity.check(conn)
            assert report.ok, report.problems
            assert report.records == report.changes > 20  # one clock row per record
            rows = _all_rows(conn)
        assert _queued(ws) == {(t, i) for t, by_id in rows.items() for i in by_id}  # never enrolled: all wait


def test_check_finds_clocks_that_do_not_match_the_rows(workspace: Workspace) -> None:
    ws = workspace
    p = _saved_participant(ws)
    with ws.folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("UPDATE record_clock SET fields = '{\"favourite\": [1, \"x\"]}' WHERE entity_id = ?",
                             (p.id,))
    assert any("favourite" in problem for problem in _check(ws).problems)
    with ws.folder.write() as session:
        session.connection().exec_driver_sql("DELETE FROM record_clock WHERE entity_id = ?", (p.id,))
    assert any("no clocks" in problem for problem in _check(ws).problems)
