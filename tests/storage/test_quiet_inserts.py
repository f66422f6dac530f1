"""A pull that inserts many records lifts the tables' insert triggers inside its transaction and puts them back:
the result is the same as with the triggers in place, they are back exactly as they were, a rule trigger is
never lifted, and a batch that fails after a lift leaves the triggers as they were."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from datetime import UTC, datetime, timedelta

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.storage import integrity, merge, quiet_inserts, search_index, sync_state
from fieldapp.storage.capture import open_capture, replay_context, synced_tables, triggers_current
from fieldapp.storage.quiet_inserts import NotReplaying, QuietInserts

STAMP = "2026-11-30T10:00:00.000000Z"


def _visit(pid: str, hlc: int, n: int) -> list[tuple[str, str, str, Any, int]]:
    vid = str(uuid.uuid4())
    return [("visit", vid, f, v, hlc) for f, v in (
        ("participant_id", pid), ("starts_at", STAMP), ("channel", "on_site"), ("visit_type", "routine"),
        ("topics", "[]"), ("summary", f"Besøk {n} på lageret, æøå"), ("created_at", STAMP), ("created_by", "B"),
        ("updated_at", STAMP), ("updated_by", "B"))]


def _page(ws: Workspace, people: list[str], visits: int, *, missing_parent_in: int | None = None,
          per_batch: int = 60) -> list[merge.RemoteBatch]:
    """New visits from another device, `per_batch` to a batch; batch `missing_parent_in` (if given) also holds
    one visit whose participant this device does not have."""
    hlc = ws.folder.clock.now() + (1 << 16)
    dev = str(uuid.uuid4())
    batches = []
    for n, start in enumerate(range(0, visits, per_batch)):
        changes = [c for i in range(start, min(visits, start + per_batch)) for c in _visit(people[i % len(people)], hlc, i)]
        if n == missing_parent_in:
            changes += _visit(str(uuid.uuid4()), hlc, -1)
        batches.append(merge.RemoteBatch(n + 1, dev, n + 1, "0" * 16, b"x", 0, tuple(changes)))
    return batches


def _folder(path: Path) -> list[str]:
    with open_workspace(path) as ws:
        people = records.save_all(ws, [Participant(first_name=f"Navn{i}", last_name="Lie") for i in range(7)])
        sync_state.save_account(ws.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    return [p.id for p in people]


def _triggers(ws: Workspace) -> set[tuple[str, str]]:
    with ws.folder.read() as session:
        return set(session.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())


def _state(ws: Workspace) -> dict[str, Any]:
    with ws.folder.read() as session:
        conn = session.connection()
        return {
            "rows": {t.name: sorted(map(tuple, conn.exec_driver_sql(f'SELECT rowid, * FROM "{t.name}"').all()))
                     for t in synced_tables()},
            "clocks": sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM record_clock"))),
            "outbox": sorted(map(tuple, conn.exec_driver_sql("SELECT * FROM outbox_record"))),
            "search queue": sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {search_index.PENDING}"))),
            "quarantine": sorted(map(tuple, conn.exec_driver_sql("SELECT device_id, seq, reason FROM sync_quarantine"))),
        }


def _apply(ws: Workspace, page: list[merge.RemoteBatch]) -> merge.PageResult:
    account = sync_state.get_account(ws.folder)
    assert account is not None
    return merge.apply_page(ws.folder, page, expected_cursor=account.cursor, next_cursor=len(page))


def _lifted_tables(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """What each transaction had lifted when it put its triggers back."""
    seen: list[frozenset[str]] = []
    real = QuietInserts.restore

    def restore(self: QuietInserts) -> None:
        seen.append(self.lifted)
        real(self)
    monkeypatch.setattr(QuietInserts, "restore", restore)
    return seen


@pytest.mark.parametrize("reused_rowids", [False, True])
def test_lifted_triggers_give_the_same_folder_and_come_back_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reused_rowids: bool) -> None:
    people = _folder(tmp_path / "lifted")
    if reused_rowids:
        # As after erasing the newest visits: the search index's mark is past the rowids new visits will get,
        # so the search trigger queues them (and so must what stands in for it while it is lifted).
        with open_workspace(tmp_path / "lifted") as ws, ws.folder.write() as session:
            session.connection().exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '300')",
                                                 (search_index.MARK_KEY,))
    shutil.copytree(tmp_path / "lifted", tmp_path / "kept")  # the same folder: key, device, clocks
    with open_workspace(tmp_path / "lifted") as ws:
        page = _page(ws, people, quiet_inserts.LIFT_AT * 2)
        before = _triggers(ws)
    lifted = _lifted_tables(monkeypatch)
    states = {}
    for name in ("lifted", "kept"):
        with monkeypatch.context() as m:
            if name == "kept":
                m.setattr(quiet_inserts, "LIFT_AT", 10**9)
            with open_workspace(tmp_path / name) as ws:
                result = _apply(ws, page)
                assert result.batches == len(page) and not result.quarantined
                states[name] = _state(ws)
                assert _triggers(ws) == before
                with ws.folder.read() as session:
                    assert triggers_current(session.connection())
                    assert integrity.check(session.connection()).ok, integrity.check(session.connection()).problems
    assert lifted == [frozenset({"visit"}), frozenset()]
    assert states["lifted"] == states["kept"]
    assert len(states["lifted"]["rows"]["visit"]) == quiet_inserts.LIFT_AT * 2
    queued = states["lifted"]["search queue"]
    assert len(queued) == (300 if reused_rowids else 0)


def test_the_capture_guard_holds_again_after_a_lifted_pull(tmp_path: Path) -> None:
    people = _folder(tmp_path / "f")
    with open_workspace(tmp_path / "f") as ws:
        _apply(ws, _page(ws, people, quiet_inserts.LIFT_AT + 10))
        with pytest.raises(IntegrityError, match="outside change capture"), ws.folder.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO visit (id, participant_id, starts_at, channel, visit_type, topics, created_at, created_by,"
                " updated_at, updated_by) VALUES (?, ?, ?, 'on_site', 'routine', '[]', ?, 'x', ?, 'x')",
                (str(uuid.uuid4()), people[0], STAMP, STAMP, STAMP))


def test_a_failing_batch_after_a_lift_is_quarantined_and_the_triggers_stay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lift happens in the first batches; a later one fails: the page is rolled back (the lift with it) and
    applied again with a savepoint per batch, without lifting."""
    people = _folder(tmp_path / "f")
    lifted = _lifted_tables(monkeypatch)
    with open_workspace(tmp_path / "f") as ws:
        before = _triggers(ws)
        page = _page(ws, people, quiet_inserts.LIFT_AT * 2, missing_parent_in=5)
        result = _apply(ws, page)
        assert result.quarantined == 1 and "FOREIGN KEY" in result.quarantine_reasons[0]
        assert result.batches == len(page) - 1
        assert lifted == [frozenset()]  # the run with savepoints lifts nothing; the first run never restored
        assert _triggers(ws) == before
        with ws.folder.read() as session:
            count = session.connection().exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
        assert count == quiet_inserts.LIFT_AT * 2 - 60


