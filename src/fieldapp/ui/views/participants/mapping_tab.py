"""The mapping tab (kartlegging): every area with status, description, action, responsible, deadline and the
sensitive flag; areas listed on the left, the chosen one edited on the right, saved together."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout,
                               QWidget)

from fieldapp.domain import vocab
from fieldapp.domain.messages import FieldError, ValidationFailed
from fieldapp.domain.records import MappingArea
from fieldapp.services import mapping as service
from fieldapp.services.mapping import MappingSheet
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.forms.base import line, notes_edit, set_combo, term_combo, text_of
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.models.participant_detail import area_columns, area_label
from fieldapp.ui.widgets.dates import OptionalDateEdit, date_edit
from fieldapp.ui.widgets.forms import FieldForm
from fieldapp.ui.widgets.record_list import ListModel
from fieldapp.ui.widgets.tables import RowTable
from fieldapp.ui.widgets.theme import OPEN, SENSITIVE, box_style, warning_style

SENSITIVE_STYLE = box_style(SENSITIVE) + " border: 1px solid #b3261e; padding: 6px; border-radius: 4px;"
OPEN_STYLE = box_style(OPEN) + " border: 1px solid #6a9a6a; padding: 6px; border-radius: 4px;"


class AreaTableModel(ListModel):
    """Areas in the domain's order: work first, the sensitive ones together; no sorting."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = None

    def replace_row(self, row: int, area: MappingArea) -> None:
        self._rows[row] = area
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class MappingTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mapping_tab")
        self.participant_id: str | None = None
        self.sheet: MappingSheet | None = None
        self.mapping_id: str | None = None
        self.current_row = -1
        self.dirty = False
        self._filling = False

        self.history = QComboBox()
        self.history.setObjectName("mapping_history")
        self.history.setAccessibleName(translate("MappingTab", "Earlier mappings"))
        self.history.activated.connect(self._history_chosen)
        self.mapped_on = date_edit()
        self.mapped_on.setObjectName("mapped_on")
        self.mapped_on.setAccessibleName(translate("MappingTab", "Mapping date"))
        self.mapped_on.dateChanged.connect(self._mark_dirty)
        self.new_button = QPushButton(translate("MappingTab", "New mapping"))
        self.new_button.setObjectName("new_mapping")
        self.new_button.setToolTip(translate("MappingTab", "Start a new dated mapping from what is shown now"))
        self.new_button.clicked.connect(self.new_mapping)
        self.save_button = QPushButton(translate("MappingTab", "&Save mapping"))
        self.save_button.setObjectName("save_mapping")
        self.save_button.clicked.connect(self.save)
        self.state = QLabel()
        self.state.setObjectName("mapping_state")
        top = QHBoxLayout()
        mapping_label = QLabel(translate("MappingTab", "Mappin&g of"))
        mapping_label.setBuddy(self.history)
        date_label = QLabel(translate("MappingTab", "&Date"))
        date_label.setBuddy(self.mapped_on)
        for w in (mapping_label, self.history, date_label, self.mapped_on):
            top.addWidget(w)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self.state)
        bottom.addWidget(self.save_button)

        self.model = AreaTableModel(area_columns(), self)
        self.table = RowTable(self.model, "mapping_areas")
        self.table.setSortingEnabled(False)
        # The area's name gives way when the panel is narrow, so status and the "sensitive" mark stay in view.
        self.table.stretch_column(0)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.area_title = QLabel()
        self.area_title.setObjectName("area_title")
        self.sensitive_banner = QLabel()
        self.sensitive_banner.setObjectName("sensitive_banner")
        self.sensitive_banner.setWordWrap(True)
        self.form = FieldForm()
        f = self.form
        self.status = f.add_field("status", translate("MappingTab", "S&tatus"), term_combo(vocab.MAPPING_STATUSES))
        self.description = f.add_field("description", translate("MappingTab", "Desc&ription"), notes_edit(lines=4))
        self.action = f.add_field("action", translate("MappingTab", "A&ction"), notes_edit(lines=3))
        self.responsible = f.add_field("responsible", translate("MappingTab", "Res&ponsible"), line(None, 200))
        self.responsible.setPlaceholderText(translate("MappingTab", "Who follows up the action"))
        self.deadline = f.add_field("deadline", translate("MappingTab", "Dead&line"), OptionalDateEdit())
        self.sensitive = f.add_field("sensitive", translate("MappingTab", "Se&nsitive"),
                                     QCheckBox(translate("MappingTab", "Never shown to the employer")))
        f.add_general_error_row()
        self.notes = notes_edit(lines=2)
        self.notes.setObjectName("mapping_notes")
        self.notes.setAccessibleName(translate("MappingTab", "Notes on the mapping"))
        self.notes.textChanged.connect(self._mark_dirty)
        notes_label = QLabel(translate("MappingTab", "Notes on the &whole mapping"))
        notes_label.setBuddy(self.notes)

        editor = QWidget()
        column = QVBoxLayout(editor)
        column.addWidget(self.area_title)
        column.addWidget(self.sensitive_banner)
        column.addLayout(f)
        column.addStretch(1)
        column.addWidget(notes_label)
        column.addWidget(self.notes)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroller)
        splitter.setSizes([400, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        for signal in (self.status.currentIndexChanged, self.description.textChanged, self.action.textChanged,
                       self.responsible.textChanged, self.deadline.dateChanged, self.sensitive.toggled):
            signal.connect(self._edited)

    # --- loading ---------------------------------------------------------------------------------
    def load(self, participant_id: str, mapping_id: str | None = None) -> None:
        self.participant_id = participant_id
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.mapping_sheet(ws, participant_id, mapping_id),
                           lambda sheet: self._show(sheet), owner=self)

    def _show(self, sheet: MappingSheet) -> None:
        if sheet.participant_id != self.participant_id:
            return
        self.sheet = sheet
        self.mapping_id = sheet.mapping.id if sheet.mapping else None
        self._filling = True
        self.history.clear()
        for mp in sheet.history:
            self.history.addItem(fmt_date(mp.mapped_on), mp.id)
        if not sheet.history:
            self.history.addItem(translate("MappingTab", "(not saved yet)"), None)
        set_combo(self.history, self.mapping_id)
        self.mapped_on.setDate(sheet.mapping.mapped_on if sheet.mapping else self.ctx.now().astimezone().date())
        self.notes.setPlainText(sheet.mapping.notes or "" if sheet.mapping else "")
        self._filling = False
        self.model.set_rows(sheet.areas)
        self.table.fit_columns()
        self.current_row = -1
        self.table.selectRow(0)
        self._set_dirty(False)

    def _history_chosen(self, _index: int) -> None:
        chosen = self.history.currentData()
        if chosen and chosen != self.mapping_id and self.participant_id:
            self.load(self.participant_id, chosen)

    def new_mapping(self) -> None:
        """A new dated mapping starting from the areas shown; stored when saved."""
        self._commit()
        self.mapping_id = None
        self.model.set_rows([replace(a, id="", mapping_id="") for a in self.model.rows])
        self.current_row = -1
        self.table.selectRow(0)
        self._filling = True
        self.history.insertItem(0, translate("MappingTab", "(new, not saved yet)"), None)
        self.history.setCurrentIndex(0)
        self.mapped_on.setDate(self.ctx.now().astimezone().date())
        self._filling = False
        self._set_dirty(True)

    # --- editing ---------------------------------------------------------------------------------
    def select_area(self, code: str) -> None:
        row = self.model.find(lambda a: a.area == code)
        if row >= 0:
            self.table.selectRow(row)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or current.row() == self.current_row:
            return
        self.current_row = current.row()
        self._fill(self.model.row_at(current.row()))

    def _fill(self, area: MappingArea) -> None:
        self._filling = True
        self.form.clear_errors()
        self.area_title.setText(f"<h3>{area_label(area.area)}</h3>")
        set_combo(self.status, area.status)
        self.description.setPlainText(area.description or "")
        self.action.setPlainText(area.action or "")
        self.responsible.setText(area.responsible or "")
        self.deadline.set_value(area.deadline)
        self.sensitive.setChecked(area.sensitive)
        self._filling = False
        self._show_sensitivity(area)

    def _show_sensitivity(self, area: MappingArea) -> None:
        if area.sensitive:
            self.sensitive_banner.setText(translate("MappingTab", "Sensitive area: never shown on anything the employer gets."))
            self.sensitive_banner.setStyleSheet(SENSITIVE_STYLE)
        else:
            self.sensitive_banner.setText(translate("MappingTab", "May be shared with the employer if the participant agrees."))
            self.sensitive_banner.setStyleSheet(OPEN_STYLE)

    def _edited(self, *_: object) -> None:
        if not self._filling and self.current_row >= 0:
            self._commit()
            self._set_dirty(True)

    def _commit(self) -> None:
        if self.current_row < 0:
            return
        area = replace(self.model.row_at(self.current_row), status=self.status.currentData(),
                       description=text_of(self.description), action=text_of(self.action),
                       responsible=self.responsible.text(), deadline=self.deadline.value(),
                       sensitive=self.sensitive.isChecked())
        self.model.replace_row(self.current_row, area)
        self._show_sensitivity(area)

    def _mark_dirty(self, *_: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.state.setText(translate("MappingTab", "Unsaved changes") if dirty else "")
        self.state.setStyleSheet(warning_style() if dirty else "")

    # --- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.participant_id is None:
            return
        self._commit()
        errors = [FieldError(f"{a.area}.{e.field}", e.message) for a in self.model.rows for e in a.validate()]
        if errors:
            self._show_errors(ValidationFailed(errors))
            return
        ws, pid, mapping_id = self.ctx.ws, self.participant_id, self.mapping_id
        mapped_on = cast(date, self.mapped_on.date().toPython())
        notes, areas = text_of(self.notes), list(self.model.rows)
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(lambda: service.save_mapping(ws, participant_id=pid, mapping_id=mapping_id,
                                                        mapped_on=mapped_on, notes=notes, areas=areas),
                           self._saved, on_error=self._failed, owner=self)

    def _saved(self, sheet: MappingSheet) -> None:
        self.save_button.setEnabled(True)
        row = max(0, self.current_row)
        self._show(sheet)
        self.table.selectRow(row)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self._show_errors(exc)
        else:
            raise exc

    def _show_errors(self, exc: ValidationFailed) -> None:
        """Go to the first area with an error and mark its fields; errors about the mapping itself go on top."""
        first = exc.errors[0].field.split(".", 1)
        if len(first) == 2 and first[0] in service.AREA_CODES:
            self.select_area(first[0])
            mine = [FieldError(e.field.split(".", 1)[1], e.message) for e in exc.errors
                    if e.field.startswith(first[0] + ".")]
            self.form.show_errors(mine)
        else:
            self.form.general_error.setText("; ".join(message(e.message) for e in exc.errors))
            self.form.general_error.show()
