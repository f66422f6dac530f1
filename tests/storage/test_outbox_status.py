"""The status bar counts records waiting for sync the way the user wrote them, not field changes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from fieldapp.domain.records import Employer, Participant
from fieldapp.domain.visit_records import Visit, VisitNote
from fieldapp.services import records
from fieldapp.services.status import WaitingForSync, waiting_for_sync
from fieldapp.services.workspace import Workspace


def test_waiting_counts_participants_visits_and_other_records(workspace: Workspace) -> None:
    ws = workspace
    assert waiting_for_sync(ws) == WaitingForSync(0, 0, 0)
    people = records.save_all(ws, [Participant(first_name=f"Navn{i}", last_name="Ødegård") for i in range(3)])
    for p in people:  # edited many times: still one participant each
        for n in range(4):
            records.save(ws, dataclasses.replace(p, notes=f"Endring {n} æøå"))
    visit = records.save(ws, Visit(participant_id=people[0].id, starts_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                                   summary="Første møte på Kafé Måken"))
    records.save(ws, VisitNote(visit_id=visit.id, text="Tillegg til besøket"))
    records.save(ws, Employer(name="Bøker & Blæk AS"))
    assert waiting_for_sync(ws) == WaitingForSync(participants=3, visits=1, other=1)
