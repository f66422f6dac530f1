"""The visit editor: a window for every field of one follow-up visit, saved as a draft while typing,
finished (and then locked) with one command, corrected afterwards only by linked notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox, QScrollArea, QWidget

from fieldapp.domain import vocab
from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.services import visits as service
from fieldapp.services.visits import StoredVisit, VisitEditorData
from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_datetime, fmt_time
from fieldapp.ui.i18n import label, message, translate
from fieldapp.ui.visits.actions_table import ActionRow
from fieldapp.ui.visits.attendees import AttendeeRow, participant_role
from fieldapp.ui.visits.autosave import Autosaver
from fieldapp.ui.visits.form_reading import TEXT_FIELDS, VisitFormReading
from fieldapp.ui.visits.inputs import from_qdatetime, to_qdatetime
from fieldapp.ui.visits.layout import VisitEditorLayout
from fieldapp.ui.visits.next_visit_proposal import NextVisitProposal
from fieldapp.ui.visits.visit_types import fit_visit_types
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.theme import DRAFT_CHIP, FINISHED_CHIP, box_style, warning_style

class VisitEditor(VisitEditorLayout, VisitFormReading, NextVisitProposal, QWidget):  # type: ignore[misc]  # its `actions` table and `scroll` area shadow QWidget methods the editor never calls
    """A top-level window. `visit_id` is known once the visit is loaded (a new visit gets its id at once).

    Signals: `visit_loaded`, `draft_saved(StoredVisit)`, `visit_finished(StoredVisit)`.
    """

    visit_loaded = Signal()
    draft_saved = Signal(object)
    visit_finished = Signal(object)

    def __init__(self, ctx: AppContext, *, visit_id: str | None = None, participant_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if not visit_id and not participant_id:
            raise ValueError("a visit id or a participant id is needed")
        self.ctx = ctx
        self.setObjectName("visit_editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("VisitEditor", "Follow-up visit"))
        self.setWindowIcon(icons.icon("new-visit"))
        self.visit_id: str | None = visit_id
        self.participant_id = participant_id
        self.data: VisitEditorData | None = None
        self.stored: StoredVisit | None = None
        self.is_stored = False
        self.finished = False
        self._loading = True
        self._next_date_touched = False
        self._invalid: list[str] = []
        self.autosave = Autosaver(ctx, self._prepare_save, self)
        self.autosave.save_started.connect(lambda: self._set_state(translate("VisitEditor", "Saving …")))
        self.autosave.saved.connect(self._on_saved)
        self.autosave.save_failed.connect(self._on_save_failed)
        self._build()
        self._build_shortcuts()
        self._restore_geometry()
        self._load()

    # --- loading ----------------------------------------------------------------------------------------
    def _load(self) -> None:
        ws, now = self.ctx.ws, self.ctx.now()
        visit_id, participant_id, role = self.visit_id, self.participant_id, participant_role()
        job: Callable[[], VisitEditorData]
        if visit_id:
            job = partial(service.load_for_editor, ws, visit_id, now=now)
        else:
            job = partial(service.start_visit, ws, participant_id, now=now, participant_role=role)
        self.ctx.tasks.run(job, self._show, on_error=self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._loading = False
        self.heading.setText(translate("VisitEditor", "The visit could not be opened"))
        self._set_state(message(exc))
        self.finish_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _show(self, data: VisitEditorData) -> None:
        self._loading = True
        self.data, self.stored, self.is_stored = data, data.stored, not data.is_new
        visit = data.stored.visit
        self.visit_id, self.participant_id = visit.id, visit.participant_id
        self.setWindowTitle(translate("VisitEditor", "Visit with %1").replace("%1", data.participant_name))
        self.heading.setText(data.participant_name)
        self.placement.clear()
        self.placement.addItem(translate("VisitEditor", "No job (before a job is found)"), None)
        for p in data.placements:
            self.placement.addItem(f"{p.job_title}, {p.employer_name} ({label(vocab.PLACEMENT_STATUSES, p.status)})",
                                   p.id)
        self.attendees.set_people(data.participant_name, data.nav_contact, data.contacts)
        fit_visit_types(self.visit_type, has_job=any(p.status in ("planned", "active") for p in data.placements),
                        keep=visit.visit_type)
        self._fill(data.stored, data.carried_from)
        self.content.setEnabled(True)
        self._loading = False
        self._next_date_touched = not data.is_new
        self._update_heading()
        self._show_proposal()
        if visit.finished:
            self._lock(data.stored)
        elif data.is_new:
            self._set_state(translate("VisitEditor", "New visit – saved as a draft as soon as you type"))
        else:
            self._set_state(translate("VisitEditor", "Draft last saved %1").replace(
                "%1", fmt_datetime(visit.updated_at.astimezone()) if visit.updated_at else ""))
        self.starts_at.setFocus(Qt.FocusReason.OtherFocusReason)
        self.visit_loaded.emit()

    def _fill(self, stored: StoredVisit, carried_from: dict[str, date]) -> None:
        v = stored.visit
        self.starts_at.setDateTime(to_qdatetime(v.starts_at))
        self.duration.setValue(int((v.ends_at - v.starts_at).total_seconds() // 60) if v.ends_at else 0)
        self.channel.setCurrentIndex(max(0, self.channel.findData(v.channel)))
        self.place.setText(v.place or "")
        self.visit_type.setCurrentIndex(max(0, self.visit_type.findData(v.visit_type)))
        self.placement.setCurrentIndex(max(0, self.placement.findData(v.placement_id)))
        self.topics.set_value(v.topics)
        for name in TEXT_FIELDS:
            getattr(self, name).setPlainText(getattr(v, name) or "")
        self.next_visit.set_value(v.next_visit_date)
        self.attendees.model.set_rows([AttendeeRow.from_record(a) for a in stored.attendees])
        self.actions.model.set_rows([ActionRow.from_record(a, carried_from) for a in stored.actions])

    def _update_heading(self) -> None:
        assert self.data is not None
        pid = self.placement.currentData()
        job = next((p for p in self.data.placements if p.id == pid), None)
        when = fmt_datetime(from_qdatetime(self.starts_at.dateTime()))
        self.subheading.setText(f"{job.job_title}, {job.employer_name} · {when}" if job else when)
        finished = self.stored is not None and self.stored.visit.finished
        self.status_chip.setText(translate("VisitEditor", "Finished") if finished else translate("VisitEditor", "Draft"))
        self.status_chip.setStyleSheet("padding: 3px 10px; border-radius: 8px; "
                                       + box_style(FINISHED_CHIP if finished else DRAFT_CHIP))

    # --- saving -------------------------------------------------------------------------------------
    def _edited(self, *_: object) -> None:
        if self._loading or self.finished or self.stored is None:
            return
        self.autosave.edited()

    def _prepare_save(self):
        if self.stored is None or self.finished:
            return None
        visit, attendees, actions, errors, row_errors, invalid = self._collect()
        self._show_errors(errors, row_errors, focus=False)
        self._invalid = invalid
        ws = self.ctx.ws
        return lambda: service.save_draft(ws, visit, attendees, actions)

    def save_now(self) -> None:
        if self.stored is None or self.finished:
            return
        if not self.autosave.dirty and self.is_stored:
            self._set_saved_state()
            return
        if not self.autosave.dirty:
            self.autosave.edited()  # a new visit saved on request, even untouched
        self.autosave.save_now()

    def _on_saved(self, stored: StoredVisit) -> None:
        self.stored, self.is_stored = stored, True
        self._set_saved_state()
        self.draft_saved.emit(stored)

    def _set_saved_state(self) -> None:
        at = fmt_time(self.ctx.now().astimezone())
        text = translate("VisitEditor", "Saved at %1").replace("%1", at)
        if self._invalid:
            text = translate("VisitEditor", "Saved at %1 – fields marked in red are not saved until they are corrected"
                             ).replace("%1", at)
        self._set_state(text, warning=bool(self._invalid))

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            for form in self.forms:
                form.show_errors([e for e in exc.errors if e.field in form.fields])
            self._set_state(translate("VisitEditor", "Not saved: fix the fields marked in red"), warning=True)
        elif isinstance(exc, DomainError):
            self._set_state(translate("VisitEditor", "Not saved: %1").replace("%1", message(exc)), warning=True)
        else:
            self._set_state(translate("VisitEditor", "Not saved: an unexpected error occurred"), warning=True)
            raise exc

    def _set_state(self, text: str, *, warning: bool = False) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(warning_style() if warning else "")

    # --- finishing ----------------------------------------------------------------------------------
    def ask_finish(self) -> None:
        if self.stored is None or self.finished:
            return
        _, _, _, errors, row_errors, invalid = self._collect()
        if invalid:
            self._show_errors(errors, row_errors, focus=True)
            self._set_state(translate("VisitEditor", "Fix the fields marked in red before finishing"), warning=True)
            return
        self.confirm_bar.show()
        self.confirm_finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        self.confirm_bar.hide()
        if self.stored is None or self.finished:
            return
        visit, attendees, actions, errors, row_errors, invalid = self._collect()
        if invalid:
            self._show_errors(errors, row_errors, focus=True)
            return
        self.autosave.stop()
        self.autosave.enabled = False
        ws, at = self.ctx.ws, self.ctx.now()
        self.finish_button.setEnabled(False)
        self._set_state(translate("VisitEditor", "Finishing …"))
        self.ctx.tasks.run(lambda: service.finish_visit(ws, visit, attendees, actions, finished_at=at),
                           self._finished, on_error=self._finish_failed, owner=self)

    def _finished(self, stored: StoredVisit) -> None:
        self.stored, self.is_stored = stored, True
        self._lock(stored)
        self.visit_finished.emit(stored)

    def _finish_failed(self, exc: BaseException) -> None:
        self.autosave.enabled = True
        self.finish_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            for form in self.forms:
                form.show_errors([e for e in exc.errors if e.field in form.fields])
            self._set_state(translate("VisitEditor", "Fix the fields marked in red before finishing"), warning=True)
        elif isinstance(exc, DomainError):
            self._set_state(message(exc), warning=True)
        else:
            raise exc

    def _lock(self, stored: StoredVisit) -> None:
        """Finished: every input becomes read-only; corrections are added below as notes."""
        self.finished = True
        self.autosave.enabled = False
        for widget in (self.place, *(getattr(self, n) for n in TEXT_FIELDS)):
            widget.setReadOnly(True)
        for widget in (self.starts_at, self.duration, self.next_visit):
            widget.setReadOnly(True)
            widget.setButtonSymbols(widget.ButtonSymbols.NoButtons)
        for combo in (self.channel, self.visit_type, self.placement):
            combo.setEnabled(False)
        self.topics.set_read_only(True)
        for editor in (self.attendees, self.actions):
            editor.set_read_only(True)
        self.save_button.hide()
        self.finish_button.hide()
        self.confirm_bar.hide()
        self.corrections_box.show()
        self.corrections.set_notes(stored.visit.id, stored.notes)
        self.nav_buttons[self.sections.index(self.corrections_box)].show()
        self._update_heading()
        finished_at = stored.visit.finished_at
        self._set_state(translate("VisitEditor", "Finished %1 – locked").replace(
            "%1", fmt_datetime(finished_at.astimezone()) if finished_at else ""))

    # --- sections -----------------------------------------------------------------------------------
    def visible_sections(self) -> list[QGroupBox]:
        return [box for box in self.sections if not box.isHidden()]

    def current_section(self) -> int:
        focused = QApplication.focusWidget()
        for n, box in enumerate(self.visible_sections()):
            if focused is not None and box.isAncestorOf(focused):
                return n
        return -1

    def go_to_section(self, n: int) -> None:
        sections = self.visible_sections()
        if not sections:
            return
        box = sections[max(0, min(n, len(sections) - 1))]
        self.scroll.verticalScrollBar().setValue(box.y() - 6)
        for child in box.findChildren(QWidget):
            if (child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(box) and child.isEnabled()
                    and not isinstance(child, QScrollArea)):
                child.setFocus(Qt.FocusReason.ShortcutFocusReason)
                break

    def step_section(self, step: int) -> None:
        self.go_to_section(max(0, self.current_section() + step) if self.current_section() >= 0 else 0)

    # --- closing ------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.confirm_bar.isVisible():
                self.confirm_bar.hide()
            else:
                self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.save_before_close():
            event.ignore()
            return
        self.ctx.settings.setValue("visit_editor/geometry", self.saveGeometry())
        super().closeEvent(event)

    def save_before_close(self) -> bool:
        """Save what is unsaved, waiting for the worker. False when the user chose to stay."""
        if self.stored is None or self.finished:
            return True
        try:
            self.autosave.flush()
        except (DomainError, ValidationFailed) as exc:
            return self._ask_close_anyway(message(exc))
        except Exception as exc:  # noqa: BLE001 - the user decides; the error is shown
            return self._ask_close_anyway(str(exc))
        if self._collect()[5]:  # typed values that are invalid, and so not saved
            return self._ask_close_anyway(translate("VisitEditor", "Some fields hold invalid values (marked in red). "
                                                       "Everything else is saved."))
        return True

    def _ask_close_anyway(self, reason: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("VisitEditor", "Not everything is saved"),
                          translate("VisitEditor", "%1\n\nClose the visit anyway? What is not saved will be lost.")
                          .replace("%1", reason), parent=self)
        close = box.addButton(translate("VisitEditor", "Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("VisitEditor", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is close

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("visit_editor/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a bigger screen, perhaps
        else:
            fit_to_screen(self, QSize(1120, 820))
