"""The agreement editor: a window for every part of one agreement version, the list of what is still missing
before signing, and the lifecycle actions. A draft is saved by itself about 1.5 s after typing stops and
when the window closes (the visit editor's Autosaver); Ctrl+S saves at once."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QFrame, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter,
                               QVBoxLayout, QWidget)

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.consent import sensitive_goal_errors
from fieldapp.domain.job_terms import terms_warnings
from fieldapp.domain.messages import DomainError, FieldError, ValidationFailed
from fieldapp.services import agreement_editing as service
from fieldapp.services.agreement_editing import EditorData
from fieldapp.ui.agreements.lifecycle import LifecycleBar
from fieldapp.ui.agreements.parts import PartsForms
from fieldapp.ui.agreements.rows import (ROW_CLASSES, PartRows, accommodations_editor, follow_ups_editor,
                                         goals_editor, items_from, responsibilities_editor, rows_from)
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import label, message, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.visits.autosave import Autosaver
from fieldapp.ui.widgets.screen import close_on_escape, fit_to_screen
from fieldapp.ui.widgets.tables import RowTable
from fieldapp.ui.widgets.theme import NOT_SIGNED, box_style, warning_style

CHANGED = {"agreement", "agreement_version", "signature", "agreement_event"}
_ROW_PATH = re.compile(r"^(goals|follow_ups|accommodations|responsibilities)\[(\d+)\]\.(\w+)$")


class AgreementEditor(QWidget):
    """A top-level window on one version (the latest unless `version_no` is given).

    Signals: `agreement_loaded(EditorData)` after every (re)load, `draft_saved(AgreementVersion)`.
    """

    agreement_loaded = Signal(object)
    draft_saved = Signal(object)

    def __init__(self, ctx: AppContext, agreement_id: str, *, version_no: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.version_no = version_no
        self.data: EditorData | None = None
        self._loading = True
        self.setObjectName("agreement_editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("AgreementEditor", "Follow-up agreement"))
        self.autosave = Autosaver(ctx, self._prepare_save, self)
        self.autosave.save_started.connect(lambda: self.state_label.setText(translate("AgreementEditor", "Saving …")))
        self.autosave.saved.connect(self._on_saved)
        self.autosave.save_failed.connect(self._on_save_failed)
        self._build()
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.autosave.save_now)
        if parent is not None:
            # The main window closes its children without their closeEvent: save the draft first.
            parent.window().installEventFilter(self)
        fit_to_screen(self, QSize(1280, 880))
        close_on_escape(self)
        self.reload()

    # --- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(translate("AgreementEditor", "Loading …"))
        self.heading.setObjectName("agreement_heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.status_label = QLabel()
        self.status_label.setObjectName("agreement_status_label")
        self.resign_label = QLabel()
        self.resign_label.setObjectName("not_signed_label")
        self.resign_label.setWordWrap(True)
        self.resign_label.setStyleSheet(box_style(NOT_SIGNED) + " padding: 6px; border-radius: 4px;")
        self.resign_label.hide()
        self.lifecycle = LifecycleBar(self.ctx, self)
        self.lifecycle.done.connect(self._lifecycle_done)

        self.parts = PartsForms()
        today = lambda: self.ctx.now().astimezone().date()  # noqa: E731
        self.goals: PartRows = goals_editor(today)
        self.follow_ups: PartRows = follow_ups_editor(today)
        self.accommodations: PartRows = accommodations_editor(today)
        self.responsibilities: PartRows = responsibilities_editor(today)
        self.tables = {"goals": self.goals, "follow_ups": self.follow_ups, "accommodations": self.accommodations,
                       "responsibilities": self.responsibilities}
        self.privacy = QPlainTextEdit()
        self.privacy.setObjectName("privacy_text")
        self.privacy.setReadOnly(True)
        self.privacy.setMinimumHeight(self.privacy.fontMetrics().lineSpacing() * 6 + 14)
        self.privacy.setAccessibleName(translate("AgreementEditor", "Confidentiality and personal data"))

        content = QWidget()
        content.setObjectName("agreement_content")
        column = QVBoxLayout(content)
        column.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.parts.type_box(), 1)
        column.addLayout(top)
        column.addWidget(self.parts.parties_box())
        row = QHBoxLayout()
        row.addWidget(self.parts.job_box(), 1)
        row.addWidget(self.parts.duration_box(), 1)
        column.addLayout(row)
        for title, table in ((translate("AgreementEditor", "Goals"), self.goals),
                             (translate("AgreementEditor", "Follow-up per actor"), self.follow_ups),
                             (translate("AgreementEditor", "Accommodations"), self.accommodations),
                             (translate("AgreementEditor", "Each party's responsibilities"), self.responsibilities)):
            column.addWidget(self._boxed(title, table))
        column.addWidget(self._boxed(translate("AgreementEditor", "Confidentiality and personal data (fixed text)"),
                                     self.privacy))
        column.addStretch(1)
        for box in content.findChildren(QGroupBox):
            if not box.isFlat():
                box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        self.content = content
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        self.missing_model: RowTableModel[FieldError] = RowTableModel(
            [Column(translate("AgreementEditor", "Missing before signing"), lambda e: message(e.message))], self)
        self.missing = RowTable(self.missing_model, "missing_list", on_activate=self.go_to_error)
        self.missing.setWordWrap(True)
        self.missing.setSortingEnabled(False)
        self.missing.horizontalHeader().hide()
        self.missing_title = QLabel()
        self.missing_title.setObjectName("missing_title")
        self.missing_title.setWordWrap(True)
        # The job's terms disagreeing (percentage against days and hours) is a warning, never a block.
        self.terms_warning = QLabel()
        self.terms_warning.setObjectName("terms_warning")
        self.terms_warning.setWordWrap(True)
        self.terms_warning.setStyleSheet(warning_style())
        self.terms_warning.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.missing_title)
        side_layout.addWidget(self.missing, 1)
        side_layout.addWidget(self.terms_warning)
        splitter = QSplitter()
        splitter.addWidget(self.scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 280])

        self.state_label = QLabel()
        self.state_label.setObjectName("save_state")
        self.preview_button = QPushButton(translate("AgreementEditor", "&Preview and print …"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.clicked.connect(self.open_preview)
        self.history_button = QPushButton(translate("AgreementEditor", "&Versions and history …"))
        self.history_button.setObjectName("history_button")
        self.history_button.clicked.connect(self.open_history)
        self.save_button = QPushButton(translate("AgreementEditor", "Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(translate("AgreementEditor", "Save now (Ctrl+S). A draft is also saved by itself."))
        self.save_button.clicked.connect(self.autosave.save_now)
        close = QPushButton(translate("AgreementEditor", "Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        for button in (self.preview_button, self.history_button, self.save_button, close):
            bottom.addWidget(button)

        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.resign_label)
        layout.addWidget(self.lifecycle)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._connect_edits()

    def _boxed(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(widget)
        return box

    def _connect_edits(self) -> None:
        for widget in self.parts.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._edited)
            elif isinstance(widget, QAbstractSpinBox):
                widget.valueChanged.connect(self._edited)  # type: ignore[attr-defined]
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._edited)
        for table in self.tables.values():
            table.model.rows_edited.connect(self._edited)

    # --- loading ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws, agreement_id, version_no = self.ctx.ws, self.agreement_id, self.version_no
        today = self.ctx.now().astimezone().date()
        self.ctx.tasks.run(lambda: service.load(ws, agreement_id, version_no=version_no, today=today),
                           self._show, on_error=self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DomainError, ValidationFailed)):
            self.heading.setText(message(exc))
            return
        raise exc

    def _show(self, data: EditorData) -> None:
        self.data = data
        self._loading = True
        c = data.version.content
        self.parts.set_content(c)
        for name, table in self.tables.items():
            table.model.set_rows(rows_from(getattr(c, name), ROW_CLASSES[name][0]))
        self.privacy.setPlainText(c.privacy_text)
        self._loading = False
        a, v = data.agreement, data.version
        self.heading.setText(translate("AgreementEditor", "Agreement %1, version %2")
                             .replace("%1", a.number).replace("%2", str(v.version_no)))
        self.setWindowTitle(translate("AgreementEditor", "Agreement %1 – %2")
                            .replace("%1", a.number).replace("%2", c.parties.participant.name))
        self.status_label.setText(translate("AgreementEditor", "Status: %1")
                                  .replace("%1", label(av.AGREEMENT_STATUSES, data.status)))
        if data.awaiting_resigning:
            self.resign_label.setText(
                translate("AgreementEditor", "Not signed by the parties. Version %1 (%2) stays valid until this "
                                             "version is signed again.")
                .replace("%1", str(data.valid_signed_version_no))
                .replace("%2", label(av.AGREEMENT_STATUSES, data.valid_signed_status).lower()))
        self.resign_label.setVisible(data.awaiting_resigning)
        self._set_read_only(not data.editable)
        self.state_label.setText(self._state_text(data))
        self.lifecycle.update_for(data)
        self._refresh_missing()
        self.agreement_loaded.emit(data)

    def _state_text(self, data: EditorData) -> str:
        if data.agreement.annulled_at is not None:
            return translate("AgreementEditor", "Annulled: %1").replace("%1", data.agreement.annul_reason or "")
        if data.editable:
            return translate("AgreementEditor", "Draft: changes are saved by themselves.")
        if data.signed_roles:
            return translate("AgreementEditor", "Signed: revoke the signatures or make a new version to change it.")
        return translate("AgreementEditor", "Locked for signing: reopen it as a draft to change it.")

    def _set_read_only(self, read_only: bool) -> None:
        self.autosave.enabled = not read_only
        for widget in self.parts.fields.values():
            if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        for table in self.tables.values():
            table.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)

    # --- content and what is missing ------------------------------------------------------------------------
    def current_content(self) -> ac.AgreementContent:
        assert self.data is not None
        c = self.parts.apply(self.data.version.content)
        items = {name: items_from(table.model.rows, ROW_CLASSES[name][1]) for name, table in self.tables.items()}
        c = replace(c, **items)
        if c.agreement_type == "toa" and c.parties.nav_contact is None:
            c = replace(c, parties=replace(c.parties, nav_contact=ac.PartySnapshot(role="nav")))
        return c

    def missing_now(self) -> list[FieldError]:
        if self.data is None:
            return []
        content = self.current_content()
        return rules.missing_for_signing(content) + sensitive_goal_errors(content, self.data.consents)

    def _refresh_missing(self) -> None:
        missing = self.missing_now()
        self.missing_model.set_rows(missing)
        self.missing.resizeRowsToContents()
        self.missing_title.setText(translate("AgreementEditor", "Nothing is missing: the agreement can be made ready "
                                                                "for signing.") if not missing
                                   else translate("AgreementEditor", "%n thing(s) missing before signing:", None,
                                                  len(missing)))
        warnings = terms_warnings(self.current_content().job) if self.data is not None else []
        self.terms_warning.setText("\n".join(message(w) for w in warnings))
        self.terms_warning.setVisible(bool(warnings))

    def _edited(self, *_: object) -> None:
        if self._loading or self.data is None:
            return
        self._refresh_missing()
        if self.data.editable:
            self.state_label.setText(translate("AgreementEditor", "Changed, not saved yet"))
            self.autosave.edited()

    def show_errors(self, errors: ValidationFailed | list[FieldError]) -> None:
        """Mark fields and table cells named by the domain's errors."""
        items = errors.errors if isinstance(errors, ValidationFailed) else tuple(errors)
        cells: dict[str, dict[tuple[str, str], str]] = {name: {} for name in self.tables}
        plain: list[FieldError] = []
        for e in items:
            found = _ROW_PATH.match(e.field)
            table = self.tables.get(found.group(1)) if found else None
            if found and table is not None and int(found.group(2)) < len(table.model.rows):
                cells[found.group(1)][(table.model.rows[int(found.group(2))].id, found.group(3))] = message(e.message)
            else:
                plain.append(e)
        for form in self.parts.forms:
            form.show_errors([e for e in plain if e.field in form.fields])
        for name, table in self.tables.items():
            table.model.set_errors(cells[name])
            own = [message(e.message) for e in plain if e.field == name]
            table.show_errors(own + sorted(set(cells[name].values())))

    def go_to_error(self, error: FieldError) -> None:
        widget = self.parts.fields.get(error.field)
        found = _ROW_PATH.match(error.field)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()
        elif found and found.group(1) in self.tables:
            table = self.tables[found.group(1)]
            self.scroll.ensureWidgetVisible(table)
            column = next((i for i, c in enumerate(table.model.columns) if c.field == found.group(3)), 0)
            table.table.setCurrentIndex(table.model.index(int(found.group(2)), column))
            table.table.setFocus()
        else:
            name = error.field.split(".")[0].split("[")[0]
            target = self.tables.get(name)
            if target is not None:
                self.scroll.ensureWidgetVisible(target)
                target.table.setFocus()

    # --- saving -----------------------------------------------------------------------------------------
    def _prepare_save(self):  # type: ignore[no-untyped-def]
        if self.data is None or not self.data.editable:
            return None
        content = self.current_content()
        ws, version_id = self.ctx.ws, self.data.version.id
        return lambda: service.save_draft(ws, version_id, content)

    def _on_saved(self, version: object) -> None:
        if version is None:
            return
        self.state_label.setText(translate("AgreementEditor", "Draft saved"))
        for form in self.parts.forms:
            form.clear_errors()
        self.ctx.changes.notify(CHANGED)
        self.draft_saved.emit(version)

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_errors(exc)
            self.state_label.setText(translate("AgreementEditor", "Not saved: correct the marked fields."))
        elif isinstance(exc, DomainError):
            self.state_label.setText(message(exc))
        else:
            raise exc

    def save_before(self, then) -> None:  # type: ignore[no-untyped-def]
        """Save what is unsaved before a lifecycle step or the preview; `then()` runs once that worked (a
        failed save is shown by _on_save_failed and the step is not taken)."""
        self.autosave.after_save(then)

    def _lifecycle_done(self, _kind: str) -> None:
        self.ctx.changes.notify(CHANGED)
        self.version_no = None if self.data is None or self.data.is_latest else self.version_no
        self.reload()

    # --- other windows ----------------------------------------------------------------------------------
    def open_preview(self) -> None:
        from fieldapp.ui.agreements.preview import PreviewWindow

        if self.data is None:
            return
        self.save_before(lambda: self._show_child(PreviewWindow(self.ctx, self.agreement_id,
                                                                 self.data.version.version_no, parent=self)))

    def open_history(self) -> None:
        from fieldapp.ui.agreements.history import HistoryWindow

        self._show_child(HistoryWindow(self.ctx, self.agreement_id, parent=self))

    def _show_child(self, window: QWidget) -> None:
        self.child_window = window
        window.show()

    # --- closing ----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Close and self.autosave.dirty:
            try:
                self.autosave.flush()
            except (DomainError, ValidationFailed):
                pass  # the main window is closing: what could not be saved is shown nowhere, the rest is kept
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        try:
            self.autosave.flush()
        except (DomainError, ValidationFailed) as exc:
            self._on_save_failed(exc)
            if not self._ask_close_anyway(message(exc) if isinstance(exc, DomainError) else
                                          translate("AgreementEditor", "Some fields hold invalid values (marked in "
                                                                       "red); the draft was not saved.")):
                event.ignore()
                return
        super().closeEvent(event)

    def _ask_close_anyway(self, reason: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("AgreementEditor", "Not everything is saved"),
                          translate("AgreementEditor", "%1\n\nClose the agreement anyway? What is not saved will be "
                                                       "lost.").replace("%1", reason), parent=self)
        close = box.addButton(translate("AgreementEditor", "Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("AgreementEditor", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is close

