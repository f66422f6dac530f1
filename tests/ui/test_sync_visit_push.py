"""Every draft save of a visit is pushed soon, not only the first: a later edit reaches another device well
within one sync interval (two app instances, a real server on loopback)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.ui.sync import worker
from fieldapp.ui.visits.editor import VisitEditor
from tests.support.visit_data import participant_in_job
from tests.ui.conftest import NOW
from tests.ui.sync_helpers import make_app, server, team_of_two  # noqa: F401 - fixtures

# Well under the periodic interval: a push that only the periodic timer would start misses it.
PUSH_WAIT_MS = 20_000


def test_a_visit_edited_after_its_first_autosave_reaches_the_other_device(server: Any, make_app: Any, qtbot: Any) -> None:
    assert PUSH_WAIT_MS < worker.PERIOD_MS
    a, b = team_of_two(server, make_app)
    participant, _, _ = participant_in_job(a.ws, job_start=NOW.astimezone().date() - timedelta(days=90))
    assert a.sync_once().ok and b.sync_once().ok

    editor = VisitEditor(a.ctx, participant_id=participant.id)  # closes (and deletes) itself at the end
    with qtbot.waitSignal(editor.visit_loaded, timeout=10_000):
        editor.show()
    # The first autosave, and the push it starts by itself.
    with qtbot.waitSignal(a.sync.run_finished, timeout=PUSH_WAIT_MS) as first_push, \
            qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        qtbot.keyClicks(editor.summary, "Første utkast")
    assert first_push.args[0].ok
    qtbot.waitUntil(lambda: not a.sync._running, timeout=PUSH_WAIT_MS)

    # A later edit to the same draft: no one syncs by hand, and it is pushed all the same.
    with qtbot.waitSignal(a.sync.run_finished, timeout=PUSH_WAIT_MS) as second_push, \
            qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        qtbot.keyClicks(editor.summary, ", og så litt til")
    assert second_push.args[0].ok
    qtbot.waitUntil(lambda: not a.sync._running and a.sync.state.overview.waiting_changes == 0, timeout=PUSH_WAIT_MS)

    assert b.sync_once().ok
    got = records.get(b.ws, Visit, editor.visit_id)
    assert got is not None and got.summary == "Første utkast, og så litt til"
    editor.close()