def test_a_table_with_a_rule_trigger_on_insert_is_never_lifted(workspace: Workspace) -> None:
    """signature's insert rule (only a version ready for signing is signed) must judge every pulled row."""
    with workspace.folder.write() as session:
        conn = session.connection()
        replay_context(conn, hlc=workspace.folder.clock.now(), device_id=workspace.folder.device_id)
        quiet = QuietInserts(conn)
        quiet.inserting("signature", 10**6)
        quiet.inserting("visit", 10**6)
        assert quiet.lifted == frozenset({"visit"})
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "fa_rule_signature_on_frozen" in names and "fa_signature_guard_insert" in names
        assert "fa_visit_guard_insert" not in names and search_index.INSERT_TRIGGER not in names
        quiet.restore()
        assert triggers_current(conn)
        conn.exec_driver_sql("DELETE FROM capture_context")


def test_triggers_are_lifted_only_under_a_replay_context(workspace: Workspace) -> None:
    """Under a local write's context the log trigger records clocks and queues the record: it must run."""
    with pytest.raises(NotReplaying), workspace.folder.write() as session:
        conn = session.connection()
        open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.folder.device_id)
        QuietInserts(conn).inserting("visit", 10**6)


def test_small_pages_lift_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    people = _folder(tmp_path / "f")
    lifted = _lifted_tables(monkeypatch)
    with open_workspace(tmp_path / "f") as ws:
        page = _page(ws, people, quiet_inserts.LIFT_AT - 1)
        _apply(ws, page)
    assert lifted == [frozenset()]


