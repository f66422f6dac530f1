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


def test_a_wait_for_the_folder_outliving_its_window_does_nothing(qtbot, ctx, monkeypatch) -> None:
    """Today built before the folder is open polls for it; once the window's tasks are shut down (the window
    closed, or the test over) the poll must end quietly, not run a task on a shut-down task manager."""
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.tasks import TaskManager
    from fieldapp.ui.views.today import retention_section

    monkeypatch.setattr(retention_section, "WAIT_FOR_FOLDER_MS", 10)
    early = AppContext(ws=None, tasks=TaskManager(), changes=ctx.changes, settings=ctx.settings, now=ctx.now)
    section = retention_section.RetentionSection(early)
    qtbot.addWidget(section)
    early.tasks.shutdown()
    early.attach(ctx.ws)
    qtbot.wait(50)  # the waiting timer fires (more than once, were it re-armed): no "shut down" error
    section.refresh()
    assert early.tasks.pending == 0 and not section.isVisible()
