"""The agreements list: every agreement with its derived status, filtered by text and status; opens the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.demo.generate import generate
from tests.ui.conftest import NOW


def test_lists_filters_and_opens_the_agreement_editor(qtbot, ctx, main_window):
    generate(ctx.ws, participants=24, today=NOW.date())
    view = main_window.agreements
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    rows = view.model.rows
    assert rows and len({r.status for r in rows}) >= 5  # the demo has agreements in every status
    view.status.setCurrentIndex(view.status.findData("draft"))
    assert view.model.rowCount() > 0 and all(r.status == "draft" for r in view.model.rows)
    view.status.setCurrentIndex(0)
    target = rows[0]
    view.text.setText(target.number)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.table.activated.emit(view.model.index(0, 0))
    editor = view.editor
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10_000)
    assert editor.agreement_id == target.agreement_id and editor.data.agreement.number == target.number
    view.table.activated.emit(view.model.index(0, 0))
    assert view.editor is editor  # one window per agreement
    editor.close()
