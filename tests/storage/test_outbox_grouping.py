"""Outbox cutting keeps each participant's records of a table together (one envelope per participant per batch),
in stored order within each participant, and leaves a table whose rows refer to its own rows in stored order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import outbox_cut


def _cut(ws: Workspace, max_changes: int = 2000) -> list[list[tuple[str, str, str, Any, int]]]:
    batches: list[list[tuple[str, str, str, Any, int]]] = []

    def encrypt(seq: int, changes: list[tuple[str, str, str, Any, int]], base: int) -> tuple[str, bytes]:
        batches.append(list(changes))
        return "k", b"sealed"

    outbox_cut.fill_outbox(ws.folder, encrypt, max_changes=max_changes)
    return batches


def test_each_participants_visits_travel_together_in_stored_order(workspace: Workspace) -> None:
    people = records.save_all(workspace, [Participant(first_name=n, last_name="Ås") for n in ("Kari", "Ola", "Per")])
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    # Stored interleaved: Kari, Ola, Per, Kari, Ola, Per, ...
    visits = records.save_all(workspace, [Visit(participant_id=people[i % 3].id, starts_at=start + timedelta(hours=i),
                                                summary=f"Samtale {i}") for i in range(12)])
    changes = [c for batch in _cut(workspace) for c in batch]
    order = list(dict.fromkeys(c[1] for c in changes if c[0] == "visit"))
    owner = {v.id: v.participant_id for v in visits}
    assert [owner[i] for i in order] == [people[0].id] * 4 + [people[1].id] * 4 + [people[2].id] * 4
    stored = [v.id for v in visits]
    for p in people:  # within a participant, the order they were stored in
        mine = [i for i in order if owner[i] == p.id]
        assert mine == [i for i in stored if owner[i] == p.id]
    # Parents still before children: every participant before any visit.
    first_visit = next(n for n, c in enumerate(changes) if c[0] == "visit")
    assert all(n < first_visit for n, c in enumerate(changes) if c[0] == "participant")


def test_every_record_is_cut_once_across_batches(workspace: Workspace) -> None:
    people = records.save_all(workspace, [Participant(first_name=n, last_name="Ås") for n in ("Kari", "Ola")])
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    visits = records.save_all(workspace, [Visit(participant_id=people[i % 2].id, starts_at=start + timedelta(hours=i),
                                                summary=f"Samtale {i}") for i in range(30)])
    batches = _cut(workspace, max_changes=40)
    assert len(batches) > 2
    ids = [c[1] for batch in batches for c in batch if c[0] == "visit"]
    assert sorted(set(ids)) == sorted(v.id for v in visits)
    # A record travels whole, in one batch.
    assert all(len({n for n, batch in enumerate(batches) for c in batch if c[1] == v.id}) == 1 for v in visits)
