"""Devices syncing through a real server on loopback: convergence, conflicts, deletes, no plaintext on the server."""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.search import HitKind, search
from fieldapp.services.sync import Syncer
from fieldapp.storage import integrity, replay, search_index, sync_state
from fieldapp.storage.capture import synced_tables
from tests.support.plaintext_search import found, stored_values
from tests.sync.conftest import Device


def rows(dev: Device) -> dict[str, dict[str, dict[str, Any]]]:
    with dev.ws.folder.read() as session:
        conn = session.connection()
        return {t.name: replay.table_rows(conn, t.name) for t in synced_tables()}


def check(dev: Device) -> None:
    with dev.ws.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, (dev.name, report.problems)


def test_records_travel_and_all_devices_converge(team) -> None:
    server, _, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Åse", last_name="Ødegård", phone="912 34 567"))
    e = records.save(a.ws, Employer(name="Kafé Måken"))
    records.save(a.ws, Placement(participant_id=p.id, employer_id=e.id, job_title="Kokk"))
    report = a.sync()
    assert report.pushed_batches >= 1 and report.pushed_changes > 20
    rb = b.sync()
    assert rb.applied_changes == report.pushed_changes and rb.conflicts == 0
    got = records.get(b.ws, Participant, p.id)
    assert got is not None and got.last_name == "Ødegård"
    # Edits on two devices to different fields merge; nothing is a conflict.
    records.save(b.ws, dataclasses.replace(got, phone="+47 98 76 54 32"))
    records.save(a.ws, dataclasses.replace(p, notes="Liker kjøkkenarbeid"))
    for dev in (b, a, c, b):
        dev.sync()
    final = rows(a)
    assert rows(b) == final and rows(c) == final
    assert final["participant"][p.id]["phone"] == "+47 98 76 54 32"
    assert final["participant"][p.id]["notes"] == "Liker kjøkkenarbeid"
    for dev in (a, b, c):
        check(dev)
        assert sync_state.conflicts(dev.ws.folder) == []
    # A sync with nothing to do pushes and pulls nothing.
    idle = a.sync()
    assert (idle.pushed_batches, idle.pulled_batches) == (0, 0)


def test_concurrent_edits_of_one_field_keep_the_loser_as_a_conflict(team) -> None:
    server, _, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann"))
    a.sync()
    b.sync()
    records.save(a.ws, dataclasses.replace(p, notes="fra A"))
    pb = records.get(b.ws, Participant, p.id)
    assert pb is not None
    records.save(b.ws, dataclasses.replace(pb, notes="fra B"))  # later clock: B wins
    a.sync()
    b.sync()
    a.sync()
    c.sync()
    assert rows(a) == rows(b) == rows(c)
    assert rows(a)["participant"][p.id]["notes"] == "fra B"
    lost = sync_state.conflicts(a.ws.folder)
    assert [(x.kind, x.field, x.local_value, x.remote_value, x.local_device, x.remote_device) for x in lost] == [
        ("overwritten", "notes", "fra A", "fra B", a.id, b.id)]
    assert sync_state.conflicts(b.ws.folder) == []  # B's value won: nothing of B's was dropped
    # A later edit by A, made after seeing B's value, overwrites it without a conflict on B.
    pa = records.get(a.ws, Participant, p.id)
    records.save(a.ws, dataclasses.replace(pa, notes="A igjen, etter å ha sett B"))
    a.sync()
    b.sync()
    assert sync_state.conflicts(b.ws.folder) == []
    assert rows(b)["participant"][p.id]["notes"] == "A igjen, etter å ha sett B"
    for dev in (a, b, c):
        check(dev)


