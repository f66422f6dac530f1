"""The access log is append-only: an entry cannot be changed, tombstoned or deleted here, and a pulled change to
it (another member's device rewriting who looked when) is not applied but reported. Only an erasure of the
participant removes entries, through its own path (tests/privacy/test_erasure_local.py)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from fieldapp.domain import access_log as kinds
from fieldapp.domain.records import Participant
from fieldapp.services import access_log, records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import merge, sync_state
from fieldapp.storage.capture import close_capture, open_capture


def _logged(ws: Workspace) -> tuple[str, tuple[Any, ...]]:
    p = records.save(ws, Participant(first_name="Eldrid", last_name="Tangen"))
    access_log.record(ws, participant_id=p.id, kind=kinds.PARTICIPANT)
    return p.id, _entry(ws, p.id)


def _entry(ws: Workspace, participant_id: str) -> tuple[Any, ...]:
    with ws.folder.read() as s:
        return tuple(s.connection().exec_driver_sql(
            "SELECT id, kind, at, device_id, target_id, deleted_at FROM read_log WHERE participant_id = ?",
            (participant_id,)).one())


@pytest.mark.parametrize("change", [
    "UPDATE read_log SET kind = 'export' WHERE id = ?",
    "UPDATE read_log SET at = '2020-01-01T00:00:00.000000Z' WHERE id = ?",
    "UPDATE read_log SET deleted_at = '2026-12-04T10:00:00.000000Z' WHERE id = ?",
])
def test_an_entry_cannot_be_changed_or_tombstoned_here(workspace: Workspace, change: str) -> None:
    participant_id, before = _logged(workspace)
    with pytest.raises(IntegrityError, match="cannot be changed"):
        with workspace.folder.write() as s:
            conn = s.connection()
            open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.device_id)
            conn.exec_driver_sql(change, (before[0],))
            close_capture(conn)
    assert _entry(workspace, participant_id) == before


def test_an_entry_cannot_be_deleted_here(workspace: Workspace) -> None:
    participant_id, before = _logged(workspace)
    with pytest.raises(IntegrityError, match="never deleted"):
        with workspace.folder.write() as s:
            s.connection().exec_driver_sql("DELETE FROM read_log WHERE id = ?", (before[0],))
    assert _entry(workspace, participant_id) == before


def test_a_pulled_rewrite_of_an_entry_is_not_applied_and_is_reported(workspace: Workspace) -> None:
    participant_id, before = _logged(workspace)
    sync_state.save_account(workspace.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    later = workspace.folder.clock.now() + (1 << 16)  # newer than the entry: a plain record would take it
    result = merge.apply_page(workspace.folder, [merge.RemoteBatch(1, str(uuid.uuid4()), 1, "0" * 16, b"x", 0, (
        ("read_log", before[0], "kind", "export", later),
        ("read_log", before[0], "at", "2020-01-01T00:00:00.000000Z", later),
        ("read_log", before[0], "device_id", str(uuid.uuid4()), later),
        ("read_log", before[0], "deleted_at", "2026-12-04T10:00:00.000000Z", later)))],
        expected_cursor=0, next_cursor=1)
    assert _entry(workspace, participant_id) == before
    assert result.conflicts == 4 and result.quarantined == 0  # each refused field reported, nothing else lost
