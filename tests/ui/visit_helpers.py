"""Opening the real visit editor in tests (editors still open at the end of a test are closed, and save), and
the overdue participants the Today tests start from."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6

from fieldapp.ui.visits.editor import VisitEditor
from tests.support.visit_data import earlier_visit, participant_in_job
from tests.ui.conftest import NOW


@pytest.fixture
def open_editor(qtbot, ctx):
    opened: list[VisitEditor] = []

    def open_(*, visit_id: str | None = None, participant_id: str | None = None) -> VisitEditor:
        editor = VisitEditor(ctx, visit_id=visit_id, participant_id=participant_id)
        opened.append(editor)
        with qtbot.waitSignal(editor.visit_loaded, timeout=10_000):
            editor.show()
        editor.activateWindow()
        qtbot.waitExposed(editor)
        return editor

    yield open_
    for editor in opened:
        if shiboken6.isValid(editor):  # closed editors delete themselves (WA_DeleteOnClose)
            editor.close()


def reload_today(qtbot, window) -> None:
    with qtbot.waitSignal(window.today.loaded, timeout=5000):
        window.today.reload()


def two_overdue(ctx):
    """Aksel (last seen 90 days ago) and Martin (60 days), both in a job for 300 days: two overdue rows."""
    today = NOW.astimezone().date()
    aksel, job, _ = participant_in_job(ctx.ws, job_start=today - timedelta(days=300), first_name="Aksel",
                                       last_name="Nygård")
    earlier_visit(ctx.ws, aksel, job, NOW - timedelta(days=90))
    martin, job2, _ = participant_in_job(ctx.ws, job_start=today - timedelta(days=300), first_name="Martin",
                                         last_name="Bakke")
    earlier_visit(ctx.ws, martin, job2, NOW - timedelta(days=60))
    return aksel, martin
