"""The Today view's statements: the agreement terms come from their covering index, not every agreement's JSON."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from fieldapp.storage import today_facts


def test_agreement_terms_are_read_from_the_expression_index(workspace) -> None:  # type: ignore[no-untyped-def]
    with workspace.folder.read() as session:
        plan = session.execute(text("EXPLAIN QUERY PLAN " + today_facts._TERMS), {"day": date(2026, 11, 23).isoformat()}).all()
    details = " | ".join(row[-1] for row in plan)
    assert "COVERING INDEX ix_agreement_version_terms" in details, details
