"""File → Import: participants or employers from a CSV or Excel file, previewed and checked before anything is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QTableView, QVBoxLayout,
                               QWidget)

from fieldapp.services.import_checking import CheckedFile, check_file
from fieldapp.services.import_kinds import EMPLOYERS, PARTICIPANTS
from fieldapp.services.import_problems import MAX_LISTED, grouped
from fieldapp.services.importing import ImportResult, import_rows, summary
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, message, translate

_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The first rows of the file as they are written in it, under the file's own column names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: tuple[str, ...] = ()
        self._rows: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def show(self, checked: CheckedFile | None) -> None:
        self.beginResetModel()
        self._header = checked.header if checked else ()
        self._rows = checked.preview if checked else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        cells = self._rows[index.row()][1]
        return cells[index.column()] if index.column() < len(cells) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header[section] if section < len(self._header) else None
        return str(self._rows[section][0]) if section < len(self._rows) else None  # the line in the file


class ImportDialog(QDialog):
    """Choose a file and what it holds; see its first rows and every problem with its line; import all or nothing."""

    imported = Signal(object)  # ImportResult
    _progressed = Signal(int, int)  # from the worker thread: rows checked, rows in all

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checked: CheckedFile | None = None
        self.setObjectName("import_dialog")
        self.setWindowTitle(translate("ImportDialog", "Import participants or employers"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)

        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(translate("ImportDialog", "The file holds:")))
        self.participants_button = QRadioButton(translate("ImportDialog", "Participants"))
        self.participants_button.setObjectName("kind_participants")
        self.participants_button.setChecked(True)
        self.employers_button = QRadioButton(translate("ImportDialog", "Employers"))
        self.employers_button.setObjectName("kind_employers")
        for button in (self.participants_button, self.employers_button):
            kinds.addWidget(button)
            button.toggled.connect(lambda on: on and self._recheck())
        kinds.addStretch(1)
        layout.addLayout(kinds)

        chooser = QHBoxLayout()
        self.path_field = QLineEdit()
        self.path_field.setObjectName("path")
        self.path_field.setReadOnly(True)
        self.path_field.setPlaceholderText(translate("ImportDialog", "A CSV file or an Excel workbook (.xlsx)"))
        choose = QPushButton(translate("ImportDialog", "Choose file …"))
        choose.setObjectName("choose_file")
        choose.clicked.connect(self.choose_file)
        chooser.addWidget(self.path_field, 1)
        chooser.addWidget(choose)
        layout.addLayout(chooser)

        self.source_label = QLabel()
        self.source_label.setObjectName("source")
        self.source_label.setWordWrap(True)
        layout.addWidget(self.source_label)
        layout.addWidget(QLabel(translate("ImportDialog", "The first rows of the file:")))
        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("preview")
        self.preview.setModel(self.preview_model)
        layout.addWidget(self.preview, 2)
        layout.addWidget(QLabel(translate("ImportDialog", "Problems (nothing is saved while there are any):")))
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("problems")
        self.problems.setReadOnly(True)
        layout.addWidget(self.problems, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(translate("ImportDialog", "Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._progressed.connect(self._show_progress)

    @property
    def kind(self) -> str:
        return EMPLOYERS if self.employers_button.isChecked() else PARTICIPANTS

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("ImportDialog", "Choose the file to import"), str(Path.home()),
            translate("ImportDialog", "Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read and check the file on the worker; the preview and problems are shown when it is done."""
        self.path_field.setText(str(path))
        self._recheck()

    def _recheck(self) -> None:
        text = self.path_field.text()
        if not text:
            return
        path, kind = Path(text), self.kind
        self.checked = None
        self.import_button.setEnabled(False)
        self.result_label.clear()
        self.problems.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.ctx.tasks.run(lambda: check_file(path, kind, progress=self._progressed.emit), self._show_checked,
                           on_error=self._failed, owner=self)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_checked(self, checked: CheckedFile) -> None:
        if checked.kind != self.kind:
            return  # the kind changed while this file was checked: a newer check is on its way
        self.checked = checked
        lang = current_language()
        self.source_label.setText(checked.source_text(lang))
        self.preview_model.show(checked)
        if checked.ok:
            self.problems.setPlainText(translate("ImportDialog", "No problems: %n row(s) ready to import.", "",
                                                 len(checked.rows)))
        else:
            texts = grouped(checked.problems, lang)
            shown = texts[:MAX_LISTED]
            if len(texts) > MAX_LISTED:
                shown.append(translate("ImportDialog", "… and %n more.", "", len(texts) - MAX_LISTED))
            self.problems.setPlainText("\n".join(shown))
        self.import_button.setEnabled(checked.ok and bool(checked.rows))

    def start_import(self) -> None:
        checked = self.checked
        if checked is None or not checked.ok:
            return
        ws, kind, rows = self.ctx.ws, checked.kind, checked.rows
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # saving is one transaction: busy, without steps
        self.result_label.setText(translate("ImportDialog", "Saving …"))
        self.ctx.tasks.run(lambda: import_rows(ws, kind, rows), self._imported, on_error=self._failed, owner=self)

    def _imported(self, result: ImportResult) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        kind = self.checked.kind if self.checked else self.kind
        self.result_label.setText(summary(result, kind, current_language()))
        self.checked = None  # imported: the same file again would be a second import, so it must be chosen again
        self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from fieldapp.domain.messages import DomainError

        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, OSError):
            self.result_label.setText(translate("ImportDialog", "The file cannot be read: %1")
                                      .replace("%1", str(exc.filename or self.path_field.text())))
        elif isinstance(exc, DomainError):
            self.result_label.setText(message(exc))
        else:
            raise exc
        self.import_button.setEnabled(self.checked is not None and self.checked.ok)

