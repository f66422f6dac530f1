"""The import dialog: a bad file shows its problems with line numbers and saves nothing; a good one is
previewed, imported with progress, and saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QProgressBar, QPushButton

from fieldapp.ui.dialogs.import_dialog import ImportDialog
from tests.cli.test_import import fnrs, participants


def _dialog(qtbot, ctx) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _load(qtbot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=10_000)


def test_a_bad_file_lists_its_problems_by_line_and_saves_nothing(qtbot, ctx, workspace, tmp_path: Path) -> None:
    (a,) = fnrs(1)
    path = tmp_path / "feil.csv"
    path.write_bytes(f"fornavn;etternavn;fodselsnummer\nÅse;Ødegård;{a}\n;Hansen;123\n\"Per\nOla\";Nord;\n"
                     .encode("cp1252"))
    dialog = _dialog(qtbot, ctx)
    _load(qtbot, dialog, path)

    problems = dialog.findChild(QPlainTextEdit, "problems").toPlainText()
    assert "linje 3" in problems and "linje 4" in problems and "linjeskift" in problems
    assert "Windows-1252" in dialog.source_label.text()
    assert dialog.preview_model.rowCount() == 3
    assert dialog.preview_model.index(0, 1).data() == "Ødegård"
    import_button = dialog.findChild(QPushButton, "import")
    assert not import_button.isEnabled()
    import_button.click()  # disabled: nothing happens
    assert participants(workspace) == []


def test_a_good_file_is_previewed_imported_with_progress_and_saved(qtbot, ctx, workspace, tmp_path: Path) -> None:
    from openpyxl import Workbook

    a, b = fnrs(2)
    book = Workbook()
    book.active.append(["fornavn", "etternavn", "fodselsnummer"])
    book.active.append(["Åse", "Ødegård", a])
    book.active.append(["Pål", "Løvås", b])
    path = tmp_path / "deltakere.xlsx"
    book.save(path)
    dialog = _dialog(qtbot, ctx)
    changed: list[frozenset[str]] = []
    ctx.changes.data_changed.connect(changed.append)
    _load(qtbot, dialog, path)

    assert "2 rader klare til import" in dialog.problems.toPlainText()
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "fornavn"
    progress = dialog.findChild(QProgressBar, "progress")
    assert progress.value() == progress.maximum() == 3  # every row of the sheet checked
    button = dialog.findChild(QPushButton, "import")
    assert button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        button.click()
    assert (done.args[0].created, done.args[0].updated) == (2, 0)
    assert progress.value() == progress.maximum()
    assert "Importert 2 deltakere" in dialog.result_label.text()
    assert {p.last_name for p in participants(workspace)} == {"Ødegård", "Løvås"}
    assert frozenset({"participant"}) in changed
    assert not button.isEnabled(), "the same file is not imported twice by a second click"


def test_employers_and_a_missing_file(qtbot, ctx, workspace, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.employers_button.setChecked(True)
    dialog.load_file(tmp_path / "finnes-ikke.csv")
    qtbot.waitUntil(lambda: "finnes ikke" in dialog.result_label.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()


def test_the_main_window_opens_the_dialog_from_its_import_action(qtbot, main_window, monkeypatch) -> None:
    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    assert main_window.import_action.isEnabled()
    main_window.import_action.trigger()
    assert len(opened) == 1
    opened[0].deleteLater()