def test_edit_of_a_record_deleted_elsewhere_stays_deleted_and_is_a_conflict(team) -> None:
    server, _, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Ola", last_name="Hansen"))
    a.sync()
    b.sync()
    records.delete(a.ws, Participant, p.id)
    pb = records.get(b.ws, Participant, p.id)
    records.save(b.ws, dataclasses.replace(pb, notes="redigert offline"))
    b.sync()
    a.sync()
    b.sync()
    c.sync()
    final = rows(a)
    assert rows(b) == final == rows(c)
    row = final["participant"][p.id]
    assert row["deleted_at"] is not None and row["notes"] == "redigert offline"  # deleted, the edit kept in it
    kinds_b = {(x.kind, x.field) for x in sync_state.conflicts(b.ws.folder)}
    kinds_a = {(x.kind, x.field) for x in sync_state.conflicts(a.ws.folder)}
    assert ("edit_on_deleted", "notes") in kinds_b
    assert ("edit_on_deleted", "notes") in kinds_a
    for dev in (a, b, c):
        check(dev)


def test_server_database_holds_no_plaintext(team, tmp_path) -> None:
    server, _, (a, b, c) = team
    secrets = ["Ødegård-Særnavn", "19048912345", "rusmiddelbruk-hemmelig", "Bakeriet på Ørland"]
    p = records.save(a.ws, Participant(first_name="Synnøve", last_name=secrets[0], notes=secrets[2]))
    records.save(a.ws, Employer(name=secrets[3]))
    a.sync()
    b.sync()
    assert records.get(b.ws, Participant, p.id) is not None
    server.engine.dispose()
    db = sqlite3.connect(tmp_path / "server" / "server.db")
    dump = "\n".join(db.iterdump()).encode()
    blobs = b"".join(r[0] for r in db.execute("SELECT blob FROM batches"))
    db.close()
    for needle in [*secrets, p.id, "participant", "last_name"]:
        assert needle.encode() not in dump and needle.encode() not in blobs, needle
    # Nor out of any stored value with every compressed stream and base64 run in it dug through.
    assert not found([*secrets, p.id, "last_name"], stored_values(server.engine))


def test_one_bulk_write_of_many_records_travels_in_several_batches(team) -> None:
    from fieldapp.storage import models, repository

    server, _, (a, b, c) = team
    with a.ws.folder.write() as session:  # one transaction, one flush, one clock value (as a bulk import)
        for i in range(300):
            repository.add_new(session, Participant(first_name=f"Bulk{i}", last_name="Import"))
    # Every column but the id is logged as one change per record.
    per_record = len(models.Participant.__table__.columns) - 1
    report = a.sync()
    assert report.pushed_changes == 300 * per_record and report.pushed_batches >= 3  # 2,000 changes per batch
    received = b.sync()
    assert received.applied_changes == 300 * per_record and received.quarantined == 0
    assert len(rows(b)["participant"]) == 300
    check(b)


def test_a_pulled_visit_is_found_by_search_on_the_device_that_pulled_it(team) -> None:
    _, _, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Østby"))
    visit = records.save(a.ws, Visit(participant_id=p.id, starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                                     employee_view="Trives godt på bakeriet i Ørsta."))
    a.sync()
    b.sync()  # the engine alone: the index is left for the search to bring up to date
    assert {h.id for h in search(b.ws, "BAKERIET ørsta").hits if h.kind == HitKind.VISIT} == {visit.id}
    records.save(a.ws, replace(visit, employee_view="Trives godt på verkstedet."))
    a.sync()
    syncer = Syncer(c.ws)  # the app's path: the index is brought up to date right after the pull
    try:
        assert syncer.run().applied_changes
    finally:
        syncer.close()
    with c.ws.folder.read() as session:
        assert search_index.pending(session.connection()) == 0
    assert {h.id for h in search(c.ws, "verkstedet").hits if h.kind == HitKind.VISIT} == {visit.id}
    assert not search(c.ws, "bakeriet").visits
    b.sync()
    assert {h.id for h in search(b.ws, "verkstedet").hits if h.kind == HitKind.VISIT} == {visit.id}
    assert not search(b.ws, "bakeriet").visits
