"""The shared table model sorts rows whole; the UI survives PySide6 6.12's None reference bug."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from fieldapp.ui.models.table import ROW_ROLE, Column, RowTableModel

MANY_CALLS = """
import fieldapp.ui  # applies the work-arounds
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView
from fieldapp.ui.models.table import Column, RowTableModel
app = QApplication([])
label = QLabel()
model = RowTableModel([Column("n", lambda r: str(r)), Column("empty", lambda r: "")])
model.set_rows(list(range(50)))
view = QTableView()
view.setModel(model)
view.show()
for i in range(60_000):
    label.setText(str(i))                                        # a void Qt method called from Python
    model.index(i % 50, 1).data(Qt.ItemDataRole.ToolTipRole)    # an override returning None to C++
print("alive")
"""


def _model() -> RowTableModel[tuple[str, int]]:
    model: RowTableModel[tuple[str, int]] = RowTableModel([
        Column("name", lambda r: r[0]), Column("n", lambda r: str(r[1]), sort_key=lambda r: r[1]),
    ])
    model.set_rows([("Øystein", 3), ("Åse", 1), ("Bjørn", 2)])
    return model


def test_sorting_by_key_keeps_rows_whole(qapp) -> None:
    model = _model()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.index(i, 0).data(ROW_ROLE) for i in range(3)] == [("Øystein", 3), ("Bjørn", 2), ("Åse", 1)]
    model.set_rows([("Kari", 5), ("Ola", 9)])  # a reload keeps the chosen order
    assert model.index(0, 0).data() == "Ola"


def test_the_ui_survives_many_qt_calls() -> None:
    """Without the work-around, PySide6 6.12 on Python 3.11 aborts after a few thousand void calls."""
    result = subprocess.run([sys.executable, "-c", MANY_CALLS], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
