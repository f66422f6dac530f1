"""Every value a sync overwrote, both versions with who and when; one click restores the other value.

Restoring writes the lost value back as a new change, which syncs like any edit. A conflict on a signed
agreement version is explained: the signed version is intact, and the choices keep it so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from fieldapp.domain import field_labels as labels
from fieldapp.domain.messages import DomainError
from fieldapp.services import sync as service
from fieldapp.ui.formatting import fmt_datetime
from fieldapp.ui.i18n import current_language, message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.sync.duplicates_box import DuplicatesBox
from fieldapp.ui.sync.worker import SyncController
from fieldapp.ui.widgets.tables import RowTable


def entity_label(entity: str) -> str:
    return labels.entity_label(entity, current_language())


def record_text(c: service.ConflictItem) -> str:
    """ "Deltaker · notater": the record type and the field as the forms name them, never the column name."""
    if c.kind == "merged":
        return f"{entity_label(c.entity)} · {translate('Conflicts', 'merged')}"
    return f"{entity_label(c.entity)} · {labels.field_label(c.entity, c.field, current_language())}"


def value_text(value: Any) -> str:
    if value is None:
        return translate("Conflicts", "(empty)")
    if isinstance(value, bytes):
        return translate("Conflicts", "(%1 bytes)").replace("%1", str(len(value)))
    return str(value)


def short(value: Any, limit: int = 60) -> str:
    text = value_text(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def who(name: str | None, device: str | None) -> str:
    if name:
        return name
    from fieldapp.ui.privacy import device_names

    known = device_names.name_of(device) if device else None
    return translate("Conflicts", "device %1").replace("%1", known or (device or "?")[:8])


def explanation(c: service.ConflictItem) -> str:
    if c.kind == "signed_version":
        return translate(
            "Conflicts", "Another device changed a signed agreement version. A signed version never changes, so "
                         "that change was NOT applied: the signed version on this computer is intact. If the other "
                         "change is needed, make a new version of the agreement and have it signed again.")
    if c.kind == "merged":
        return translate(
            "Conflicts", "The same person (or employer) was registered twice, and the two records were merged: "
                         "everything registered on the first now belongs to the kept record, on every device.")
    if c.kind == "merged_value":
        return translate(
            "Conflicts", "Two records of the same person were merged, and they held different values here. The "
                         "kept record's value stays; the value from the merged record is shown so you can choose it.")
    if c.kind == "edit_on_deleted":
        return translate(
            "Conflicts", "This record was deleted on one device while it was edited on another. It stays deleted "
                         "everywhere; the edited value is kept in the deleted record.")
    return translate(
        "Conflicts", "Both devices changed this value before they had seen each other's change. The later change "
                     "was kept; the value from this computer is shown here so it is not lost.")


class ConflictsView(QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.ctx = controller.ctx
        self.setObjectName("conflicts_view")
        self.model = RowTableModel[service.ConflictItem]([
            Column(translate("Conflicts", "Found"), lambda c: fmt_datetime(c.detected_at.astimezone())),
            Column(translate("Conflicts", "Record"), record_text),
            Column(translate("Conflicts", "Value from this computer"), lambda c: short(c.local_value)),
            Column(translate("Conflicts", "Value kept"), lambda c: short(c.remote_value)),
            Column(translate("Conflicts", "Kept value by"), lambda c: who(c.remote_by, c.remote_device)),
        ], self)
        self.table = RowTable(self.model, "conflicts_table", self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        detail = QWidget()
        grid = QGridLayout(detail)
        self.explain = QLabel()
        self.explain.setObjectName("conflict_explanation")
        self.explain.setWordWrap(True)
        grid.addWidget(self.explain, 0, 0, 1, 2)
        self.local_head = QLabel()
        self.remote_head = QLabel()
        self.local_value = QLabel()
        self.remote_value = QLabel()
        for lbl in (self.local_value, self.remote_value):
            lbl.setWordWrap(True)
            lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lbl.setFrameShape(QLabel.Shape.StyledPanel)
            lbl.setMargin(6)
            lbl.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.local_head, 1, 0)
        grid.addWidget(self.remote_head, 1, 1)
        grid.addWidget(self.local_value, 2, 0)
        grid.addWidget(self.remote_value, 2, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(translate("Conflicts", "Restore the value from this computer"))
        self.restore_button.setObjectName("restore_conflict")
        self.restore_button.clicked.connect(self.restore_current)
        self.keep_button = QPushButton(translate("Conflicts", "Keep the current value"))
        self.keep_button.setObjectName("dismiss_conflict")
        self.keep_button.clicked.connect(self.dismiss_current)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0, 1, 2)
        self.feedback = QLabel()
        self.feedback.setObjectName("conflict_feedback")
        self.feedback.setWordWrap(True)
        grid.addWidget(self.feedback, 4, 0, 1, 2)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setSizes([220, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.duplicates = DuplicatesBox(self.ctx, self)
        layout.addWidget(self.duplicates)
        self.empty = QLabel(translate("Conflicts", "No conflicts: sync has not overwritten anything from this "
                                                   "computer."))
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self._show_current()
        self.ctx.changes.data_changed.connect(self._data_changed)

    def _data_changed(self, _entities: frozenset[str]) -> None:
        self.reload()

    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.conflicts(ws), self._loaded, owner=self)
        self.duplicates.reload()

    def _loaded(self, rows: list[service.ConflictItem]) -> None:
        current = self.table.current_row()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            keep = self.model.find(lambda c: current is not None and c.id == current.id)
            self.table.selectRow(max(keep, 0))
            self.table.fit_columns(260)
        self._show_current()

    def _show_current(self) -> None:
        c = self.table.current_row()
        for w in (self.restore_button, self.keep_button):
            w.setEnabled(c is not None)
        if c is None:
            self.explain.setText("")
            for lbl in (self.local_head, self.remote_head, self.local_value, self.remote_value):
                lbl.setText("")
            return
        self.explain.setText(explanation(c))
        self.local_head.setText(translate("Conflicts", "On this computer: %1, %2").replace(
            "%1", who(c.local_by, c.local_device)).replace("%2", fmt_datetime(c.local_when.astimezone())
                                                           if c.local_when else "?"))
        self.remote_head.setText(translate("Conflicts", "Kept: %1, %2").replace(
            "%1", who(c.remote_by, c.remote_device)).replace("%2", fmt_datetime(c.remote_when.astimezone())))
        if c.kind in ("merged", "merged_value"):
            self.local_head.setText(translate("Conflicts", "From the merged record"))
        self.local_value.setText(value_text(c.local_value))
        self.remote_value.setText(value_text(c.remote_value))
        self.restore_button.setVisible(c.restorable)
        self.restore_button.setText(translate("Conflicts", "Use the value from the merged record")
                                    if c.kind == "merged_value"
                                    else translate("Conflicts", "Restore the value from this computer"))
        self.keep_button.setText(translate("Conflicts", "Keep the signed version") if c.kind == "signed_version"
                                 else translate("Conflicts", "Mark as reviewed") if c.kind == "merged"
                                 else translate("Conflicts", "Keep the current value"))

    def restore_current(self) -> None:
        c = self.table.current_row()
        if c is not None and c.restorable:
            ws = self.ctx.ws
            self._run(lambda: service.restore_conflict(ws, c.id),
                      translate("Conflicts", "Restored; the value syncs to the other devices."))

    def dismiss_current(self) -> None:
        c = self.table.current_row()
        if c is not None:
            ws = self.ctx.ws
            self._run(lambda: service.dismiss_conflict(ws, c.id), translate("Conflicts", "Done."))

    def _run(self, fn: Any, done_text: str) -> None:
        def done(_entity: str) -> None:
            self.feedback.setText(done_text)
            # A restored record is announced by its write; conflict rows do not sync, so no write announces them.
            self.ctx.changes.notify({"conflict"})

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            self.feedback.setText(message(exc))
            self.reload()

        self.ctx.tasks.run(fn, done, on_error=failed, owner=self)


class ConflictsDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(translate("Conflicts", "What sync overwrote"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.view = ConflictsView(controller, self)
        layout.addWidget(self.view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.view.reload()
