"""Every committed write through a workspace tells its listeners which records it changed; reads and failures do not."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services import visits as visit_service
from fieldapp.services.changes import Changes, on_changes
from tests.support.visit_data import participant_in_job

NOW = datetime(2026, 11, 23, 9, 7, tzinfo=UTC)


def test_a_save_reports_the_entity_and_id_it_wrote(workspace: Any) -> None:
    heard: list[Changes] = []
    on_changes(workspace, heard.append)
    p = records.save(workspace, Participant(first_name="Åse", last_name="Ødegård"))
    assert [c.records for c in heard] == [{"participant": frozenset({p.id})}]
    assert heard[0].local and heard[0].entities == {"participant"} and heard[0].ids("participant") == {p.id}
    records.save(workspace, dataclasses.replace(p, notes="Ringte arbeidsgiver"))
    assert heard[1].records == {"participant": frozenset({p.id})}


def test_every_draft_save_of_a_visit_is_reported_not_only_the_first(workspace: Any) -> None:
    participant, _, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    data = visit_service.start_visit(workspace, participant.id, now=NOW, participant_role="Deltaker")
    heard: list[Changes] = []
    on_changes(workspace, heard.append)
    stored = visit_service.save_draft(workspace, data.stored.visit, data.stored.attendees, data.stored.actions)
    visit = dataclasses.replace(stored.visit, summary="Første utkast")
    stored = visit_service.save_draft(workspace, visit, stored.attendees, stored.actions)
    visit = dataclasses.replace(stored.visit, summary="Andre utkast")
    visit_service.save_draft(workspace, visit, stored.attendees, stored.actions)
    visit_writes = [c for c in heard if stored.visit.id in c.ids("visit")]
    assert len(visit_writes) == 3, heard  # the later edits too, not only the first save


def test_reads_and_failed_writes_report_nothing(workspace: Any) -> None:
    p = records.save(workspace, Participant(first_name="Kari", last_name="Nordmann"))
    heard: list[Changes] = []
    on_changes(workspace, heard.append)
    assert records.get(workspace, Participant, p.id) is not None
    with pytest.raises(RuntimeError), workspace.folder.write() as session:
        from fieldapp.storage.models import Participant as Row

        row = session.get(Row, p.id)
        row.notes = "rulles tilbake"
        session.flush()
        raise RuntimeError("the transaction fails after its flush")
    assert heard == []


def test_a_failing_listener_does_not_fail_the_save_and_can_be_removed(workspace: Any) -> None:
    def broken(_changes: Changes) -> None:
        raise ValueError("a listener's bug")

    heard: list[Changes] = []
    on_changes(workspace, broken)
    remove = on_changes(workspace, heard.append)
    p = records.save(workspace, Participant(first_name="Ola", last_name="Nordmann"))
    assert records.get(workspace, Participant, p.id) is not None and len(heard) == 1
    remove()
    records.save(workspace, Participant(first_name="Per", last_name="Hansen"))
    assert len(heard) == 1


def test_changes_known_only_by_name() -> None:
    changes = Changes.of({"visit", "visit_note"}, local=False)
    assert changes and not changes.local and changes.touches({"visit"}) and not changes.touches({"consent"})
    assert changes.ids("visit") == frozenset() and not Changes()
