"""Today lists participants whose retention period has run out, one click from review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fieldapp.domain.records import Participant
from fieldapp.services import records


def test_today_lists_participants_due_and_opens_one_for_review(qtbot, ctx, main_window) -> None:
    due = records.save(ctx.ws, Participant(first_name="Gunnar", last_name="Lengesiden", status="ended",
                                           follow_up_end=date(2019, 3, 1)))
    records.save(ctx.ws, Participant(first_name="Nina", last_name="Nylig", status="ended",
                                     follow_up_end=date(2025, 3, 1)))
    section = main_window.today.retention
    section.refresh()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    assert section.isVisible()
    assert section.model.row_at(0).participant_id == due.id
    section.table.selectRow(0)
    qtbot.mouseClick(section.review_button, Qt.MouseButton.LeftButton)
    detail = main_window.participants.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.participant.id == due.id, timeout=5000)
