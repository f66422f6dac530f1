"""A quarantined batch that holds an erased participant's envelope and other participants' changes: the others'
changes are taken in again without the erased envelope, and nothing of the erased person stays in the file."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import erasure, records
from fieldapp.storage import erasure as erasure_store
from fieldapp.storage import erasure_quarantine as quarantine
from fieldapp.storage import merge, participant_keys
from fieldapp.sync import participant_sync
from tests.sync.conftest import Device
from tests.sync.hostile import HostileServer
from tests.sync.test_erasure import _files_hold

GONE_TEXT = "Samtale om Kråkeslottet 7719"
KEPT_TEXT = "Praksisplass på Håkonshella 3385"


def test_a_quarantined_batch_keeps_the_other_participants_changes_after_an_erasure(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    srv, team_id, (a, b, _) = team
    b.sync()
    gone = records.save(a.ws, Participant(first_name="Gudrun", last_name="Glemtsen"))
    kept = records.save(a.ws, Participant(first_name="Kristoffer", last_name="Kvarstad"))
    at = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
    gone_visit = records.save(a.ws, Visit(participant_id=gone.id, summary=GONE_TEXT, starts_at=at))
    kept_visit = records.save(a.ws, Visit(participant_id=kept.id, summary=KEPT_TEXT, starts_at=at))
    a.sync()  # one batch with both participants' envelopes

    # On b the batch fails to apply because of the participant who is erased later (as a rule trigger would).
    real_run = merge._Applier.run  # noqa: SLF001  # the applier is what refuses a batch
    monkeypatch.setattr(merge._Applier, "run", _refusing_batches_with(gone.id))  # noqa: SLF001 - the test reaches the private part it checks or replaces
    assert b.sync().quarantined == 1
    monkeypatch.setattr(merge._Applier, "run", real_run)  # noqa: SLF001 - the test reaches the private part it checks or replaces
    assert records.get(b.ws, Participant, kept.id) is None
    assert len(quarantine.quarantined_batches(b.ws.folder)) == 1

    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()
    b.sync()
    b.sync()
    assert records.get(b.ws, Participant, kept.id) is not None
    got = records.get(b.ws, Visit, kept_visit.id)
    assert got is not None and got.summary == KEPT_TEXT
    assert records.get(b.ws, Participant, gone.id) is None
    assert records.get(b.ws, Visit, gone_visit.id) is None
    assert participant_handle(gone.id) in erasure_store.erased_handles(b.ws.folder)
    assert quarantine.quarantined_batches(b.ws.folder) == []  # taken in, so out of quarantine
    assert _files_hold(b.ws.path, ["Glemtsen", "Kråkeslottet 7719"]) == []
    assert _files_hold(b.ws.path, ["Håkonshella 3385"]) != []  # the check does see what is there


def test_a_batch_refused_again_stays_quarantined_once_marked_and_is_not_taken_every_run(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    srv, team_id, (a, b, _) = team
    b.sync()
    gone = records.save(a.ws, Participant(first_name="Gudrun", last_name="Glemtsen"))
    kept = records.save(a.ws, Participant(first_name="Kristoffer", last_name="Kvarstad"))
    a.sync()
    real_run = merge._Applier.run  # noqa: SLF001  # the applier is what refuses a batch
    runs = []

    def refusing(self: Any) -> None:  # the kept participant's change is what b cannot apply, now and later
        runs.append(self.b.seq)
        if any(c[1] == kept.id for c in self.b.changes):
            raise merge._Refused("could not be applied: refused for the test")  # noqa: SLF001 - the test reaches the private part it checks or replaces
        real_run(self)

    monkeypatch.setattr(merge._Applier, "run", refusing)  # noqa: SLF001 - the test reaches the private part it checks or replaces
    assert b.sync().quarantined == 1
    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()
    runs.clear()
    b.sync()
    # Taken in again once, refused again: a page is applied first without savepoints and, when a batch fails,
    # once more with them, so the applier meets that one batch twice within the one retry.
    assert runs and set(runs) == {1}
    tried = len(runs)
    [q] = quarantine.quarantined_batches(b.ws.folder)
    assert q.retried
    b.sync()
    assert len(runs) == tried and [r.row_id for r in quarantine.quarantined_batches(b.ws.folder)] == [q.row_id]
    assert records.get(b.ws, Participant, kept.id) is None and records.get(b.ws, Participant, gone.id) is None


def _refusing_batches_with(pid: str) -> Any:
    """An applier that cannot apply a batch holding `pid`'s changes (as a rule trigger would refuse it)."""
    real_run = merge._Applier.run  # noqa: SLF001  # the applier is what refuses a batch

    def refusing(self: Any) -> None:
        if any(c[1] == pid for c in self.b.changes):
            raise merge._Refused("could not be applied: refused for the test")  # noqa: SLF001 - the test reaches the private part it checks or replaces
        real_run(self)
    return refusing


