"""A fresh device rebuilds every record from the server's history alone, equal to the original: the
device no longer keeps a change log, so the server's history is what a lost or new device starts from."""

from __future__ import annotations

import dataclasses
import random

import pytest

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import integrity
from fieldapp.storage.capture import synced_tables
from fieldapp.storage.clocks import field_stamps
from tests.storage.test_change_capture import _all_rows, _random_edits, _tombstoned
from tests.sync.conftest import make_device, server  # noqa: F401 - fixtures used by name below

COLUMNS = {t.name: [c.name for c in t.columns if c.name != "id"] for t in synced_tables()}


@pytest.mark.parametrize("seed", [20240601, 7])
def test_a_fresh_device_rebuilds_every_record_from_the_server(server, make_device, seed: int) -> None:
    rng = random.Random(seed)
    team = server.team()
    a = make_device("a")
    a.client.enroll(server.url, server.code(team), name="a")
    for _ in range(4):  # edits between syncs: some records change after the server has them
        _random_edits(a.ws, rng, 50)
        a.sync()
    with a.ws.folder.read() as session:
        conn = session.connection()
        original, stamps = _all_rows(conn), field_stamps(conn, COLUMNS)
    assert sum(len(rows) for rows in original.values()) > 20
    assert any(row["deleted_at"] is not None for rows in original.values() for row in rows.values())

    b = make_device("b")
    out = b.client.enroll(server.url, server.code(team), name="b")
    a.client.approve(b.id, out.fingerprint)
    b.sync()
    with b.ws.folder.read() as session:
        conn = session.connection()
        assert _all_rows(conn) == original
        assert field_stamps(conn, COLUMNS) == stamps  # and every field's clock, so merges go on the same way
        report = integrity.check(conn)
        assert report.ok, report.problems
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox_record").scalar_one() == 0  # nothing of its own

    # The rebuilt device works like any other: its edits carry its own device id and reach the first device.
    pid = next(i for i, row in original["participant"].items() if row["deleted_at"] is None)
    p = _tombstoned(b.ws, Participant, pid)
    records.save(b.ws, dataclasses.replace(p, notes="Etter gjenoppbygging"))
    with b.ws.folder.read() as session:
        assert ("participant", pid, "notes") in {s[:3] for s in field_stamps(session.connection(), COLUMNS)
                                                  if s[4] == b.id}
    b.sync()
    a.sync()
    assert records.get(a.ws, Participant, pid).notes == "Etter gjenoppbygging"


def test_a_fresh_device_rebuilds_demo_data_with_agreements_and_carried_actions(server, make_device) -> None:
    """Records referring to older records of their own table (an action carried over from an earlier visit)
    and signatures on frozen versions arrive in an order the receiver can apply: nothing is quarantined."""
    from fieldapp.demo.generate import generate
    from fieldapp.storage import sync_state

    team = server.team()
    a = make_device("a")
    a.client.enroll(server.url, server.code(team), name="a")
    generate(a.ws, participants=12, visits_per_participant=6, seed=3)
    a.sync()
    b = make_device("b")
    out = b.client.enroll(server.url, server.code(team), name="b")
    a.client.approve(b.id, out.fingerprint)
    report = b.sync()
    assert report.quarantined == 0, report.quarantine_reasons[:3]
    assert sync_state.quarantined(b.ws.folder) == []
    with a.ws.folder.read() as s1, b.ws.folder.read() as s2:
        original = _all_rows(s1.connection())
        assert original["signature"] and any(r["carried_from_id"] for r in original["visit_action"].values())
        assert _all_rows(s2.connection()) == original
