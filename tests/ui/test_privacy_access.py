"""The access log from the UI (one entry per opening, holding no content) and the masked fødselsnummer with its
logged reveal."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fieldapp.domain.records import Participant
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services import access_log, records

FNR = synthetic_fodselsnummer(date(1988, 3, 9), random.Random(7))


def _participant(ws) -> Participant:
    return records.save(ws, Participant(first_name="Åsmund", last_name="Fjellheim", fodselsnummer=FNR,
                                        notes="Hemmelig notat om helse"))


def _open(qtbot, window, participant_id: str):
    window.show_participant(participant_id)
    detail = window.participants.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.participant.id == participant_id, timeout=5000)
    qtbot.waitUntil(lambda: detail.access_log.list.model.rowCount() >= 1, timeout=5000)
    return detail


def _texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget))


def test_opening_a_participant_writes_one_entry_without_content(qtbot, ctx, main_window) -> None:
    p = _participant(ctx.ws)
    detail = _open(qtbot, main_window, p.id)
    entries = access_log.entries_for(ctx.ws, p.id)
    assert [(e.kind, e.participant_id, e.who, e.device_id) for e in entries] == \
        [("participant", p.id, ctx.ws.actor, ctx.ws.device_id)]
    assert detail.access_log.list.model.rowCount() == 1
    # A reload after a save elsewhere is not a new look.
    ctx.changes.notify({"participant"})
    qtbot.wait(300)
    assert len(access_log.entries_for(ctx.ws, p.id)) == 1
    # The stored row holds references only: no name, number or note.
    with ctx.ws.folder.read() as session:
        row = session.connection().exec_driver_sql("SELECT * FROM read_log").one()
    text = " ".join(str(v) for v in row)
    for secret in ("Åsmund", "Fjellheim", FNR, "Hemmelig"):
        assert secret not in text


def test_fodselsnummer_is_masked_and_the_reveal_is_logged(qtbot, ctx, main_window) -> None:
    p = _participant(ctx.ws)
    detail = _open(qtbot, main_window, p.id)
    masked = f"{FNR[:6]} *****"
    assert masked in detail.heading.text() and FNR[6:] not in detail.heading.text()
    assert detail.overview.fodselsnummer.shown_text == masked
    assert FNR[6:] not in _texts(main_window)
    main_window.show_view("participants")
    model = main_window.participants.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert masked in shown and not any(FNR[6:] in str(s) for s in shown)

    qtbot.mouseClick(detail.overview.fodselsnummer.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.overview.fodselsnummer.shown_text == f"{FNR[:6]} {FNR[6:]}", timeout=5000)
    kinds = [e.kind for e in access_log.entries_for(ctx.ws, p.id)]
    assert sorted(kinds) == ["participant", "reveal_fnr"]
    qtbot.waitUntil(lambda: detail.access_log.list.model.rowCount() == 2, timeout=5000)


def test_opening_the_edit_form_counts_as_a_reveal(qtbot, ctx, main_window) -> None:
    from fieldapp.ui.forms.participant_form import ParticipantDialog

    p = _participant(ctx.ws)
    dialog = ParticipantDialog(ctx, p, main_window)
    qtbot.addWidget(dialog)
    assert dialog.fodselsnummer.text() == FNR
    qtbot.waitUntil(lambda: [e.kind for e in access_log.entries_for(ctx.ws, p.id)] == ["reveal_fnr"], timeout=5000)


def test_opening_an_agreement_window_is_logged(qtbot, ctx, main_window) -> None:
    from fieldapp.services import agreement_editing as editing
    from fieldapp.ui.agreements.opening import open_agreement
    from tests.support.visit_data import participant_in_job
    from tests.ui.agreement_helpers import START

    participant, _, _ = participant_in_job(ctx.ws, job_start=START)
    agreement_id = editing.create(ctx.ws, participant.id, editing.prefill(ctx.ws, participant.id))
    editor = open_agreement(ctx, agreement_id, main_window)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: [(e.kind, e.target_id) for e in access_log.entries_for(ctx.ws, participant.id)]
                    == [("agreement", agreement_id)], timeout=5000)
