"""What makes a catch-up's commits without a disk wait safe, checked on every commit of a real pull: a transaction
committed that way moves the pull cursor (lost in a power cut, it is pulled again) and holds nothing written on
this device (no local change is in it, so none can be lost); a local write made during the pull is committed
durably, on its own."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import merge
from fieldapp.sync import pull

FULL, NORMAL = 2, 1


def _facts(dbapi: Any) -> tuple[int, int, int, int]:
    """(synchronous, pull cursor, local changes waiting, rows written so far) on this connection, in its transaction."""
    cur = dbapi.cursor()
    try:
        return (cur.execute("PRAGMA synchronous").fetchone()[0],
                cur.execute("SELECT coalesce((SELECT cursor FROM sync_account WHERE id = 1), 0)").fetchone()[0],
                cur.execute("SELECT count(*) FROM outbox_record").fetchone()[0],
                dbapi.total_changes)
    finally:
        cur.close()


def test_every_commit_without_a_disk_wait_moves_the_cursor_and_holds_no_local_write(team, monkeypatch) -> None:
    _, _, (a, b, _c) = team
    for i in range(9):  # nine batches
        records.save(a.ws, Participant(first_name="Test", last_name=f"Nr {i}"))
        assert a.sync().ok
    monkeypatch.setattr(pull, "PULL_LIMIT", 2)  # several pages and transactions
    monkeypatch.setattr(pull._Applied, "full", lambda self: len(self.pending) >= 3)
    engine = b.ws.folder.engine
    began: dict[int, tuple[int, int, int, int]] = {}
    commits: list[tuple[tuple[int, int, int, int], tuple[int, int, int, int], str]] = []

    @event.listens_for(engine, "begin")
    def _began(conn: Any) -> None:  # after the engine's own listener: the pragmas are set, BEGIN has run
        began[id(conn)] = _facts(conn.connection.dbapi_connection)

    @event.listens_for(engine, "commit")
    def _committing(conn: Any) -> None:
        commits.append((began.pop(id(conn)), _facts(conn.connection.dbapi_connection),
                        threading.current_thread().name))

    # A local write on another thread while the pull runs: it waits for the pull's transaction, then commits.
    local: list[str] = []
    real_run = merge._Applier.run

    def run_and_write(self: merge._Applier) -> None:
        real_run(self)
        if not local:
            local.append("started")
            threading.Thread(target=lambda: local.append(records.save(b.ws, Participant(
                first_name="Lokal", last_name="Endring")).id), name="local-write").start()

    monkeypatch.setattr(merge._Applier, "run", run_and_write)
    report = b.sync()
    for t in threading.enumerate():
        if t.name == "local-write":
            t.join(10)
    event.remove(engine, "begin", _began)
    event.remove(engine, "commit", _committing)

    assert report.applied_changes > 0 and len(local) == 2
    written = [(before, after, thread) for before, after, thread in commits if after[3] > before[3]]
    quick = [(before, after) for before, after, _ in written if before[0] == NORMAL]
    assert len(quick) >= 3  # the pull's transactions: nine batches, three to a transaction
    for before, after in quick:
        assert after[0] == NORMAL
        assert after[1] > before[1], "a commit without a disk wait that does not move the cursor"
        assert after[2] == before[2], "a local change in a commit without a disk wait"
    durable = [(before, after) for before, after, thread in written if thread == "local-write"]
    assert durable and all(before[0] == after[0] == FULL for before, after in durable)
    assert any(after[2] > before[2] for before, after in durable)  # the local write's own transaction
    with b.ws.folder.read() as session:
        n = session.connection().exec_driver_sql("SELECT count(*) FROM participant").scalar_one()
    assert n == 9 + 1
