"""Screen readers hear a bokmål name and description for every table and cell editor."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QWidget

from tests.support.visit_data import participant_in_job
from tests.ui.agreement_helpers import concluded_agreement
from tests.ui.conftest import NOW

TODAY = NOW.astimezone().date()


# --- 10: screen readers hear what each table and cell is ---------------------------------------------------------
def _tables_in(window: QWidget) -> list:
    from PySide6.QtWidgets import QAbstractItemView

    return [t for t in window.findChildren(QAbstractItemView) if t.window() is window
            and not t.inherits("QListView") and not t.inherits("QHeaderView")]


def test_every_table_and_cell_editor_has_a_bokmal_name(qtbot, ctx, main_window):
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.visits.editor import VisitEditor

    person, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    agreement_id, _ = concluded_agreement(ctx.ws)
    for key in main_window.nav_actions:
        main_window.show_view(key)
    visit = VisitEditor(ctx, participant_id=person.id, parent=main_window)
    visit.show()
    qtbot.waitUntil(lambda: visit.stored is not None, timeout=5000)
    agreement = AgreementEditor(ctx, agreement_id, parent=main_window)
    agreement.show()
    qtbot.waitUntil(lambda: agreement.data is not None, timeout=10_000)
    tables = [t for w in (main_window, visit, agreement) for t in _tables_in(w)]
    assert len(tables) > 10
    unnamed = [t.objectName() for t in tables
               if not t.accessibleName() or t.accessibleName() in (t.objectName(), "Tabell", "Table")
               or "_" in t.accessibleName()]
    assert not unnamed, f"tables without a spoken name: {unnamed}"
    assert main_window.today.overdue_table.accessibleName() == "Forfalt oppfølging"

    visit.actions.add.click()
    table = visit.actions.table
    model = table.model()
    edited = 0
    for column in range(model.columnCount()):
        index = model.index(0, column)
        if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            continue
        table.setCurrentIndex(index)
        table.edit(index)
        editors = [w for w in table.viewport().findChildren(QWidget) if w.isVisible() and w.parentWidget()
                   is table.viewport()]
        assert editors, f"no editor opened in column {column}"
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert editors[0].accessibleName() == f"{title}, rad 1", editors[0].accessibleName()
        assert table.accessibleName() in editors[0].accessibleDescription()
        table.closeEditor(editors[0], QAbstractItemDelegate.EndEditHint.RevertModelCache)
        edited += 1
    assert edited >= 3
    agreement.close()
    visit.close()
