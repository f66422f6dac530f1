"""The same person registered on two app instances: the conflicts window names the pair and merges it."""

from __future__ import annotations

import random
from datetime import date

from fieldapp.domain.records import Participant
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services import participants, records
from tests.ui.sync_helpers import make_app, server, team_of_two  # noqa: F401  # fixtures used by name

FNR = synthetic_fodselsnummer(date(1988, 2, 11), random.Random(21))


def test_pair_shown_confirmed_and_merged(server, make_app, qtbot) -> None:
    from fieldapp.ui.sync.conflicts_view import ConflictsDialog
    from fieldapp.ui.sync.duplicates_box import confirmation_text

    a, b = team_of_two(server, make_app)
    kept = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann", fodselsnummer=FNR))
    assert a.sync_once().ok
    twin = records.save(b.ws, Participant(first_name="Kari", last_name="Nordmann-Lie", fodselsnummer=FNR))
    assert b.sync_once().ok
    result = a.sync_once()
    assert result.ok and result.duplicates == 1
    a.settle()
    qtbot.waitUntil(lambda: a.window.status.last is not None and a.window.status.last.duplicates == 1, timeout=5000)
    assert "the same person is registered twice" in a.window.status.sync_label.text()

    dialog = ConflictsDialog(a.sync, a.window)
    qtbot.addWidget(dialog)
    box = dialog.view.duplicates
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=5000)
    assert box.isVisibleTo(dialog) and "The same person is registered twice" in box.banner.text()
    pair = box.model.row_at(0)
    text = confirmation_text(pair)
    assert "Kari Nordmann (" + FNR[:6] + " *****)" in text and "Kari Nordmann-Lie" in text and FNR not in text

    asked: list[object] = []
    box.confirm = lambda p: asked.append(p) is None and False  # the specialist says no first: nothing changes
    box.merge_button.click()
    assert asked and box.model.rowCount() == 1
    box.confirm = lambda p: True
    box.merge_button.click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 0 and dialog.view.model.rowCount() == 2, timeout=5000)
    assert "Merged" in box.feedback.text()
    note, review = dialog.view.model.row_at(0), dialog.view.model.row_at(1)
    assert (note.kind, note.local_value, note.remote_value) == ("merged", "Kari Nordmann-Lie", "Kari Nordmann")
    assert (review.kind, review.field, review.local_value) == ("merged_value", "last_name", "Nordmann-Lie")
    dialog.view.table.selectRow(1)
    assert dialog.view.restore_button.text() == "Use the value from the merged record"
    dialog.view.table.selectRow(0)
    assert dialog.view.keep_button.text() == "Mark as reviewed" and not dialog.view.restore_button.isVisibleTo(dialog)
    dialog.view.keep_button.click()
    qtbot.waitUntil(lambda: dialog.view.model.rowCount() == 1, timeout=5000)

    assert a.sync_once().ok and b.sync_once().ok
    for app in (a, b):
        assert [p.id for p in participants.list_participants(app.ws)] == [kept.id]
    assert twin.id != kept.id
