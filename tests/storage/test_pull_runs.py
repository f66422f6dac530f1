"""Pulled records as a format-2 batch decodes them (one field list shared by a group's rows, one clock per row):
new records are inserted and checksummed a run at a time, in the batch's order, whatever stored records with
changes sit between them in the same group, and every checksum agrees with `fieldapp check`."""

from __future__ import annotations

import uuid
from typing import Any

from fieldapp.domain.record_changes import FieldChanges
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, merge, sync_state
from fieldapp.storage.clocks import read_rows


def _cursor(workspace: Workspace) -> int:
    sync_state.save_account(workspace.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    account = sync_state.get_account(workspace.folder)
    assert account is not None
    return account.cursor


def _participant_row(workspace: Workspace) -> dict[str, Any]:
    """Every column of a stored participant as SQLite holds it (the values a pulled record carries)."""
    saved = records.save(workspace, Participant(first_name="Mal", last_name="Lie"))
    with workspace.folder.read() as session:
        return read_rows(session.connection(), "participant", [saved.id])[saved.id]


def test_new_records_after_a_changed_stored_record_in_one_group_keep_their_fields(workspace: Workspace) -> None:
    """A group holds new, stored (with a few fields changed) and new records: the stored one's changed fields must
    not become the field list of the new records after it (the pull failed on every retry when they did)."""
    cursor = _cursor(workspace)
    row = _participant_row(workspace)
    stored_id = row["id"]
    names = [k for k in row if k != "id"]
    later = workspace.folder.clock.now() + (1 << 20)
    first, last = str(uuid.uuid4()), str(uuid.uuid4())

    def values(record_id: str, first_name: str) -> list[Any]:
        return [first_name if n == "first_name" else ("Sæther" if n == "last_name" else row[n]) for n in names]

    rows = [("participant", first, names, values(first, "Åse"), later),
            ("participant", stored_id, names, values(stored_id, "Marit"), later),  # only first/last name differ
            ("participant", last, names, values(last, "Øyvind"), later)]
    result = merge.apply_page(workspace.folder, [merge.RemoteBatch(cursor + 1, str(uuid.uuid4()), 1, "0" * 16, b"x",
                                                                   0, FieldChanges(rows))],
                              expected_cursor=cursor, next_cursor=cursor + 1)
    assert (result.batches, result.quarantined) == (1, 0)
    got = {pid: records.get(workspace, Participant, pid) for pid in (first, stored_id, last)}
    assert [(p.first_name, p.last_name) for p in got.values() if p is not None] == [
        ("Åse", "Sæther"), ("Marit", "Sæther"), ("Øyvind", "Sæther")]
    with workspace.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.problems


def test_a_run_of_new_records_with_odd_values_gets_the_checksums_check_expects(workspace: Workspace) -> None:
    """digest_many's column-wise test over a run: text with a NUL, numbers in text columns, a float, bytes and a
    bool among plain rows; each row's checksum is taken in hand or read back, never wrong."""
    cursor = _cursor(workspace)
    row = _participant_row(workspace)
    names = [k for k in row if k != "id"]
    later = workspace.folder.clock.now() + (1 << 20)
    odd: list[dict[str, Any]] = [{}, {"notes": "før\x00etter"}, {"notes": 12345}, {"phone": 1.5}, {"notes": b"\x00b"},
                                 {"last_name": True}, {"notes": "a\\u0000b"}, {}]
    rows = [("participant", str(uuid.uuid4()), names, [o.get(n, row[n]) for n in names], later) for o in odd]
    # The same field list object for every row, as a decoded group has it: one run.
    result = merge.apply_page(workspace.folder, [merge.RemoteBatch(cursor + 1, str(uuid.uuid4()), 1, "0" * 16, b"x",
                                                                   0, FieldChanges(rows))],
                              expected_cursor=cursor, next_cursor=cursor + 1)
    assert (result.batches, result.quarantined) == (1, 0)
    with workspace.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.problems
