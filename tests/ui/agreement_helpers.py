"""Helpers for the agreement UI tests: invented data, filling the editor through its widgets, drawing strokes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from fieldapp.domain.agreement_examples import EXAMPLE_ORGNR, complete_example_content
from fieldapp.services import agreement_documents as docs
from fieldapp.services import agreement_editing as editing
from tests.support.visit_data import participant_in_job

START, END = date(2027, 1, 4), date(2027, 6, 30)


def complete_content():
    """The example content moved to a period after the tests' "today", so a signed version is "concluded"."""
    base = complete_example_content()
    return replace(base, duration=replace(base.duration, start=START, end=END, extension_consider_by=date(2027, 6, 1),
                                          evaluation_date=date(2027, 3, 1)),
                   follow_ups=tuple(replace(f, from_date=START, to_date=END) for f in base.follow_ups),
                   accommodations=tuple(replace(a, from_date=START, to_date=END) for a in base.accommodations),
                   job=replace(base.job, start=START))


def concluded_agreement(ws) -> tuple[str, str]:
    """An agreement whose version 1 is signed by every party (the job specialist last) and sealed."""
    participant, _, _ = participant_in_job(ws, job_start=START)
    agreement_id = editing.create(ws, participant.id, complete_content())
    version_id = editing.load(ws, agreement_id).version.id
    editing.freeze(ws, version_id)
    for role in ("employee", "employer", "nav", "job_specialist"):
        docs.sign(ws, version_id, role=role, name=f"Navn {role}", method="paper", confirmation_text="Lest og godtatt.")
    return agreement_id, version_id


def draw(qtbot, pad, points: list[tuple[int, int]]) -> None:
    """One stroke through `points` with real mouse press, move and release events."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def signature_strokes(qtbot, pad) -> None:
    draw(qtbot, pad, [(40 + i * 12, 110 - (i % 5) * 14) for i in range(30)])
    draw(qtbot, pad, [(120 + i * 9, 60 + i * 3) for i in range(20)])


def cancel_cell_editor(qtbot, table) -> None:
    """Adding a row opens its first cell for typing; the tests set cells through the model instead."""
    for widget in table.viewport().findChildren(QWidget):
        if widget.isVisible():
            qtbot.keyClick(widget, Qt.Key.Key_Escape)


def fill_missing_through_widgets(qtbot, editor) -> None:
    """Type what the prefilled draft lacks: orgnr, dates, a goal, a follow-up line."""
    f = editor.parts.fields
    qtbot.keyClicks(f["parties.employer.orgnr"], EXAMPLE_ORGNR)
    if not f["parties.job_specialist.name"].text():
        qtbot.keyClicks(f["parties.job_specialist.name"], "Åse Lyngvær")
    for path, day in (("duration.start", START), ("duration.end", END), ("duration.evaluation_date", date(2027, 3, 1)),
                      ("job.start", START)):
        f[path].set_value(day)
    editor.goals.add.click()
    cancel_cell_editor(qtbot, editor.goals.table)
    model = editor.goals.model
    model.setData(model.index(0, model.column_of("description")), "Mestre morgenrutinene på egen hånd")
    editor.follow_ups.add.click()
    cancel_cell_editor(qtbot, editor.follow_ups.table)
    model = editor.follow_ups.model
    model.setData(model.index(0, model.column_of("actor_name")), "Åse Lyngvær")
    model.setData(model.index(0, model.column_of("purpose")), "Støtte på jobben")
    add_nav_follow_up(qtbot, editor)
    editor.setFocus()


def add_nav_follow_up(qtbot, editor) -> None:
    """A follow-up line from NAV: a TOA needs one (or a reason why NAV does not follow up)."""
    editor.follow_ups.add.click()
    cancel_cell_editor(qtbot, editor.follow_ups.table)
    model = editor.follow_ups.model
    row = model.rowCount() - 1
    model.setData(model.index(row, model.column_of("actor_role")), "nav")
    model.setData(model.index(row, model.column_of("actor_name")), "Per Ødegård")
    model.setData(model.index(row, model.column_of("purpose")), "Følge opp lønnstilskuddet og fristene")
