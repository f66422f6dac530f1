"""Opening the real visit editor in tests; editors still open at the end of a test are closed (and save)."""

from __future__ import annotations

import pytest
import shiboken6

from fieldapp.ui.visits.editor import VisitEditor


@pytest.fixture
def open_editor(qtbot, ctx):  # type: ignore[no-untyped-def]
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
