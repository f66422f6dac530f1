"""The IPS-25 self-assessment form: 25 items scored 1–5 with a note each, the data's proposals with their
evidence, the total and band, and the previous assessment to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.outcomes import fidelity as fi
from fieldapp.domain.outcomes.fidelity_items import ITEMS, Item
from fieldapp.services import fidelity as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import message, translate


@dataclass(frozen=True)
class Loaded:
    previous: list[service.Assessment]
    proposals: list[fi.Proposal]


class ItemRow:
    """The widgets of one item, placed in the form's grid."""

    def __init__(self, item: Item, grid: QGridLayout, row: int, changed: object) -> None:
        self.item = item
        title = QLabel(f"<b>{item.number}. {item.title}</b> <small>({item.area})</small>")
        title.setToolTip("\n".join(f"{score}: {text}" for score, text in enumerate(item.anchors, start=1)))
        self.score = QComboBox()
        self.score.setObjectName(f"fidelity_score_{item.number}")
        self.score.setAccessibleName(translate("Fidelity", "Score for item %1").replace("%1", str(item.number)))
        self.score.addItem("–", None)
        for score in range(1, 6):
            self.score.addItem(str(score), score)
        self.anchor = QLabel(translate("Fidelity", "Not scored"))
        self.anchor.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName(f"fidelity_note_{item.number}")
        self.note.setPlaceholderText(translate("Fidelity", "Note"))
        self.proposal = QLabel()
        self.proposal.setObjectName(f"fidelity_proposal_{item.number}")
        self.proposal.setWordWrap(True)
        self.use = QPushButton(translate("Fidelity", "Use"))
        self.use.setObjectName(f"fidelity_use_{item.number}")
        self.use.hide()
        self.previous = QLabel()
        self.proposed: int | None = None
        self.score.currentIndexChanged.connect(self._show_anchor)
        self.score.currentIndexChanged.connect(changed)
        self.use.clicked.connect(lambda: self.set_score(self.proposed))
        grid.addWidget(title, row, 0, 1, 4)
        grid.addWidget(self.score, row + 1, 0)
        grid.addWidget(self.anchor, row + 1, 1)
        grid.addWidget(self.note, row + 1, 2)
        grid.addWidget(self.previous, row + 1, 3)
        hint = QHBoxLayout()
        hint.addWidget(self.proposal, 1)
        hint.addWidget(self.use)
        grid.addLayout(hint, row + 2, 1, 1, 3)

    def _show_anchor(self) -> None:
        score = self.score.currentData()
        self.anchor.setText(self.item.anchors[score - 1] if score else translate("Fidelity", "Not scored"))

    def set_score(self, score: int | None) -> None:
        self.score.setCurrentIndex(self.score.findData(score) if score else 0)

    def value(self) -> fi.ItemScore:
        return fi.ItemScore(self.score.currentData(), self.note.text().strip())

    def propose(self, proposal: fi.Proposal) -> None:
        self.proposed = proposal.score
        self.proposal.setText(translate("Fidelity", "Proposed from the records: %1. %2")
                              .replace("%1", str(proposal.score)).replace("%2", proposal.evidence))
        self.use.show()


class FidelityDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, on: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fidelity_dialog")
        self.setWindowTitle(translate("Fidelity", "IPS fidelity self-assessment (IPS-25)"))
        self.resize(1000, 680)
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setObjectName("fidelity_date")
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        day = on or ctx.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.use_all = QPushButton(translate("Fidelity", "Use all proposals"))
        self.use_all.setObjectName("fidelity_use_all")
        self.use_all.clicked.connect(self._use_all)
        self.total = QLabel()
        self.total.setObjectName("fidelity_total")
        self.compare = QLabel()
        self.compare.setObjectName("fidelity_compare")
        self.compare.setWordWrap(True)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(translate("Fidelity", "Notes on the whole assessment"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")

        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.rows = {item.number: ItemRow(item, grid, 3 * i, self._update_total) for i, item in enumerate(ITEMS)}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Fidelity", "Date:")))
        top.addWidget(self.date_edit)
        top.addStretch(1)
        top.addWidget(self.use_all)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.compare)
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.loaded_data: Loaded | None = None
        self._update_total()
        ws = ctx.ws
        self.ctx.tasks.run(lambda: Loaded(service.assessments(ws), service.proposals(ws, day)), self._loaded,
                           owner=self)

    loaded = Signal()

    def _loaded(self, data: Loaded) -> None:
        self.loaded_data = data
        for proposal in data.proposals:
            self.rows[proposal.item].propose(proposal)
        self.use_all.setEnabled(bool(data.proposals))
        self._update_total()
        self.loaded.emit()

    def _use_all(self) -> None:
        for row in self.rows.values():
            if row.proposed and not row.score.currentData():
                row.set_score(row.proposed)

    def scores(self) -> dict[int, fi.ItemScore]:
        return {n: row.value() for n, row in self.rows.items()}

    def _update_total(self) -> None:
        scores = self.scores()
        scored = sum(1 for s in scores.values() if s.score)
        total = fi.total(scores)
        text = translate("Fidelity", "Total %1 of 125 (%2 of 25 items scored)").replace("%1", str(total)).replace(
            "%2", str(scored))
        if fi.complete(scores):
            text += f" – {fi.band(total)}"
        self.total.setText(f"<b>{text}</b>")
        previous = self._previous()
        if previous is None:
            self.compare.setText(translate("Fidelity", "No earlier assessment to compare with."))
            return
        diff = fi.changes(scores, previous.scores)
        for n, row in self.rows.items():
            old = previous.scores.get(n)
            row.previous.setText(translate("Fidelity", "Before: %1").replace("%1", str(old.score))
                                 if old and old.score else "")
        self.compare.setText(
            translate("Fidelity", "Previous assessment %1: total %2, %3. Changed items: %4").replace(
                "%1", previous.record.assessed_on.strftime("%d.%m.%Y")).replace("%2", str(previous.total)).replace(
                "%3", previous.band).replace("%4", ", ".join(f"{n} ({d:+d})" for n, d in sorted(diff.items())) or "–"))

    def _previous(self) -> service.Assessment | None:
        if self.loaded_data is None:
            return None
        day = self.date_edit.date().toPython()
        earlier = [a for a in self.loaded_data.previous if a.record.assessed_on < day]
        return earlier[0] if earlier else None

    def save(self) -> None:
        scores, day, notes, ws = self.scores(), self.date_edit.date().toPython(), self.notes.text(), self.ctx.ws
        if not any(s.score for s in scores.values()):
            self.error.setText(translate("Fidelity", "Score at least one item before saving."))
            return
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(lambda: service.save_assessment(ws, assessed_on=day, scores=scores, notes=notes),
                           self._saved, on_error=self._failed, owner=self)

    def _saved(self, assessment: service.Assessment) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(assessment)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, (DomainError, ValidationFailed)):
            raise exc
        self.error.setText(message(exc))
