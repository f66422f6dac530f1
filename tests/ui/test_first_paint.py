"""The main window in two steps: Today first, the rest once the data folder is open."""

from __future__ import annotations

from fieldapp.demo.generate import generate
from fieldapp.services.first_view import quick_agenda
from tests.ui.conftest import NOW


def test_today_shows_before_the_folder_is_open_and_the_rest_follows(qtbot, ctx, data_dir):
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.main_window import MainWindow

    generate(ctx.ws, participants=20, today=NOW.date())
    early = AppContext(ws=None, tasks=ctx.tasks, changes=ctx.changes, settings=ctx.settings, now=ctx.now)
    window = MainWindow(early)
    qtbot.addWidget(window)
    window.show()
    assert not window.completed
    assert [key for key, action in window.nav_actions.items() if action.isEnabled()] == ["today"]
    assert not window.search_field.isEnabled() and not window.new_visit_action.isEnabled()

    agenda = quick_agenda(data_dir, now=NOW)
    assert agenda is not None and agenda.row_count > 0
    with qtbot.waitSignal(window.first_view_loaded, timeout=5_000) as shown:
        window.today.show_agenda(agenda)
    assert shown.args == [agenda.row_count]
    assert window.today.overdue_model.rowCount() == len(agenda.overdue)

    # A participant asked for from Today before the folder is open is shown once it is.
    wanted = agenda.overdue[0].participant_id
    early.navigator.participant(wanted)
    assert window.current_view() is window.today
    assert window.today.jobdev.week.text() == ""  # no folder yet: nothing to count from

    early.attach(ctx.ws)
    window.complete()
    assert window.completed and all(action.isEnabled() for action in window.nav_actions.values())
    assert window.search_field.isEnabled()
    assert window.current_view() is window.participants
    qtbot.waitUntil(lambda: window.participants.detail.participant_id == wanted, timeout=5_000)
    # Today's job development part could not load before the folder was open; it loads once it is.
    qtbot.waitUntil(lambda: window.today.jobdev.week.text() != "", timeout=5_000)
    assert window.today.jobdev.pre_job_title.text() != ""
