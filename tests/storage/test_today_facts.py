"""The Today view's statements: the agreement terms come from their covering index, not every agreement's JSON."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from fieldapp.storage import today_facts


def test_agreement_terms_are_read_from_the_expression_index(workspace) -> None:
    with workspace.folder.read() as session:
        plan = session.execute(text("EXPLAIN QUERY PLAN " + today_facts._TERMS), {"day": date(2026, 11, 23).isoformat()}).all()
    details = " | ".join(row[-1] for row in plan)
    assert "COVERING INDEX ix_agreement_version_terms" in details, details


def test_only_a_finished_visit_counts_as_held_and_drafts_are_listed(workspace) -> None:
    from datetime import UTC, datetime, timedelta

    from fieldapp.storage.queries._driver import execute_on
    from tests.support.visit_data import earlier_visit, participant_in_job

    now = datetime(2026, 11, 23, 8, tzinfo=UTC)
    person, job, _ = participant_in_job(workspace, job_start=date(2026, 1, 5))
    held, _ = earlier_visit(workspace, person, job, now - timedelta(days=30))
    draft, _ = earlier_visit(workspace, person, job, now - timedelta(days=3), finished=False)
    midnight = datetime(2026, 11, 23, tzinfo=UTC)
    with workspace.folder.read() as session:
        facts = today_facts.read_today_facts(execute_on(session), now=now, today_start=midnight,
                                             tomorrow_start=midnight + timedelta(days=1),
                                             week_end=midnight + timedelta(days=7))
    assert facts.last_held[person.id] == held.starts_at
    assert facts.last_draft is not None and facts.last_draft[person.id] == draft.starts_at
    assert [v.id for v in facts.drafts] == [draft.id]