def test_a_later_batch_refused_because_an_earlier_one_was_quarantined_is_taken_in_with_it_in_order(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """The later batches (of the same device and of another) change a record the quarantined one made: alone they
    cannot be applied (the record is not there), and they hold no erased participant. Taken in after the
    earlier one, the newer values win."""
    srv, team_id, (a, b, c) = team
    b.sync()
    gone = records.save(a.ws, Participant(first_name="Gudrun", last_name="Glemtsen"))
    kept = records.save(a.ws, Participant(first_name="Kristoffer", last_name="Kvarstad", notes="gammel"))
    a.sync()
    c.sync()
    on_c = records.get(c.ws, Participant, kept.id)
    assert on_c is not None
    records.save(c.ws, dataclasses.replace(on_c, last_name="Kvarstad-Lie"))
    c.sync()
    newer = records.get(a.ws, Participant, kept.id)
    assert newer is not None
    records.save(a.ws, dataclasses.replace(newer, notes="ny"))
    a.sync()
    real_run = merge._Applier.run  # noqa: SLF001 - the test reaches the private part it checks or replaces
    monkeypatch.setattr(merge._Applier, "run", _refusing_batches_with(gone.id))  # noqa: SLF001 - the test reaches the private part it checks or replaces
    first = b.sync()
    assert first.quarantined == 3
    assert all(r.startswith("could not be applied") for r in first.quarantine_reasons[1:])
    monkeypatch.setattr(merge._Applier, "run", real_run)  # noqa: SLF001 - the test reaches the private part it checks or replaces

    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()
    b.sync()
    got = records.get(b.ws, Participant, kept.id)
    assert got is not None and (got.notes, got.last_name) == ("ny", "Kvarstad-Lie")
    assert quarantine.quarantined_batches(b.ws.folder) == []
    b.sync()
    got = records.get(b.ws, Participant, kept.id)
    assert got is not None and (got.notes, got.last_name) == ("ny", "Kvarstad-Lie")


def _applied(dev: Device, device_id: str) -> list[tuple[str, int, int]]:
    with dev.ws.folder.read() as session:
        return [(r[0], r[1], r[2]) for r in session.connection().exec_driver_sql(
            "SELECT device_id, seq, cursor FROM sync_applied WHERE device_id = ? ORDER BY seq", (device_id,))]


def test_a_replayed_batch_holding_an_erased_participant_stays_quarantined_and_replay_protection_stays(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """A hostile server serves an applied batch again after an erasure: it is a replay, not a batch to take
    in again without the erased participant, so it stays quarantined (the evidence) and sync_applied is kept."""
    srv, team_id, (a, b, _) = team
    evil = HostileServer(srv, team_id, monkeypatch)
    b.sync()
    gone = records.save(a.ws, Participant(first_name="Gudrun", last_name="Glemtsen"))
    records.save(a.ws, Participant(first_name="Kristoffer", last_name="Kvarstad"))
    a.sync()
    b.sync()
    before = _applied(b, a.id)
    assert len(before) == 1
    first = next(r for r in evil.batch_rows() if r.device_id == a.id)
    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()
    evil.append_batch(first)
    report = b.sync()
    assert report.quarantined == 1 and report.quarantine_reasons[0].startswith("replayed:")
    [q] = quarantine.quarantined_batches(b.ws.folder)
    for _ in range(2):
        b.sync()
        assert [(r.row_id, r.seq, r.cursor) for r in quarantine.quarantined_batches(b.ws.folder)] == [
            (q.row_id, q.seq, q.cursor)]
        assert _applied(b, a.id) == before


def test_a_retry_refused_for_a_key_not_fetched_yet_is_not_marked_and_is_taken_once_the_key_is_there(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """A missing key of a participant not erased passes: the batch is not marked as retried, and the run that
    fetches the key takes it in (the retry runs after the keys are fetched)."""
    srv, team_id, (a, b, _) = team
    b.sync()
    gone = records.save(a.ws, Participant(first_name="Gudrun", last_name="Glemtsen"))
    kept = records.save(a.ws, Participant(first_name="Kristoffer", last_name="Kvarstad"))
    a.sync()
    real_run = merge._Applier.run  # noqa: SLF001 - the test reaches the private part it checks or replaces
    monkeypatch.setattr(merge._Applier, "run", _refusing_batches_with(gone.id))  # noqa: SLF001 - the test reaches the private part it checks or replaces
    assert b.sync().quarantined == 1
    monkeypatch.setattr(merge._Applier, "run", real_run)  # noqa: SLF001 - the test reaches the private part it checks or replaces
    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()

    # b has not got the kept participant's key yet (as if it were uploaded after b's last look).
    with b.ws.folder.write() as session:
        session.connection().exec_driver_sql("DELETE FROM participant_key WHERE handle = ?",
                                             (participant_handle(kept.id),))
    participant_keys.save_cursor(b.ws.folder, participant_sync.KEYS_CURSOR, 0)
    real_fetch = participant_sync.fetch_keys
    monkeypatch.setattr(participant_sync, "fetch_keys", lambda ctx, current: 0)
    b.sync()
    [q] = quarantine.quarantined_batches(b.ws.folder)
    assert "no key for participant" in q.reason and not q.retried
    assert records.get(b.ws, Participant, kept.id) is None

    monkeypatch.setattr(participant_sync, "fetch_keys", real_fetch)
    b.sync()
    assert records.get(b.ws, Participant, kept.id) is not None
    assert quarantine.quarantined_batches(b.ws.folder) == []
