"""How the visit editor reads its form: the visit as typed, the records safe to save, and errors shown by field.

A mixin of VisitEditor, kept apart so the editor itself holds loading, saving, finishing and closing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain.messages import FieldError
from fieldapp.domain.visit_records import Visit
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.visits.inputs import from_qdatetime

TEXT_FIELDS = ("employee_view", "employer_view", "works_well", "challenges", "summary", "internal_notes")


def _text_or_none(text: str) -> str | None:
    return text if text.strip() else None


class VisitFormReading:
    """Reads the editor's widgets into records; the widgets are built by VisitEditorLayout."""

    # --- reading the form ---------------------------------------------------------------------------
    def _visit_day(self) -> date:
        return from_qdatetime(self.starts_at.dateTime()).date()

    def form_visit(self) -> Visit:
        """The visit as typed (possibly invalid)."""
        assert self.stored is not None
        start = from_qdatetime(self.starts_at.dateTime())
        minutes = self.duration.value()
        values = {name: _text_or_none(getattr(self, name).toPlainText()) for name in TEXT_FIELDS}
        return replace(self.stored.visit, starts_at=start,
                       ends_at=start + timedelta(minutes=minutes) if minutes else None,
                       channel=self.channel.currentData(), place=_text_or_none(self.place.text()),
                       visit_type=self.visit_type.currentData(), placement_id=self.placement.currentData(),
                       topics=self.topics.value(), next_visit_date=self.next_visit.value(), **values)

    def _collect(self):
        """The records to save now: invalid fields and rows fall back to what was last stored.

        Returns (visit, attendees, actions, visit errors, row errors, invalid field names)."""
        assert self.stored is not None
        visit = self.form_visit()
        errors = visit.validate()
        safe, bad = visit, set()
        for _ in range(4):
            problems = safe.validate()
            if not problems:
                break
            bad |= {e.field for e in problems}
            safe = replace(safe, **{f: getattr(self.stored.visit, f) for f in bad})
        else:
            safe = self.stored.visit
        row_errors: dict[str, dict[tuple[str, str], str]] = {"attendees": {}, "actions": {}}
        chosen = {}
        for key, editor, stored_rows in (("attendees", self.attendees, self.stored.attendees),
                                         ("actions", self.actions, self.stored.actions)):
            before = {r.id: r for r in stored_rows}
            keep = []
            for row in editor.model.rows:
                if row.blank:
                    continue
                record = row.to_record(safe.id)
                problems = record.validate()
                if problems:
                    row_errors[key].update({(row.id, e.field): message(e.message) for e in problems})
                    if row.id in before:
                        keep.append(before[row.id])
                    continue
                keep.append(record)
            chosen[key] = keep
        invalid = [e.field for e in errors] + [f"{k}.{f}" for k, errs in row_errors.items() for (_, f) in errs]
        return safe, chosen["attendees"], chosen["actions"], errors, row_errors, invalid

    def _show_errors(self, errors: list[FieldError], row_errors: dict[str, dict[tuple[str, str], str]], *,
                     focus: bool) -> None:
        focused = QApplication.focusWidget()
        for form in self.forms:
            form.show_errors([e for e in errors if e.field in form.fields])
        for key, editor in (("attendees", self.attendees), ("actions", self.actions)):
            errs = row_errors[key]
            editor.model.set_errors(errs)
            lines = []
            for n, row in enumerate(editor.model.rows, start=1):
                for column in editor.model.columns:
                    text = errs.get((row.id, column.field))
                    if text:
                        lines.append(translate("VisitEditor", "Row %1, %2: %3").replace("%1", str(n))
                                     .replace("%2", column.title).replace("%3", text))
            editor.show_errors(lines)
        if not focus and focused is not None and focused is not QApplication.focusWidget():
            focused.setFocus(Qt.FocusReason.OtherFocusReason)  # an autosave never moves the cursor
        elif focus and not errors and (row_errors["attendees"] or row_errors["actions"]):
            (self.attendees if row_errors["attendees"] else self.actions).table.setFocus()
