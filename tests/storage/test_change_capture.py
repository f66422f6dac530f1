"""Change capture: every field change of a synced table is logged, nothing bypasses it,
and the change log alone rebuilds every record."""

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


def _changes(ws: Workspace) -> list[tuple[int, str, str, str, Any, int, str]]:
    with ws.folder.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(  # type: ignore[misc]
            "SELECT seq, entity, entity_id, field, value, hlc, device_id FROM change_log ORDER BY seq"
        ).all()]


def _row(ws: Workspace, table: str, row_id: str) -> dict[str, Any]:
    with ws.folder.read() as session:
        return replay.table_rows(session.connection(), table)[row_id]


def _check(ws: Workspace) -> integrity.IntegrityReport:
    with ws.folder.read() as session:
        return integrity.check(session.connection())


def _assert_logged_exactly(
    new_changes: list[tuple[Any, ...]], ws: Workspace, table: str, before: dict[str, Any] | None, after: dict[str, Any]
) -> int:
    """The new change rows are one per changed field, with the new value, this device and one clock value."""
    changed = {k for k, v in after.items() if k != "id" and (before is None or before[k] != v)}
    assert changed, "the write changed nothing?"
    logged = [c[3] for c in new_changes]
    assert sorted(logged) == sorted(changed)  # one row per changed field, none twice
    for _, entity, entity_id, field, value, _, device in new_changes:
        assert (entity, entity_id, device) == (table, after["id"], ws.device_id)
        assert value == after[field]
    clocks = {c[5] for c in new_changes}
    assert len(clocks) == 1
    return clocks.pop()


def test_save_update_tombstone_log_one_row_per_changed_field(workspace: Workspace) -> None:
    ws = workspace
    log0 = _changes(ws)
    p = records.save(ws, Participant(first_name="Åse", last_name="Ødegård", phone="912 34 567"))
    row1 = _row(ws, "participant", p.id)
    log1 = _changes(ws)
    hlc1 = _assert_logged_exactly(log1[len(log0):], ws, "participant", None, row1)
    # An insert logs every column but the id, NULLs included: the log alone rebuilds the record.
    assert len(log1) - len(log0) == len(models.Participant.__table__.columns) - 1

    records.save(ws, dataclasses.replace(p, phone="+47 98 76 54 32", notes="Ønsker å jobbe på lager"))
    row2 = _row(ws, "participant", p.id)
    log2 = _changes(ws)
    hlc2 = _assert_logged_exactly(log2[len(log1):], ws, "participant", row1, row2)
    assert {"phone", "notes"} <= {c[3] for c in log2[len(log1):]}
    assert "last_name" not in {c[3] for c in log2[len(log1):]}

    records.delete(ws, Participant, p.id)
    row3 = _row(ws, "participant", p.id)
    assert row3["deleted_at"] is not None
    log3 = _changes(ws)
    hlc3 = _assert_logged_exactly(log3[len(log2):], ws, "participant", row2, row3)
    assert "deleted_at" in {c[3] for c in log3[len(log2):]}

    assert hlc1 < hlc2 < hlc3
    seqs = [c[0] for c in log3]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert records.get(ws, Participant, p.id) is None
    assert _check(ws).ok


