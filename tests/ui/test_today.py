"""Today: every row one click from the visit editor, and the overdue list follows recorded visits."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services import visits as service
from tests.support.visit_data import earlier_visit, participant_in_job
from tests.ui.conftest import NOW

TODAY = NOW.astimezone().date()


def _reload(qtbot, window):
    with qtbot.waitSignal(window.today.loaded, timeout=5000):
        window.today.reload()


def test_a_draft_keeps_the_follow_up_overdue_and_a_finished_visit_ends_it(qtbot, ctx, main_window):
    late, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=200))
    earlier_visit(ctx.ws, late, placement, NOW - timedelta(days=45))
    on_time, placement2, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=200), first_name="Per")
    earlier_visit(ctx.ws, on_time, placement2, NOW - timedelta(days=3))
    _reload(qtbot, main_window)
    today = main_window.today
    assert [r.participant_id for r in today.overdue_model.rows] == [late.id]

    today.overdue_table.setFocus()
    today.overdue_table.selectRow(0)
    assert today.overdue_start.isEnabled()
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=2000) as request:
        qtbot.mouseClick(today.overdue_start, Qt.MouseButton.LeftButton)
    assert request.args == ["", late.id]
    editor = main_window.visit_editors[-1]
    qtbot.waitUntil(lambda: editor.stored is not None, timeout=5000)

    # A draft (something typed, then left) is not a held visit: the follow-up stays overdue, marked as drafted.
    with qtbot.waitSignal(today.loaded, timeout=8000):
        qtbot.keyClicks(editor.summary, "O")
    assert [r.participant_id for r in today.overdue_model.rows] == [late.id]
    assert today.overdue_model.rows[0].draft_started == TODAY
    assert "utkast" in today.overdue_model.data(today.overdue_model.index(0, 2))
    assert records.get(ctx.ws, Visit, editor.visit_id).summary == "O"

    # Finished, the visit was held: the participant leaves the overdue list.
    qtbot.keyClicks(editor.summary, "ppfølging på lageret")
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(today.loaded, timeout=8000):
        qtbot.mouseClick(editor.confirm_finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: late.id not in [r.participant_id for r in today.overdue_model.rows], timeout=5000)
    editor.close()


def test_an_old_draft_shows_as_a_draft_to_finish(qtbot, ctx, main_window):
    person, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=200))
    draft, _ = earlier_visit(ctx.ws, person, placement, NOW - timedelta(days=2), finished=False)
    _reload(qtbot, main_window)
    today = main_window.today
    assert [r.id for r in today.draft_model.rows] == [draft.id]
    assert today.draft_table.isVisibleTo(today) and today.draft_title.isVisibleTo(today)
    today.draft_table.setFocus()
    today.draft_table.selectRow(0)
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=2000) as request:
        qtbot.keyClick(today.draft_table, Qt.Key.Key_Return)
    assert request.args == [draft.id, person.id]
    editor = main_window.visit_editors[-1]
    qtbot.waitUntil(lambda: editor.stored is not None, timeout=5000)
    editor.close()


def test_enter_on_a_planned_visit_opens_it(qtbot, ctx, main_window):
    person, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=200))
    planned, _ = earlier_visit(ctx.ws, person, placement, NOW + timedelta(hours=3), finished=False)
    _reload(qtbot, main_window)
    today = main_window.today
    assert [r.id for r in today.today_model.rows] == [planned.id]
    today.today_table.setFocus()
    today.today_table.selectRow(0)
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=2000) as request:
        qtbot.keyClick(today.today_table, Qt.Key.Key_Return)
    assert request.args == [planned.id, person.id]
    editor = main_window.visit_editors[-1]
    qtbot.waitUntil(lambda: editor.stored is not None, timeout=5000)
    assert editor.visit_id == planned.id and editor.summary.toPlainText() == "Går fint."
    assert service.load_stored(ctx.ws, planned.id).visit.summary == "Går fint."
    editor.close()


def test_empty_sections_are_one_line_with_a_next_step_and_focus_starts_on_the_first_row(qtbot, ctx, main_window):
    from PySide6.QtWidgets import QHeaderView

    today = main_window.today
    # An empty folder: every section one line, and what to do first.
    assert not today.today_table.isVisibleTo(today) and today.sections["today"].empty.isVisibleTo(today)
    assert not today.overdue_table.isVisibleTo(today) and today.sections["overdue"].empty.isVisibleTo(today)
    assert today.next_step.isVisibleTo(today) and "Ctrl+2" in today.next_step.text()

    late, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=200))
    earlier_visit(ctx.ws, late, placement, NOW - timedelta(days=45))
    main_window.today.setFocus()
    _reload(qtbot, main_window)
    assert today.overdue_table.isVisibleTo(today) and not today.sections["overdue"].empty.isVisibleTo(today)
    assert not today.next_step.isVisibleTo(today)
    # The keyboard starts on the first row there is something to do with, not in an empty table.
    assert today.overdue_table.hasFocus() and today.overdue_table.current_row().participant_id == late.id
    # The job gets the spare width, not the short "overdue by" column.
    header = today.overdue_table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch and not header.stretchLastSection()
