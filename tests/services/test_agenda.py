"""The Today view's overdue lists (with a job, and before a job) follow exactly the participant list's overdue rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fieldapp.demo.generate import generate
from fieldapp.services.agenda import load_agenda
from fieldapp.services.participants import list_participants, name_sort_key
from fieldapp.services.pre_job import overdue_before_job


def test_overdue_follow_ups_are_the_participant_lists_overdue_rows(workspace) -> None:
    now = datetime(2026, 11, 18, 12, tzinfo=UTC)
    generate(workspace, participants=60, today=now.date())
    for when in (now, now + timedelta(days=9), now + timedelta(days=45)):
        agenda = load_agenda(workspace, now=when)
        rows = [p for p in list_participants(workspace, overdue_only=True, now=when) if p.next_visit_due is not None]
        expected = sorted(
            ((p.id, p.full_name, p.employer_name, p.job_title, p.last_visit, p.next_visit_due, p.days_overdue)
             for p in rows), key=lambda t: (-t[6], name_sort_key(t[1]), t[0]))
        assert expected, "the demo data has overdue follow-ups"
        before_job = overdue_before_job(workspace, now=when)
        shown = [(o.participant_id, o.participant_name, o.employer_name, o.job_title, o.last_visit, o.due,
                  o.days_overdue) for o in agenda.overdue]
        shown += [(o.participant_id, o.participant_name, None, None, o.last_visit, o.due, o.days_overdue)
                  for o in before_job]
        assert sorted(shown, key=lambda t: (-t[6], name_sort_key(t[1]), t[0])) == expected
        assert not {o.participant_id for o in agenda.overdue} & {o.participant_id for o in before_job}



def test_a_draft_keeps_the_participant_overdue_and_shows_as_a_draft(workspace) -> None:
    from tests.support.visit_data import earlier_visit, participant_in_job

    now = datetime(2026, 11, 23, 8, tzinfo=UTC)
    today = now.astimezone().date()
    person, placement, _ = participant_in_job(workspace, job_start=today - timedelta(days=200))
    earlier_visit(workspace, person, placement, now - timedelta(days=60))
    draft, _ = earlier_visit(workspace, person, placement, now - timedelta(days=2), finished=False)

    agenda = load_agenda(workspace, now=now)
    [row] = [o for o in agenda.overdue if o.participant_id == person.id]
    assert row.last_visit == (now - timedelta(days=60)).astimezone().date()
    assert row.draft_started == (now - timedelta(days=2)).astimezone().date()
    assert [d.id for d in agenda.drafts] == [draft.id]

    earlier_visit(workspace, person, placement, now - timedelta(hours=3))  # held and finished
    agenda = load_agenda(workspace, now=now)
    assert person.id not in [o.participant_id for o in agenda.overdue]
    assert [d.id for d in agenda.drafts] == [draft.id]  # still waiting to be finished or discarded
