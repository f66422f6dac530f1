"""A pull applies checked batches in transactions that span pages; cut anywhere, it resumes without loss or
double apply, since each transaction moves the cursor past exactly what it applied."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.domain.records import Participant
from fieldapp.server.db import batches
from fieldapp.services import records
from fieldapp.storage import merge
from fieldapp.sync import pull
from tests.sync.conftest import Device
from tests.sync.test_end_to_end import check, rows


def _new(dev: Device, last: str) -> str:
    p = records.save(dev.ws, Participant(first_name="Test", last_name=last))
    assert dev.sync().ok
    return p.id


def _applied(dev: Device) -> list[tuple[str, int]]:
    with dev.ws.folder.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(
            "SELECT device_id, seq FROM sync_applied ORDER BY device_id, seq").all()]


def _cursor(dev: Device) -> int:
    with dev.ws.folder.read() as session:
        return int(session.connection().exec_driver_sql("SELECT cursor FROM sync_account WHERE id = 1").scalar_one())


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 2 batches, transactions of 3 batches: every transaction but the first starts inside a page."""
    monkeypatch.setattr(pull, "PULL_LIMIT", 2)
    monkeypatch.setattr(pull._Applied, "full", lambda self: len(self.pending) >= 3)


def test_a_pull_cut_inside_a_transaction_resumes_without_loss_or_double_apply(team, small_pages,
                                                                              monkeypatch) -> None:
    server, _, (a, b, _c) = team
    ids = [_new(a, f"Nr {i}") for i in range(8)]
    with server.engine.connect() as conn:
        cursors = [r.cursor for r in conn.execute(select(batches.c.cursor).where(batches.c.device_id == a.id)
                                                  .order_by(batches.c.cursor))]
    assert len(cursors) == 8
    real_run = merge._Applier.run
    done: list[int] = []

    def cut_at_the_fifth(self: merge._Applier) -> None:
        if len(done) == 4:  # the second batch of the second transaction (batches 4-6, pages 2 and 3)
            raise RuntimeError("the machine went down")
        real_run(self)
        done.append(self.b.seq)

    monkeypatch.setattr(merge._Applier, "run", cut_at_the_fifth)
    with pytest.raises(RuntimeError):
        b.sync()
    # The first transaction (batches 1-3, over two pages) is in, with the cursor past its last batch only; the
    # second (batch 4 applied, batch 5 cut) is gone whole.
    assert [records.get(b.ws, Participant, i) is not None for i in ids] == [True] * 3 + [False] * 5
    assert _cursor(b) == cursors[2]
    assert _applied(b) == [(a.id, seq) for seq in (1, 2, 3)]

    monkeypatch.setattr(merge._Applier, "run", real_run)
    report = b.client.sync()
    assert report.ok and report.pulled_batches == 5 and report.quarantined == 0, report.quarantine_reasons
    assert _applied(b) == [(a.id, seq) for seq in range(1, 9)]
    assert rows(b) == rows(a)
    check(b)


def test_a_gap_in_the_middle_of_a_transaction_applies_what_came_before_it(team, small_pages) -> None:
    from sqlalchemy import update

    server, _, (a, b, _c) = team
    ids = [_new(a, f"Nr {i}") for i in range(5)]
    with server.engine.begin() as conn:
        fifth = conn.execute(select(batches.c.cursor).where(batches.c.device_id == a.id)
                             .order_by(batches.c.cursor.desc())).first()
        assert fifth is not None
        conn.execute(update(batches).where(batches.c.cursor == fifth.cursor).values(seq=99))
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "gap"
    # Batch 4 waited in the second transaction; it is applied, and the cursor stops right after it.
    assert [records.get(b.ws, Participant, i) is not None for i in ids] == [True] * 4 + [False]
    assert _applied(b) == [(a.id, seq) for seq in range(1, 5)]
    check(b)


def test_a_participant_erased_here_while_their_opened_batches_wait_does_not_come_back(team, small_pages,
                                                                                      monkeypatch) -> None:
    """The user erases a participant while a pull holds batches already opened with that participant's key:
    the waiting batches are not applied as they were opened (the key is gone, their records would come back);
    the pull opens them again from the stored cursor, refuses the erased participant's envelopes and applies
    the rest, in the same sync."""
    import dataclasses

    from fieldapp.domain.erasure import participant_handle
    from fieldapp.services import erasure
    from fieldapp.storage import erasure as erasure_store

    _server, _, (a, b, _c) = team
    p = records.save(a.ws, Participant(first_name="Vilde", last_name="Slettesen"))
    other = _new(a, "Blir")
    assert b.sync().ok and records.get(b.ws, Participant, p.id) is not None
    before = _cursor(b)
    for i in range(4):  # edits to the participant after b took them in, beside another participant's record
        got = records.get(a.ws, Participant, p.id)
        assert got is not None
        records.save(a.ws, dataclasses.replace(got, phone=f"9000000{i}"))
        assert a.sync().ok
    later = _new(a, "Etter")

    real_flush = pull._Applied.flush
    erased: list[str] = []

    cursors: list[int] = []

    def erase_first(self: pull._Applied, next_cursor: int) -> None:
        cursors.append(self.cursor)
        if not erased:  # the user erases the participant while the opened batches wait for their transaction
            erasure.erase(b.ws, participant_id=p.id, reason_code="participant_request")
            erased.append(p.id)
        real_flush(self, next_cursor)

    monkeypatch.setattr(pull._Applied, "flush", erase_first)
    report = b.client.sync()
    assert erased and report.ok and report.quarantined == 0, report.quarantine_reasons
    assert cursors[:2] == [before, before]  # the first transaction was dropped and taken again from its start
    assert records.get(b.ws, Participant, p.id) is None  # its envelopes were refused the second time
    assert records.get(b.ws, Participant, later) is not None and records.get(b.ws, Participant, other) is not None
    handle = participant_handle(p.id)
    assert handle in erasure_store.erased_handles(b.ws.folder)
    with b.ws.folder.read() as session:
        assert session.connection().exec_driver_sql(
            "SELECT count(*) FROM participant WHERE id = ?", (p.id,)).scalar_one() == 0
