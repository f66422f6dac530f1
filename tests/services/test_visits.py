"""The visit editor's services: starting a visit, carrying actions, proposing the next date, drafts, locking."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.visit_records import Visit, VisitAction, VisitAttendee
from fieldapp.services import records
from fieldapp.services import visits as service
from tests.support.visit_data import active_agreement, earlier_visit, participant_in_job

NOW = datetime(2026, 11, 23, 9, 7, tzinfo=UTC)
TODAY = NOW.astimezone().date()


def test_new_visit_carries_open_actions_and_preselects_the_placement(workspace):
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    earlier_visit(workspace, participant, placement, NOW - timedelta(days=40), actions=(("Gammel", "agreed"),))
    _, actions = earlier_visit(workspace, participant, placement, NOW - timedelta(days=10),
                               actions=(("Bestille arbeidsklær", "agreed"), ("Avklare vaktliste", "proposed"),
                                        ("Ferdig ting", "done"), ("Droppet", "not_relevant")))
    data = service.start_visit(workspace, participant.id, now=NOW, participant_role="Deltaker")
    assert data.is_new and data.stored.visit.id
    assert data.stored.visit.placement_id == placement.id
    assert data.stored.visit.starts_at == NOW.replace(minute=5, second=0).astimezone()
    carried = data.stored.actions
    assert [a.what for a in carried] == ["Bestille arbeidsklær", "Avklare vaktliste"]
    assert [a.carried_from_id for a in carried] == [actions[0].id, actions[1].id]
    assert all(a.id and a.visit_id == data.stored.visit.id for a in carried)
    assert data.carried_from[actions[0].id] == (NOW - timedelta(days=10)).astimezone().date()
    assert [(a.role, a.name) for a in data.stored.attendees] == [("Deltaker", "Åse Brøndbo")]
    assert records.get(workspace, Visit, data.stored.visit.id) is None  # nothing stored before anything is typed


def test_next_visit_proposed_from_default_cadence(workspace):
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    data = service.start_visit(workspace, participant.id, now=NOW)
    assert data.rule.agreed_days is None
    assert data.proposal is not None and data.proposal.source == "cadence"
    assert data.stored.visit.next_visit_date == TODAY + timedelta(days=30)  # monthly after the first month


def test_next_visit_in_first_month_is_weekly(workspace):
    participant, _, _ = participant_in_job(workspace, job_start=TODAY - timedelta(days=5))
    data = service.start_visit(workspace, participant.id, now=NOW)
    assert data.stored.visit.next_visit_date == TODAY + timedelta(days=7)
    assert data.stored.visit.visit_type == "first_week"


def test_next_visit_proposed_from_active_agreement(workspace):
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    active_agreement(workspace, participant, placement, today=TODAY, frequency="every_other_week")
    data = service.start_visit(workspace, participant.id, now=NOW)
    assert data.rule.frequency == "every_other_week"
    assert data.proposal.source == "agreement"
    assert data.stored.visit.next_visit_date == TODAY + timedelta(days=14)


def test_save_draft_is_idempotent_and_removes_rows_left_out(workspace):
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    data = service.start_visit(workspace, participant.id, now=NOW)
    visit = replace(data.stored.visit, summary="Trives godt på bakeriet")
    extra = VisitAttendee(id=service.new_id(), visit_id=visit.id, role="Nærmeste leder", name="Ola Bergstrøm")
    action = VisitAction(id=service.new_id(), visit_id=visit.id, what="Prøve kassen")
    first = service.save_draft(workspace, visit, [*data.stored.attendees, extra], [action])
    again = service.save_draft(workspace, visit, [*data.stored.attendees, extra], [action])
    assert [a.id for a in again.attendees] == [a.id for a in first.attendees] and len(first.attendees) == 2
    after = service.save_draft(workspace, visit, [extra], [])
    assert [a.name for a in after.attendees] == ["Ola Bergstrøm"] and after.actions == ()
    reopened = service.load_for_editor(workspace, visit.id, now=NOW)
    assert not reopened.is_new and reopened.stored.visit.summary == "Trives godt på bakeriet"


def test_finish_locks_and_corrections_are_notes(workspace):
    participant, placement, _ = participant_in_job(workspace, job_start=date(2026, 6, 1))
    data = service.start_visit(workspace, participant.id, now=NOW)
    with pytest.raises(ValidationFailed):
        service.finish_visit(workspace, data.stored.visit, [],
                             [VisitAction(id=service.new_id(), visit_id=data.stored.visit.id, what="")],
                             finished_at=NOW)
    assert records.get(workspace, Visit, data.stored.visit.id) is None
    done = service.finish_visit(workspace, data.stored.visit, list(data.stored.attendees), [], finished_at=NOW)
    assert done.visit.finished
    with pytest.raises(DomainError) as locked:
        service.save_draft(workspace, replace(data.stored.visit, summary="endret"), [], [])
    assert locked.value.code == "visit_locked"
    with pytest.raises(ValidationFailed):
        service.add_correction(workspace, done.visit.id, "   ")
    note = service.add_correction(workspace, done.visit.id, "Rettelse: møtet varte til 10.30.")
    assert service.load_stored(workspace, done.visit.id).notes == (note,)