@pytest.mark.parametrize("lift_at", [1, 10**9])
def test_a_large_bulk_save_writes_clocks_outbox_and_search_queue_as_the_triggers_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lift_at: int) -> None:
    """demo and imports save through the same bulk insert: with the triggers lifted or not, every new visit has
    its clock and waits in the outbox, and one at or below the search index's mark is queued for it."""
    monkeypatch.setattr(quiet_inserts, "LIFT_AT", lift_at)
    people = _folder(tmp_path / "f")
    lifted = _lifted_tables(monkeypatch)
    with open_workspace(tmp_path / "f") as ws:
        with ws.folder.write() as session:
            session.connection().exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '40')",
                                                 (search_index.MARK_KEY,))
        before = _triggers(ws)
        start = datetime(2026, 11, 2, 9, tzinfo=UTC)
        saved = records.save_all(ws, [Visit(participant_id=people[i % len(people)], starts_at=start + timedelta(hours=i),
                                            summary=f"Besøk {i}") for i in range(100)])
        state = _state(ws)
        assert _triggers(ws) == before
        with ws.folder.read() as session:
            assert integrity.check(session.connection()).ok
    assert (lifted[-1] == frozenset({"visit"})) is (lift_at == 1)
    ids = {v.id for v in saved}
    assert {r[1] for r in state["clocks"] if r[0] == "visit"} == ids
    assert {r[1] for r in state["outbox"] if r[0] == "visit"} == ids
    assert len(state["search queue"]) == 40


def _watch_commits(ws: Workspace) -> list[set[tuple[str, str]]]:
    """The triggers the database holds at each commit of this folder's engine, read just before it commits."""
    seen: list[set[tuple[str, str]]] = []

    def at_commit(conn: Any) -> None:
        raw = conn.connection.driver_connection
        seen.append(set(raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()))
    event.listen(ws.folder.engine, "commit", at_commit)
    return seen


def test_every_commit_of_a_lifted_pull_and_bulk_save_holds_every_trigger(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back in the same transaction, not in a later one: no commit ever lacks a trigger."""
    people = _folder(tmp_path / "f")
    lifted = _lifted_tables(monkeypatch)
    with open_workspace(tmp_path / "f") as ws:
        before = _triggers(ws)
        commits = _watch_commits(ws)
        _apply(ws, _page(ws, people, quiet_inserts.LIFT_AT * 2))
        start = datetime(2026, 11, 2, 9, tzinfo=UTC)
        records.save_all(ws, [Visit(participant_id=people[0], starts_at=start + timedelta(hours=i))
                              for i in range(quiet_inserts.LIFT_AT + 1)])
    assert lifted == [frozenset({"visit"}), frozenset({"visit"})]
    assert commits and all(held == before for held in commits)


def test_nothing_is_lifted_once_sqlite_has_ended_the_transaction(workspace: Workspace) -> None:
    """After a failed statement SQLite may roll back by itself: a DROP would then commit on its own."""
    with workspace.folder.write() as session:
        conn = session.connection()
        replay_context(conn, hlc=workspace.folder.clock.now(), device_id=workspace.folder.device_id)
        raw = conn.connection.driver_connection
        raw.execute("ROLLBACK")  # as SQLite does by itself after SQLITE_FULL
        raw.execute("INSERT INTO capture_context (hlc, device_id, replay) VALUES (1, 'x', 1)")  # autocommitted
        quiet = QuietInserts(conn)
        quiet.inserting("visit", 10**6)
        assert quiet.lifted == frozenset()
        assert triggers_current(conn)
        raw.execute("DELETE FROM capture_context")


def test_restore_leaves_a_trigger_that_is_back_already(workspace: Workspace) -> None:
    """A trigger already there again (a rollback brought it back) is not created twice; the others are."""
    with workspace.folder.write() as session:
        conn = session.connection()
        replay_context(conn, hlc=workspace.folder.clock.now(), device_id=workspace.folder.device_id)
        guard = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'fa_visit_guard_insert'").scalar_one()
        quiet = QuietInserts(conn)
        quiet.inserting("visit", 10**6)
        assert quiet.lifted == frozenset({"visit"})
        conn.exec_driver_sql(guard)
        quiet.restore()
        assert triggers_current(conn)
        conn.exec_driver_sql("DELETE FROM capture_context")
