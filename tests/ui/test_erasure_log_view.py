"""The erasure log in the app ("Sletteloggen"): reached from the privacy settings, lists erasures without names."""

from __future__ import annotations

import os
import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.domain import erasure as rules
from fieldapp.domain.records import Participant
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.domain.visit_records import Visit
from fieldapp.services import erasure, records
from fieldapp.ui.privacy.erasure_log import ErasureLogDialog

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FNR = synthetic_fodselsnummer(date(1991, 5, 14), random.Random(11))  # month + 40


def _participant_with_visit(ws) -> Participant:
    p = records.save(ws, Participant(first_name="Sigrun", last_name="Bortevik", fodselsnummer=FNR))
    records.save(ws, Visit(participant_id=p.id, summary="Samtale på kafeen",
                           starts_at=datetime(2026, 10, 1, 9, 0, tzinfo=UTC)))
    return p


def _cells(dialog: ErasureLogDialog) -> list[list[str]]:
    model = dialog.list.model
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _texts(dialog: ErasureLogDialog) -> str:
    labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
    model = dialog.list.model
    headers = " ".join(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount()))
    return " ".join([labels, headers, dialog.windowTitle(), *(" ".join(row) for row in _cells(dialog))])


def test_an_erasure_is_listed_with_reason_device_and_count_and_no_name(qtbot, ctx) -> None:
    p = _participant_with_visit(ctx.ws)
    dialog = ErasureLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    empty = dialog.list.empty
    qtbot.waitUntil(lambda: bool(empty.text()), timeout=5000)
    assert "Ingen deltaker er slettet" in empty.text()
    done = erasure.erase(ctx.ws, participant_id=p.id, reason_code="participant_request")
    # The erasure reports itself to the change hub: the open log reads again by itself.
    qtbot.waitUntil(lambda: dialog.list.model.rowCount() == 1, timeout=5000)
    when, what, reason, device, count = _cells(dialog)[0]
    assert what == "slettet her"
    assert reason == "Deltakeren har bedt om sletting"
    assert device == "denne maskinen"  # as the access log says it
    assert count == str(done.rows) and done.rows >= 2  # the participant and the visit at least
    assert "kl." in when and datetime.now().strftime("%d.%m.%Y") in when
    assert not empty.isVisibleTo(dialog)
    shown = _texts(dialog)
    for secret in ("Sigrun", "Bortevik", FNR, p.id, rules.participant_handle(p.id)):
        assert secret not in shown
    if os.environ.get("FIELDAPP_SCREENSHOTS"):
        _shoot(qtbot, ctx, dialog)


def _shoot(qtbot, ctx, dialog: ErasureLogDialog) -> None:
    """docs/screenshots/erasure-log.png, with an erasure received from a named device and a refused change too."""
    from fieldapp.services import sync as sync_service
    from fieldapp.storage import erasure as store
    from fieldapp.ui.privacy import device_names

    other = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    device_names.remember([sync_service.Device(other, "Kontor-PC Bergen", "active", "ab", "2026-11-01T10:00:00Z",
                                               False)])
    try:
        with ctx.ws.folder.write() as session:
            conn = session.connection()
            store.log_event(conn, "erasure_received", "a" * 32, other, "retention_expired", 41)
            store.log_event(conn, "late_change_refused", "a" * 32, other, None, 1)
        dialog.load()
        qtbot.waitUntil(lambda: dialog.list.model.rowCount() == 3, timeout=5000)
        dialog.resize(900, 420)
        qtbot.wait(50)
        dialog.grab().save(str(SHOTS / "erasure-log.png"))
    finally:
        device_names.forget()


def test_reached_from_the_privacy_settings(qtbot, ctx, main_window) -> None:
    from fieldapp.ui.dialogs.settings import SettingsDialog
    from tests.ui.mnemonics import duplicates

    p = _participant_with_visit(ctx.ws)
    erasure.erase(ctx.ws, participant_id=p.id, reason_code="retention_expired")
    settings = SettingsDialog(ctx.settings, main_window, sync=main_window.sync)
    qtbot.addWidget(settings)
    settings.show()
    button = settings.privacy.erasure_log_button
    assert button.isEnabled() and button.text() == "Vis slettelo&ggen …"
    assert not duplicates(settings), duplicates(settings)
    button.click()
    logs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErasureLogDialog) and w.isVisible()]
    assert len(logs) == 1
    log = logs[0]
    qtbot.waitUntil(lambda: log.list.model.rowCount() == 1, timeout=5000)
    assert _cells(log)[0][1:3] == ["slettet her", "Oppbevaringstiden er ute"]
    assert not duplicates(log), duplicates(log)
    log.close()
    settings.reject()


def test_the_app_and_the_cli_take_their_labels_from_one_place(qtbot, ctx, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli.main import main
    from fieldapp.services.workspace import open_workspace

    monkeypatch.setitem(rules.EVENTS, "erased", ("ETIKETT-NB", "LABEL-EN"))
    monkeypatch.setitem(rules.REASONS, "other", ("GRUNN-NB", "REASON-EN"))
    data_dir = tmp_path / "cli-data"
    with open_workspace(data_dir) as ws:
        gone = records.save(ws, Participant(first_name="Trine", last_name="Slettemark"))
    assert main(["erase", "--data-dir", str(data_dir), "--participant", gone.id, "--reason", "other", "--yes"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("FIELDAPP_LANG", "nb")
    assert main(["erase", "--data-dir", str(data_dir), "--log"]) == 0
    out = capsys.readouterr().out
    assert "ETIKETT-NB" in out and "GRUNN-NB" in out and "Slettemark" not in out

    p = _participant_with_visit(ctx.ws)
    erasure.erase(ctx.ws, participant_id=p.id, reason_code="other")
    dialog = ErasureLogDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.model.rowCount() == 1, timeout=5000)
    assert _cells(dialog)[0][1:3] == ["ETIKETT-NB", "GRUNN-NB"]


class _Controller:
    """Stands in for the main window's sync controller: answers the team's device list at once."""

    def __init__(self, devices: list) -> None:
        from fieldapp.services import sync as sync_service

        self.syncer = self
        self.state = type("State", (), {"overview": sync_service.Overview(True)})()
        self._devices = devices
        self.asked = 0

    def devices(self) -> list:
        self.asked += 1
        return self._devices

    def call(self, job, on_done, *, on_error=None, owner=None) -> None:
        on_done(job(None))


def test_another_device_is_named_from_the_team_device_list(qtbot, ctx) -> None:
    from fieldapp.services import sync as sync_service
    from fieldapp.storage import erasure as store
    from fieldapp.ui.privacy import device_names

    other = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    with ctx.ws.folder.write() as session:
        store.log_event(session.connection(), "erasure_received", "b" * 32, other, "registered_in_error", 7)
    device_names.forget()
    try:
        controller = _Controller([sync_service.Device(other, "Kontor-PC Molde", "active", "ab",
                                                      "2026-11-01T10:00:00Z", False)])
        dialog = ErasureLogDialog(ctx, sync=controller)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: [row[3] for row in _cells(dialog)] == ["Kontor-PC Molde"], timeout=5000)
        assert _cells(dialog)[0][1:] == ["sletting mottatt", "Registrert ved en feil", "Kontor-PC Molde", "7"]
        assert controller.asked == 1
    finally:
        device_names.forget()