def test_update_that_changes_nothing_logs_nothing(workspace: Workspace) -> None:
    ws = workspace
    p = records.save(ws, Participant(first_name="Åse", last_name="Ødegård", follow_up_start=date(2024, 5, 1)))
    row = _row(ws, "participant", p.id)
    before = _changes(ws)
    again = records.save(ws, p)
    records.save(ws, dataclasses.replace(p, first_name="Åse"))
    assert _changes(ws) == before
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
    row, log = _row(ws, "participant", p.id), _changes(ws)
    with pytest.raises(IntegrityError, match=message):
        with ws.folder.write() as session:
            session.execute(text(sql), {"id": p.id})
    assert _row(ws, "participant", p.id) == row
    with ws.folder.read() as session:
        assert len(replay.table_rows(session.connection(), "participant")) == 1
    assert _changes(ws) == log
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
    log = _changes(ws)
    hlc = ws.folder.clock.now()
    with ws.folder.write() as session:
        conn = session.connection()
        open_capture(conn, hlc=hlc, device_id=ws.device_id)
        session.execute(text("UPDATE participant SET notes = 'Rettet i skallet: æøå' WHERE id = :id"), {"id": p.id})
        close_capture(conn)
    new = _changes(ws)[len(log):]
    assert [(c[3], c[4], c[5], c[6]) for c in new] == [("notes", "Rettet i skallet: æøå", hlc, ws.device_id)]
    assert _check(ws).ok


def test_orm_delete_raises_hard_delete_refused(workspace: Workspace) -> None:
    ws = workspace
    p = _saved_participant(ws)
    row, log = _row(ws, "participant", p.id), _changes(ws)
    with pytest.raises(HardDeleteRefused):
        with ws.folder.write() as session:
            obj = session.get(models.Participant, p.id)
            assert obj is not None
            session.delete(obj)
            session.flush()
    assert _row(ws, "participant", p.id) == row
    assert _changes(ws) == log


# Random edits, then rebuild from the change log ----------------------------------------------------

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
            log_len = len(_changes(ws))
            good = _edit_participant(rng, current(Participant, rng.choice(alive[Participant])))
            with pytest.raises(ValidationFailed):
                records.save_all(ws, [dataclasses.replace(good, notes="Gyldig endring"),
                                      Participant(first_name="", last_name="Tom")])
            assert len(_changes(ws)) == log_len
        done[op] = done.get(op, 0) + 1
    return done


def _tombstoned(ws: Workspace, cls: type, rid: str) -> Any:
    """The record even when tombstoned (services hide those)."""
    with ws.folder.read() as session:
        return repository.get(session, cls, rid, include_deleted=True)


def _all_rows(conn: Connection) -> dict[str, dict[str, dict[str, Any]]]:
    return {t.name: replay.table_rows(conn, t.name) for t in synced_tables()}


@pytest.mark.parametrize("seed", [20240601, 7])
def test_random_edits_stay_consistent_and_rebuild_from_the_log(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with open_workspace(tmp_path / "original") as ws:
        done = _random_edits(ws, rng, 200)
        assert done.get("del_p", 0) + done.get("del_e", 0) + done.get("del_pl", 0) > 0, done
        assert done.get("edit_pl", 0) > 0 and done.get("batch", 0) > 0, done
        with ws.folder.read() as session:
            conn = session.connection()
            report = integrity.check(conn)
            assert report.ok, report.problems
            assert report.records > 20
            original = _all_rows(conn)
            changes = list(replay.read_changes(conn, batch=97))  # several batches
        assert len(changes) == report.changes
    assert any(row["deleted_at"] is not None for rows in original.values() for row in rows.values())

    with open_workspace(tmp_path / "rebuilt") as ws2:
        assert ws2.device_id != ws.device_id
        with ws2.folder.write() as session:
            written = replay.rebuild(session.connection(), changes, device_id=ws2.device_id)
        assert written == sum(len(rows) for rows in original.values())
        with ws2.folder.read() as session:
            conn = session.connection()
            rebuilt = _all_rows(conn)
            report2 = integrity.check(conn)
            assert report2.ok, report2.problems
            assert list(replay.read_changes(conn)) == changes
        for table in original:
            assert rebuilt[table] == original[table], table
        # The rebuilt folder works like any other: edits are captured with the new device id.
        pid = next(iter(original["participant"]))
        p = _tombstoned(ws2, Participant, pid)
        if p.deleted_at is None:
            records.save(ws2, dataclasses.replace(p, notes="Etter gjenoppbygging"))
            assert _changes(ws2)[-1][6] == ws2.device_id
        assert _check(ws2).ok
