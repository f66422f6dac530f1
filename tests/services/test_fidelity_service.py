"""Fidelity assessments are stored per date (one per day), read newest first, and synced."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.outcomes.fidelity import ItemScore
from fieldapp.services import fidelity


def test_assessments_are_saved_per_date_and_read_newest_first(workspace) -> None:
    fidelity.save_assessment(workspace, assessed_on=date(2026, 3, 1), scores={1: ItemScore(3, "Stor saksmengde")})
    fidelity.save_assessment(workspace, assessed_on=date(2026, 9, 1), scores={1: ItemScore(4, "")})
    fidelity.save_assessment(workspace, assessed_on=date(2026, 9, 1), scores={1: ItemScore(5, "Etter omorganisering")})
    found = fidelity.assessments(workspace)
    assert [(a.record.assessed_on, a.scores[1].score) for a in found] == [(date(2026, 9, 1), 5), (date(2026, 3, 1), 3)]
    assert found[1].scores[1].note == "Stor saksmengde"
    with workspace.folder.read() as session:  # captured: clocks kept and queued for the next sync
        conn = session.connection()
        clocked = {r[0] for r in conn.exec_driver_sql(
            "SELECT entity_id FROM record_clock WHERE entity = 'fidelity_assessment'")}
        queued = {r[0] for r in conn.exec_driver_sql(
            "SELECT entity_id FROM outbox_record WHERE entity = 'fidelity_assessment'")}
    assert clocked == queued == {a.record.id for a in found}
