"""New visit acts on the person selected in the view on screen, says whose visit it is, and asks when nobody is."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.visit_helpers import reload_today, two_overdue


# --- 1: a new visit is with the person selected in the view on screen ----------------------------------------
def test_ctrl_n_on_today_opens_the_visit_with_the_selected_row_not_the_participant_list(qtbot, ctx, main_window):
    aksel, martin = two_overdue(ctx)
    main_window.show_participant(martin.id)  # Martin is left selected in the participant list
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("today")
    reload_today(qtbot, main_window)
    today = main_window.today
    row = today.overdue_model.find(lambda r: r.participant_id == aksel.id)
    today.overdue_table.setFocus()
    today.overdue_table.selectRow(row)
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=100, raising=False):
        qtbot.keyClick(today.overdue_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.visit_editors[-1]
    assert editor.participant_id == aksel.id
    qtbot.waitUntil(lambda: editor.data is not None, timeout=5000)
    # Whose visit it is, is on screen before anything is typed.
    assert editor.heading.text() == "Aksel Nygård" and "Aksel Nygård" in editor.windowTitle()
    editor.close()


def test_new_visit_with_nothing_selected_asks_whom_it_is_with(qtbot, ctx, main_window):
    aksel, martin = two_overdue(ctx)
    main_window.show_participant(martin.id)
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("today")
    reload_today(qtbot, main_window)
    main_window.today.overdue_table.clearSelection()
    main_window.new_visit_action.trigger()
    assert main_window.visit_editors == []  # not Martin's, not anyone's yet
    dialog = main_window.choose_participant
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    qtbot.keyClicks(dialog.filter, "aksel")
    assert [r.id for r in dialog.model.rows] == [aksel.id]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    editor = main_window.visit_editors[-1]
    assert editor.participant_id == aksel.id
    qtbot.waitUntil(lambda: editor.data is not None, timeout=5000)
    editor.close()


def test_new_visit_from_employers_asks_instead_of_using_the_participant_list(qtbot, ctx, main_window):
    _, martin = two_overdue(ctx)
    main_window.show_participant(martin.id)
    qtbot.waitUntil(lambda: main_window.participants.detail.participant_id == martin.id, timeout=5000)
    main_window.show_view("employers")
    main_window.new_visit_action.trigger()
    assert main_window.visit_editors == []
    main_window.choose_participant.reject()
