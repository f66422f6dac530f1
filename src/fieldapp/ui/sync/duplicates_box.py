"""The same person (or employer) registered twice: the pairs above the conflicts, merged after a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.services import duplicates
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.widgets.tables import RowTable


def side_text(side: duplicates.DuplicateSide) -> str:
    return f"{side.name} ({side.key_masked})" if side.key_masked else side.name


def counts_text(entity: str, side: duplicates.DuplicateSide) -> str:
    if entity == "employer":
        return translate("Duplicates", "%1 jobs, %2 contact persons").replace("%1", str(side.jobs)).replace(
            "%2", str(side.contacts))
    return translate("Duplicates", "%1 visits, %2 jobs, %3 agreements").replace("%1", str(side.visits)).replace(
        "%2", str(side.jobs)).replace("%3", str(side.agreements))


def headline(pair: duplicates.Duplicate) -> str:
    if pair.entity == "employer":
        return translate("Duplicates", "The same employer is registered twice")
    return translate("Duplicates", "The same person is registered twice")


def confirmation_text(pair: duplicates.Duplicate) -> str:
    """Names both records, so the specialist can see they are one person before anything changes."""
    return translate(
        "Duplicates", "Merge these two records?\n\nKept: %1\n%2\n\nMerged into it: %3\n%4\n\nEverything registered "
                      "on the second record moves to the first, on every device. Where both records hold different "
                      "values, the first record's value is kept and the other is listed under conflicts, so you "
                      "can choose it instead.").replace("%1", side_text(pair.keep)).replace(
        "%2", counts_text(pair.entity, pair.keep)).replace("%3", side_text(pair.other)).replace(
        "%4", counts_text(pair.entity, pair.other))


def ask(parent: QWidget, pair: duplicates.Duplicate) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(headline(pair))
    box.setText(confirmation_text(pair))
    merge = box.addButton(translate("Duplicates", "Merge"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Duplicates", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is merge


class DuplicatesBox(QWidget):
    """Hidden while there are no pairs. `confirm` asks before merging (tests answer it themselves)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("duplicates_box")
        self.confirm: Callable[[duplicates.Duplicate], bool] = lambda pair: ask(self, pair)
        self.banner = QLabel()
        self.banner.setObjectName("duplicates_banner")
        self.banner.setWordWrap(True)
        self.model = RowTableModel[duplicates.Duplicate]([
            Column(translate("Duplicates", "Registered twice"), headline),
            Column(translate("Duplicates", "Kept"), lambda d: side_text(d.keep)),
            Column(translate("Duplicates", "Merged into it"), lambda d: side_text(d.other)),
            Column(translate("Duplicates", "On the second record"), lambda d: counts_text(d.entity, d.other)),
        ], self)
        self.table = RowTable(self.model, "duplicates_table", self,
                              spoken=translate("Duplicates", "Records registered twice"),
                              description=translate("Duplicates", "Arrows choose a pair to merge."))
        self.table.setMaximumHeight(self.table.verticalHeader().defaultSectionSize() * 4 + 8)
        self.merge_button = QPushButton(translate("Duplicates", "Merge …"))
        self.merge_button.setObjectName("merge_duplicates")
        self.merge_button.clicked.connect(self.merge_current)
        self.feedback = QLabel()
        self.feedback.setObjectName("duplicates_feedback")
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.feedback, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        layout.addLayout(row)
        # Its own height, never squeezed by the conflicts below: a clipped banner would hide what to do.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: duplicates.find(ws), self._loaded, owner=self)

    def _loaded(self, pairs: list[duplicates.Duplicate]) -> None:
        self.model.set_rows(pairs)
        self.setVisible(bool(pairs) or bool(self.feedback.text()))
        self.table.setVisible(bool(pairs))
        self.merge_button.setVisible(bool(pairs))
        if pairs:
            self.banner.setText(headline(pairs[0]) + " — " + translate(
                "Duplicates", "two devices registered the same fødselsnummer or organisasjonsnummer. Merge each "
                              "pair to keep every visit, job and agreement under one record."))
            self.table.selectRow(0)
            self.table.fit_columns(260)
        else:
            self.banner.setText("")

    def merge_current(self) -> None:
        pair = self.table.current_row()
        if pair is None or not self.confirm(pair):
            return
        ws = self.ctx.ws

        def done(result: duplicates.MergeDone) -> None:
            text = translate("Duplicates", "Merged: %1.").replace("%1", side_text(pair.keep))
            if result.to_review:
                text += " " + translate("Duplicates", "Values that differed are listed below; you can choose the "
                                                      "other value there.")
            self.feedback.setText(text)
            self.ctx.changes.notify({pair.entity, "conflict", "visit", "placement", "agreement"})

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            self.feedback.setText(message(exc))
            self.reload()

        self.ctx.tasks.run(lambda: duplicates.merge(ws, entity=pair.entity, from_id=pair.other.id,
                                                    into_id=pair.keep.id), done, on_error=failed, owner=self)
