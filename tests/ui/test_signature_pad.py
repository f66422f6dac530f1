"""The signature pad records strokes from mouse events in the stored stroke format; the dialog's rules."""

from __future__ import annotations

import json
from datetime import timedelta

from PySide6.QtCore import QPoint, Qt

from fieldapp.domain import signature_strokes
from fieldapp.ui.agreements.signature_pad import SignatureDialog, SignaturePad
from tests.ui.agreement_helpers import complete_content, draw
from tests.ui.conftest import NOW


def test_pad_records_mouse_strokes_as_vectors(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 200)
    pad.show()
    with qtbot.waitSignal(pad.strokes_changed):
        draw(qtbot, pad, [(10, 20), (30, 40), (50, 45), (80, 30)])
    draw(qtbot, pad, [(100, 100), (120, 90)])
    qtbot.mouseMove(pad, QPoint(300, 150))  # no button held: no ink
    data = json.loads(pad.to_json())
    assert data["width"] == 600 and data["height"] == 200
    assert data["strokes"] == [[[10, 20], [30, 40], [50, 45], [80, 30]], [[100, 100], [120, 90]]]
    parsed = signature_strokes.parse(pad.to_json())
    assert parsed is not None and parsed.bounds() == (10.0, 20.0, 120.0, 100.0)
    with qtbot.waitSignal(pad.strokes_changed):
        pad.clear()
    assert not pad.has_ink and json.loads(pad.to_json())["strokes"] == []


def test_dialog_needs_confirmation_and_what_each_method_requires(qtbot):
    dialog = SignatureDialog(complete_content(), ["employee", "employer", "job_specialist"], number="AB12-2026-0001",
                             version_no=1, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "Kari Fjellheim Nordvik"
    dialog.role.setCurrentIndex(1)
    assert dialog.name.text() == "Ola Bergstrøm"  # the employer signs through the contact person
    draw(qtbot, dialog.pad, [(40, 100), (80, 60), (140, 120)])
    assert not dialog.sign_button.isEnabled()  # the party has not confirmed the content
    dialog.confirm.setChecked(True)
    assert dialog.sign_button.isEnabled()
    with qtbot.waitSignal(dialog.sign_requested) as asked:
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    request = asked.args[0]
    assert request.role == "employer" and request.method == "drawn" and request.signed_at is None
    assert "AB12-2026-0001" in request.confirmation_text
    assert signature_strokes.parse(request.strokes_json).strokes[0] == ((40.0, 100.0), (80.0, 60.0), (140.0, 120.0))

    dialog.methods.setCurrentIndex(2)  # on behalf
    assert not dialog.sign_button.isEnabled()
    dialog.behalf_reason.setPlainText("Deltakeren er på ferie")
    assert not dialog.sign_button.isEnabled()
    dialog.informed.setChecked(True)
    assert dialog.sign_button.isEnabled()
    assert dialog.request().on_behalf_reason == "Deltakeren er på ferie" and dialog.request().strokes_json is None

    dialog.methods.setCurrentIndex(1)  # on paper, dated earlier
    dialog.paper_when.setDateTime(dialog.paper_when.dateTime().addDays(-2))
    request = dialog.request()
    assert request.method == "paper" and abs(request.signed_at - (NOW - timedelta(days=2))) < timedelta(minutes=1)
