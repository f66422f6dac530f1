"""The agreement editor: a window for every part of one agreement version, the list of what is still missing
before signing, and the lifecycle actions. A draft is saved by itself about 1.5 s after typing stops and
when the window closes (the visit editor's Autosaver); Ctrl+S saves at once."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

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
from fieldapp.ui.agreements.error_marks import focus_error, mark_errors
from fieldapp.ui.agreements.lifecycle import LifecycleBar
from fieldapp.ui.agreements.missing_panel import MissingPanel
from fieldapp.ui.agreements.parts import PartsForms
from fieldapp.ui.agreements.rows import (ROW_CLASSES, OtherPartyRow, PartRows, accommodations_editor,
                                         follow_ups_editor, goals_editor, items_from, others_editor,
                                         responsibilities_editor, rows_from)
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import label, message, translate
from fieldapp.ui.visits.autosave import Autosaver
from fieldapp.ui.widgets.screen import close_on_escape, fit_to_screen
from fieldapp.ui.widgets.theme import NOT_SIGNED, box_style



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
        self.lifecycle = LifecycleBar(self.ctx, self, self)
        self.lifecycle.done.connect(self._lifecycle_done)

        self.parts = PartsForms()

        def today() -> date:
            return self.ctx.now().astimezone().date()

        self.goals: PartRows = goals_editor(today)
        self.follow_ups: PartRows = follow_ups_editor(today)
        self.accommodations: PartRows = accommodations_editor(today)
        self.responsibilities: PartRows = responsibilities_editor(today)
        self.others: PartRows = others_editor(today)
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
        column.addWidget(self._boxed(translate("AgreementEditor", "Other parties (behandler and others)"),
                                     self.others))
        row = QHBoxLayout()
        row.addWidget(self.parts.job_box(), 1)
        row.addWidget(self.parts.duration_box(), 1)
        column.addLayout(row)
        for title, table in ((translate("AgreementEditor", "Goals"), self.goals),
                             (translate("AgreementEditor", "Follow-up per actor"), self.follow_ups),
                             (translate("AgreementEditor", "Accommodations"), self.accommodations),
                             (translate("AgreementEditor", "Each party's responsibilities"), self.responsibilities)):
            below = (self.parts.nav_reason_form(),) if table is self.follow_ups else ()
            column.addWidget(self._boxed(title, table, *below))
        column.addWidget(self._boxed(translate("AgreementEditor", "Confidentiality and personal data (fixed text)"),
                                     self.privacy))
        column.addStretch(1)
        for box in content.findChildren(QGroupBox):
            if not box.isFlat():
                box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        self.content = content
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        self.side = MissingPanel(self.go_to_error)
        self.missing_model, self.missing = self.side.model, self.side.table
        self.missing_title, self.terms_warning = self.side.title, self.side.terms_warning
        splitter = QSplitter()
        splitter.addWidget(self.scroll_area)
        splitter.addWidget(self.side)
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

    def _boxed(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
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
                widget.valueChanged.connect(self._edited)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._edited)
        for table in (*self.tables.values(), self.others):
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
        self.others.model.set_rows(rows_from(c.parties.others, OtherPartyRow))
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
        for table in (*self.tables.values(), self.others):
            table.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)

    # --- content and what is missing ------------------------------------------------------------------------
    def current_content(self) -> ac.AgreementContent:
        assert self.data is not None
        c = self.parts.apply(self.data.version.content)
        items = {name: items_from(table.model.rows, ROW_CLASSES[name][1]) for name, table in self.tables.items()}
        c = replace(c, **items, parties=replace(c.parties, others=items_from(self.others.model.rows, ac.PartySnapshot)))
        if c.agreement_type == "toa" and c.parties.nav_contact is None:
            c = replace(c, parties=replace(c.parties, nav_contact=ac.PartySnapshot(role="nav")))
        return c

    def missing_now(self) -> list[FieldError]:
        if self.data is None:
            return []
        content = self.current_content()
        return rules.missing_for_signing(content) + sensitive_goal_errors(content, self.data.consents)

    def _refresh_missing(self) -> None:
        warnings = terms_warnings(self.current_content().job) if self.data is not None else []
        self.side.show_missing(self.missing_now(), warnings)

    def _edited(self, *_: object) -> None:
        if self._loading or self.data is None:
            return
        self._refresh_missing()
        if self.data.editable:
            self.state_label.setText(translate("AgreementEditor", "Changed, not saved yet"))
            self.autosave.edited()

    def show_errors(self, errors: ValidationFailed | list[FieldError]) -> None:
        """Mark fields and table cells named by the domain's errors."""
        mark_errors(self.parts, self._all_tables(), errors.errors if isinstance(errors, ValidationFailed) else errors)

    def go_to_error(self, error: FieldError) -> None:
        focus_error(self.parts, self._all_tables(), self.scroll_area, error)

    def _all_tables(self) -> dict[str, PartRows]:
        return {**self.tables, "parties.others": self.others}

    # --- saving -----------------------------------------------------------------------------------------
    def _prepare_save(self):
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
        self.draft_saved.emit(version)

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_errors(exc)
            self.state_label.setText(translate("AgreementEditor", "Not saved: correct the marked fields."))
        elif isinstance(exc, DomainError):
            self.state_label.setText(message(exc))
        else:
            raise exc

    def save_before(self, then) -> None:
        """Save what is unsaved before a lifecycle step or the preview; `then()` runs once that worked (a
        failed save is shown by _on_save_failed and the step is not taken)."""
        self.autosave.after_save(then)

    def _lifecycle_done(self, _kind: str) -> None:
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
            # The main window is closing: what could not be saved is shown nowhere, the rest is kept.
            with contextlib.suppress(DomainError, ValidationFailed):
                self.autosave.flush()
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

