"""The participant list with its filters: status, method, phase, responsible specialist, overdue follow-up, and a
name/number filter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldapp.domain import jobdev_vocab, vocab
from fieldapp.domain.names import name_sort_key
from fieldapp.services import participants as service
from fieldapp.services.participants import NO_SPECIALIST, ParticipantRow
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, translate
from fieldapp.ui.models.participants import ParticipantTableModel
from fieldapp.ui.widgets.tables import RowTable

FILTER_DELAY_MS = 120


def term_combo(terms: tuple[vocab.Term, ...], everything: str, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(name)
    combo.addItem(everything, None)
    for term in terms:
        combo.addItem(term.label(current_language()), term.code)
    return combo


class ParticipantListPanel(QWidget):
    """Emits `participant_selected(id)` when the selection changes and `loaded(rows)` after each load."""

    participant_selected = Signal(str)
    participant_activated = Signal(str)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = term_combo(vocab.PARTICIPANT_STATUSES, translate("ParticipantList", "All statuses"), translate("ParticipantList", "Status"))
        self.method = term_combo(vocab.METHODS, translate("ParticipantList", "All methods"), translate("ParticipantList", "Method"))
        self.phase = term_combo(jobdev_vocab.PHASES, translate("ParticipantList", "All phases"), translate("ParticipantList", "Phase"))
        self.phase.setObjectName("phase_filter")
        # The phase names are long; the list panel must stay narrow beside the detail.
        self.phase.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.phase.setMinimumContentsLength(8)
        self.specialist = QComboBox()
        self.specialist.setObjectName("specialist_filter")
        self.specialist.setAccessibleName(translate("ParticipantList", "Job specialist"))
        self.specialist.addItem(translate("ParticipantList", "All job specialists"), None)
        self.overdue = QCheckBox(translate("ParticipantList", "Only overdue follow-up"))
        self.overdue.setObjectName("overdue_only")
        self.text = QLineEdit()
        self.text.setObjectName("participant_filter")
        self.text.setPlaceholderText(translate("ParticipantList", "Filter by name, national ID or phone"))
        self.text.setAccessibleName(translate("ParticipantList", "Filter participants"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("participant_count")
        self.model = ParticipantTableModel(self)
        self.table = RowTable(self.model, "participant_table",
                              on_activate=lambda row: self.participant_activated.emit(row.id))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        # Two rows, so the filters stay readable when the list shares the window with the detail panel.
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.text, 1)
        first.addWidget(self.overdue)
        second.addWidget(self.status, 1)
        second.addWidget(self.method, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        third = QHBoxLayout()
        third.addWidget(self.phase, 1)
        third.addWidget(self.specialist, 1)
        layout.addLayout(third)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        # Filters work on the rows already loaded (instant even at 10,000 participants); the database is
        # read again only when data changes (reload).
        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS, timeout=self.apply_filter)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.status, self.method, self.phase, self.specialist):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue.toggled.connect(self.apply_filter)
        self._first = True
        self._generation = 0
        self._all: list[ParticipantRow] = []

    def reload(self) -> None:
        from fieldapp.services import team
        from fieldapp.ui.dialogs.settings import pre_job_interval_days

        ws, now, interval = self.ctx.ws, self.ctx.now(), pre_job_interval_days(self.ctx.settings)
        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(lambda: (service.list_participants(ws, now=now, pre_job_interval_days=interval),
                                    {s.id: s.name for s in team.specialists(ws)}),
                           lambda loaded: self._loaded(*loaded, generation=generation), owner=self)

    def _loaded(self, rows: list[ParticipantRow], specialists: dict[str, str] | None = None, *,
                generation: int) -> None:
        if generation != self._generation:
            return  # a newer load is on its way; showing this one would flicker
        self._all = rows
        self._fill_specialists(specialists or {})
        self.apply_filter()

    def _fill_specialists(self, names: dict[str, str]) -> None:
        """All, then "Mine" (when the user is a specialist), each specialist by name, and "Nobody responsible";
        the choice is kept by id across reloads."""
        wanted: list[tuple[str, str | None]] = [(translate("ParticipantList", "All job specialists"), None)]
        me = next((sid for sid, name in names.items() if name == self.ctx.ws.actor), None)
        if me is not None:
            wanted.append((translate("ParticipantList", "Mine"), me))
        wanted += [(name, sid) for sid, name in sorted(names.items(), key=lambda kv: name_sort_key(kv[1]))
                   if sid != me]
        wanted.append((translate("ParticipantList", "Nobody responsible"), NO_SPECIALIST))
        shown = [(self.specialist.itemText(i), self.specialist.itemData(i)) for i in range(self.specialist.count())]
        if shown == wanted:
            return
        current = self.specialist.currentData()
        self.specialist.blockSignals(True)
        self.specialist.clear()
        for text, data in wanted:
            self.specialist.addItem(text, data)
        self.specialist.setCurrentIndex(max(0, self.specialist.findData(current)))
        self.specialist.blockSignals(False)

    def choose_specialist(self, specialist_id: str | None) -> None:
        """Show only `specialist_id`'s participants (None: everyone's; NO_SPECIALIST: nobody's)."""
        self.specialist.setCurrentIndex(max(0, self.specialist.findData(specialist_id)))

    def apply_filter(self) -> None:
        self._debounce.stop()
        rows = service.filter_rows(self._all, status=self.status.currentData(), method=self.method.currentData(),
                                   overdue_only=self.overdue.isChecked(), text=self.text.text(),
                                   phase=self.phase.currentData(), specialist=self.specialist.currentData())
        selected = self.table.current_row()
        self.model.set_rows(rows)
        if self._first and rows:
            self.table.fit_columns()
            self._first = False
        if selected is not None:
            self.select(selected.id)
        self.count.setText(translate("ParticipantList", "%n participant(s)", None, len(rows)))
        self.loaded.emit(len(rows))

    def select(self, participant_id: str) -> bool:
        row = self.model.find(lambda r: r.id == participant_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.participant_selected.emit(self.model.row_at(current.row()).id)
