"""The two statements naming ix_visit_held (INDEXED BY) run on a freshly migrated folder and read that index."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from fieldapp.storage import today_facts
from fieldapp.storage.queries import outcomes as q
from fieldapp.storage.stored_time import stored_datetime
from tests.support.visit_data import earlier_visit, participant_in_job

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)


def _statements(participant_id: str) -> list[tuple[str, dict[str, str]]]:
    """Each statement in the named-parameter form SQLAlchemy's text() takes, with its parameters."""
    only, _ = q._in("participant_id", [participant_id])
    every = q.LAST_HELD.format(only="").replace("?", ":now")
    some = q.LAST_HELD.format(only=only.replace("?", ":ids")).replace("starts_at <= ?", "starts_at <= :now")
    at_now = {"now": stored_datetime(NOW)}
    return [(today_facts._LAST_HELD, at_now), (every, at_now),
            (some, {**at_now, "ids": json.dumps([participant_id])})]


def test_the_last_held_statements_read_ix_visit_held(workspace) -> None:
    person, job, _ = participant_in_job(workspace, job_start=date(2026, 1, 5))
    held, _ = earlier_visit(workspace, person, job, NOW - timedelta(days=30))
    earlier_visit(workspace, person, job, NOW - timedelta(days=3), finished=False)  # a draft: not in the index
    statements = _statements(person.id)
    assert all("INDEXED BY ix_visit_held" in sql for sql, _ in statements)
    with workspace.folder.read() as session:
        for sql, params in statements:
            plan = " | ".join(row[-1] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql), params))
            assert "ix_visit_held" in plan, plan
            assert session.execute(text(sql), params).all() == [(person.id, stored_datetime(held.starts_at))]


def test_both_readers_find_the_last_visit_held(workspace) -> None:
    from fieldapp.storage.queries._driver import execute_on

    person, job, _ = participant_in_job(workspace, job_start=date(2026, 1, 5))
    held, _ = earlier_visit(workspace, person, job, NOW - timedelta(days=30))
    midnight = datetime(2026, 11, 23, tzinfo=UTC)
    with workspace.folder.read() as session:
        every = q.overdue_reads(session, now=NOW)
        some = q.overdue_reads(session, now=NOW, participant_ids=[person.id])
        facts = today_facts.read_today_facts(execute_on(session), now=NOW, today_start=midnight,
                                             tomorrow_start=midnight + timedelta(days=1),
                                             week_end=midnight + timedelta(days=7))
    assert every.held == some.held == {person.id: held.starts_at.astimezone().date().toordinal()}
    assert facts.last_held[person.id] == held.starts_at


def test_a_statement_naming_a_missing_index_fails(workspace) -> None:
    """What the two statements would do if migration 0019's index were dropped or renamed: fail, not slow down."""
    sql, params = _statements("p")[0]
    with workspace.folder.read() as session, pytest.raises(OperationalError, match="no such index"):
        session.execute(text(sql.replace("ix_visit_held", "ix_visit_held_renamed")), params)
