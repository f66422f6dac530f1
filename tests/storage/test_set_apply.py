"""The set-based apply of a pulled page gives exactly what applying it record by record gives: rows, clocks,
conflicts, quarantine and values kept for newer releases, on random pages against random local state."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.record_changes import FieldChanges
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.storage import merge, quiet_inserts, sync_state
from fieldapp.storage.capture import synced_tables
from fieldapp.sync.change_sets import pack, unpack

NOTES = ["", "æøå", "Ønsker lager", "Kafé", None, "Trenger tilrettelegging"]


def _local_state(ws: Workspace, rng: random.Random) -> tuple[list[str], list[str]]:
    people = records.save_all(ws, [Participant(first_name=f"Navn{i}", last_name="Lie") for i in range(12)])
    visits = records.save_all(ws, [Visit(participant_id=rng.choice(people).id,
                                         starts_at=datetime(2026, 11, i + 1, 9, tzinfo=UTC))
                                   for i in range(8)])
    for p in rng.sample(people, 6):
        records.save(ws, dataclasses.replace(p, notes=rng.choice(NOTES[1:]), phone="912 34 567"))
    records.delete(ws, Participant, people[-1].id)
    sync_state.save_account(ws.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    with ws.folder.write() as session:  # half the records are on the server, acknowledged at cursors 1..4
        conn = session.connection()
        for n, p in enumerate(people[:6]):
            conn.exec_driver_sql("UPDATE record_clock SET acked_hlc = last_hlc, acked_cursor = ? WHERE entity_id = ?",
                                 (1 + n % 4, p.id))
    return [p.id for p in people], [v.id for v in visits]


def _page(ws: Workspace, rng: random.Random, people: list[str], visits: list[str]) -> list[merge.RemoteBatch]:
    now = ws.folder.clock.now()
    devices = [str(uuid.uuid4()) for _ in range(3)]
    new_people = [str(uuid.uuid4()) for _ in range(4)]
    batches = []
    for n in range(rng.randint(2, 6)):
        dev = rng.choice(devices)
        changes: list[tuple[str, str, str, Any, int]] = []
        for _ in range(rng.randint(1, 12)):
            hlc = now + rng.randint(-5000, 5000) * (1 << 16) // 100
            kind = rng.random()
            if kind < 0.6:
                pid = rng.choice(people + new_people)
                name = rng.choice(["notes", "phone", "last_name", "deleted_at", "updated_by", "favourite_colour"])
                value: Any = {"notes": rng.choice(NOTES), "phone": rng.choice(["+47 22 33 44 55", None]),
                              "last_name": rng.choice(["Ødegård", "Bråten"]), "updated_by": rng.choice("ABC"),
                              "favourite_colour": "grønn",
                              "deleted_at": rng.choice([None, "2026-11-30T10:00:00.000000Z"])}[name]
                if pid in new_people and rng.random() < 0.5:
                    changes += [("participant", pid, f, v, hlc) for f, v in (
                        ("first_name", "Ny"), ("last_name", "Person"), ("method", "ips"), ("status", "active"),
                        ("created_at", "2026-11-30T10:00:00.000000Z"), ("created_by", "B"),
                        ("updated_at", "2026-11-30T10:00:00.000000Z"), ("updated_by", "B"))]
                changes.append(("participant", pid, name, value, hlc))
            elif kind < 0.85:
                changes.append(("visit", rng.choice(visits), rng.choice(["summary", "place"]), rng.choice(NOTES), hlc))
            else:  # a child whose parent may not exist: the whole batch is quarantined, in both applies
                vid = str(uuid.uuid4())
                changes += [("visit", vid, f, v, hlc) for f, v in (
                    ("participant_id", rng.choice(people + [str(uuid.uuid4())])),
                    ("starts_at", "2026-11-30T10:00:00.000000Z"), ("channel", "on_site"), ("visit_type", "routine"),
                    ("topics", "[]"), ("created_at", "2026-11-30T10:00:00.000000Z"), ("created_by", "B"),
                    ("updated_at", "2026-11-30T10:00:00.000000Z"), ("updated_by", "B"))]
        batches.append(merge.RemoteBatch(n + 1, dev, n + 1, "0" * 16, b"x", rng.randint(0, 5), tuple(changes)))
    return batches


def _one_record_at_a_time(real: Any) -> Any:
    def table(self: Any, table: Any, incoming: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        for entity_id, fields in incoming.items():
            out += real(self, table, {entity_id: fields})
        return out
    return table


def _state(ws: Workspace) -> dict[str, Any]:
    with ws.folder.read() as session:
        conn = session.connection()
        return {
            "rows": {t.name: sorted(map(tuple, conn.exec_driver_sql(f'SELECT * FROM "{t.name}"').all()))
                     for t in synced_tables()},
            "clocks": sorted(map(tuple, conn.exec_driver_sql(
                "SELECT entity, entity_id, hlc, device_id, fields, last_hlc, acked_hlc, acked_cursor FROM record_clock"))),
            "conflicts": sorted(map(tuple, conn.exec_driver_sql(
                "SELECT kind, entity, entity_id, field, local_value, local_hlc, local_device, remote_value, remote_hlc,"
                " remote_device, local_by, remote_by FROM conflict"))),
            "quarantine": sorted(map(tuple, conn.exec_driver_sql("SELECT device_id, seq, reason FROM sync_quarantine"))),
            "foreign": sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM foreign_change"))),
            "outbox": sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM outbox_record"))),
            "search queue": sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM visit_search_pending"))),
            "rowids": {t.name: sorted(map(tuple, conn.exec_driver_sql(f'SELECT rowid, id FROM "{t.name}"').all()))
                       for t in synced_tables()},
        }


@pytest.mark.parametrize("seed", range(6))
def test_set_based_apply_equals_record_by_record(tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    with open_workspace(tmp_path / "set") as ws:
        people, visits = _local_state(ws, rng)
        page = _page(ws, rng, people, visits)
        clock_last = ws.folder.clock.last
    shutil.copytree(tmp_path / "set", tmp_path / "one")  # the same folder (same key, device and clocks)
    shutil.copytree(tmp_path / "set", tmp_path / "decoded")
    shutil.copytree(tmp_path / "set", tmp_path / "lifted")
    # As a pull hands them over: decoded from payload format 2, a record at a time (FieldChanges), not field by field.
    decoded = [dataclasses.replace(b, changes=unpack(json.loads(json.dumps(pack(b.changes))))) for b in page]
    assert all(isinstance(b.changes, FieldChanges) for b in decoded)
    with open_workspace(tmp_path / "set") as ws:
        initial = _state(ws)
    results = {}
    lifted: list[frozenset[str]] = []
    for name in ("set", "one", "decoded", "lifted"):
        with monkeypatch.context() as m:
            if name == "lifted":  # insert triggers lifted from the first new row on (quiet_inserts.py)
                m.setattr(quiet_inserts, "LIFT_AT", 1)
                def spy(self: quiet_inserts.QuietInserts, restore: Any = quiet_inserts.QuietInserts.restore) -> None:
                    lifted.append(self.lifted)
                    restore(self)
                m.setattr(quiet_inserts.QuietInserts, "restore", spy)
            if name == "one":
                m.setattr(merge._Applier, "_table", _one_record_at_a_time(merge._Applier._table))  # noqa: SLF001 - the test reaches the private part it checks or replaces
            with open_workspace(tmp_path / name) as ws:
                ws.folder.clock.observe(clock_last)
                account = sync_state.get_account(ws.folder)
                assert account is not None
                result = merge.apply_page(ws.folder, decoded if name == "decoded" else page,
                                          expected_cursor=account.cursor, next_cursor=len(page))
                results[name] = (dataclasses.asdict(result), _state(ws))
    assert results["set"] == results["one"] == results["decoded"] == results["lifted"]
    summary = results["set"][0]
    assert summary["batches"] + summary["quarantined"] == len(page)
    # Lifted whenever the page inserted a record and was applied without savepoints (no batch failed).
    inserted = sum(map(len, results["set"][1]["rows"].values())) - sum(map(len, initial["rows"].values()))
    assert lifted == [frozenset()] or len(lifted) == 1
    assert bool(lifted[0]) == (summary["quarantined"] == 0 and inserted > 0), (lifted, summary, inserted)


def test_a_batch_refused_half_way_leaves_nothing_behind(workspace: Workspace) -> None:
    """A refused batch is rolled back whole, also what its earlier records wrote, and quarantined."""
    vid = str(uuid.uuid4())
    p = records.save(workspace, Participant(first_name="Kari", last_name="Lie"))
    sync_state.save_account(workspace.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    later = workspace.folder.clock.now() + (1 << 16)
    result = merge.apply_page(workspace.folder, [merge.RemoteBatch(1, str(uuid.uuid4()), 1, "0" * 16, b"x", 0, (
        ("participant", p.id, "notes", "skulle ikke bli stående", later),  # written first (parents first) ...
        *(("visit", vid, f, v, later) for f, v in (  # ... then a visit whose participant does not exist
            ("participant_id", str(uuid.uuid4())), ("starts_at", "2026-11-30T10:00:00.000000Z"),
            ("channel", "on_site"), ("visit_type", "routine"), ("topics", "[]"),
            ("created_at", "2026-11-30T10:00:00.000000Z"), ("created_by", "B"),
            ("updated_at", "2026-11-30T10:00:00.000000Z"), ("updated_by", "B")))))],
        expected_cursor=0, next_cursor=1)
    assert result.quarantined == 1 and "FOREIGN KEY" in result.quarantine_reasons[0]
    assert records.get(workspace, Participant, p.id).notes is None

