"""Sync in the app, end to end: two app instances with separate data folders and a real server on loopback."""

from __future__ import annotations

import dataclasses

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services import sync as sync_service
from tests.support.sync_server import LiveServer
from tests.ui.sync_helpers import AppInstance, approve_via_ui, enroll_via_ui, make_app, server, team_of_two  # noqa: F401 - pytest fixtures, used by name in the tests' arguments


def _notes(app: AppInstance, pid: str) -> str | None:
    got = records.get(app.ws, Participant, pid)
    assert got is not None
    return got.notes


def test_approving_a_new_device_through_the_ui(server, make_app) -> None:
    a, b = team_of_two(server, make_app)
    assert b.state.state == "up_to_date"
    # The new device shows the team key fingerprint the approving device showed.
    assert b.state.fingerprint
    assert "Up to date at" in b.window.status.sync_label.text()


def test_offline_edits_on_both_converge_when_they_come_online(server, make_app, tmp_path) -> None:
    a, b = team_of_two(server, make_app)
    p = records.save(a.ws, Participant(first_name="Åse", last_name="Ødegård"))
    assert a.sync_once().ok and b.sync_once().ok
    port, settings = server.port, server.settings
    server.stop()  # both laptops lose the network
    pa = records.get(a.ws, Participant, p.id)
    pb = records.get(b.ws, Participant, p.id)
    assert pa is not None and pb is not None
    records.save(a.ws, dataclasses.replace(pa, notes="Skrevet hos arbeidsgiver"))
    records.save(b.ws, dataclasses.replace(pb, phone="912 34 567"))
    q = records.save(b.ws, Participant(first_name="Kari", last_name="Nordmann"))
    failed = a.sync_once()
    assert failed.state == "error" and failed.error_kind == "outage"
    assert a.state.state == "offline" and a.state.retry_in_s and a.state.retry_in_s > 0
    a.settle()
    text = a.window.status.sync_label.text()
    assert text.startswith("Offline") and "waiting to sync" in text, text
    assert "Traceback" not in a.window.status.sync_label.toolTip()
    back = LiveServer(settings, port=port).start()  # the network comes back
    try:
        for app in (a, b, a):
            assert app.sync_once().ok
    finally:
        back.stop()
        server.stop = lambda: None  # type: ignore[method-assign]  # already stopped
    for app in (a, b):
        assert _notes(app, p.id) == "Skrevet hos arbeidsgiver"
        got = records.get(app.ws, Participant, p.id)
        assert got is not None and got.phone == "912 34 567"
        assert records.get(app.ws, Participant, q.id) is not None
        app.settle()
        assert app.window.status.last is not None and app.window.status.last.waiting_changes == 0


def test_conflict_shows_on_the_losing_device_and_can_be_restored(server, make_app, qtbot) -> None:
    from fieldapp.ui.sync.conflicts_view import ConflictsDialog

    a, b = team_of_two(server, make_app)
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Nordmann"))
    assert a.sync_once().ok and b.sync_once().ok
    pa, pb = records.get(a.ws, Participant, p.id), records.get(b.ws, Participant, p.id)
    records.save(a.ws, dataclasses.replace(pa, notes="fra Anna"))
    records.save(b.ws, dataclasses.replace(pb, notes="fra Bjørn"))  # later clock: wins
    assert a.sync_once().ok and b.sync_once().ok and a.sync_once().ok
    assert _notes(a, p.id) == _notes(b, p.id) == "fra Bjørn"
    a.settle()
    qtbot.waitUntil(lambda: a.window.status.last.open_conflicts == 1, timeout=5000)
    assert "Needs attention" in a.window.status.sync_label.text()
    dialog = ConflictsDialog(a.sync, a.window)
    qtbot.addWidget(dialog)
    view = dialog.view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    c = view.model.row_at(0)
    assert (c.kind, c.field, c.local_value, c.remote_value) == ("overwritten", "notes", "fra Anna", "fra Bjørn")
    assert c.local_by == "Anna" and c.remote_by == "Bjorn"
    assert view.local_value.text() == "fra Anna" and view.remote_value.text() == "fra Bjørn"
    assert view.restore_button.isVisibleTo(view)
    view.restore_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)
    assert _notes(a, p.id) == "fra Anna"
    assert a.sync_once().ok and b.sync_once().ok
    assert _notes(b, p.id) == "fra Anna"
    assert sync_service.conflicts(b.ws) == []  # restoring made no conflict on the other device


def test_a_revoked_device_stops_says_why_and_keeps_its_data(server, make_app, qtbot, tmp_path) -> None:
    from fieldapp.ui.sync.devices_view import DevicesDialog
    from fieldapp.ui.sync.panel import SyncPanel

    a, b = team_of_two(server, make_app)
    p = records.save(b.ws, Participant(first_name="Ola", last_name="Nordmann"))  # never synced
    dialog = DevicesDialog(a.sync, a.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15_000)
    dialog.table.selectRow(dialog.model.find(lambda d: d.device_id == b.ws.device_id))
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_current(confirm=False)
    qtbot.waitUntil(lambda: "revoked" in dialog.feedback.text(), timeout=15_000)
    result = b.sync_once()
    assert result.error_kind == "auth"
    assert b.state.state == "revoked"
    b.settle()
    text, tip = b.window.status.sync_label.text(), b.window.status.sync_label.toolTip()
    waiting = b.window.status.last.waiting_changes
    assert waiting > 0 and "sync stopped" in text and "waiting to sync" in text, text
    assert "revoked" in tip
    # Stopped: the timers do not start it again.
    b.sync.sync_now()
    assert b.state.state == "revoked"
    # Local data stays readable, and can be exported.
    assert records.get(b.ws, Participant, p.id) is not None
    panel = SyncPanel(b.sync, b.window)
    qtbot.addWidget(panel)
    assert "revoked" in panel.reason.text()
    out = tmp_path / "export.json"
    panel.export_local(out)
    qtbot.waitUntil(lambda: out.exists() and "exported" in panel.reason.text(), timeout=10_000)
    assert p.id in out.read_text(encoding="utf-8")
    # The remaining member makes the new team key at its next sync.
    assert a.sync_once().ok


def test_the_devices_dialog_shows_when_each_device_was_last_seen(server, make_app, qtbot) -> None:
    import re

    from PySide6.QtCore import Qt

    from fieldapp.ui.sync.devices_view import DevicesDialog

    a, b = team_of_two(server, make_app)
    dialog = DevicesDialog(a.sync, a.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15_000)
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())]
    col = headers.index("Last seen")
    assert dialog.model.rowCount() == 2
    for row in range(2):
        text = dialog.model.index(row, col).data()
        # Local time, written as the rest of the UI writes times ("Thu 03.12.2026 12:29"), not "… UTC".
        assert re.fullmatch(r"\w{3}\.? \d\d\.\d\d\.\d{4} (kl\. )?\d\d[:.]\d\d", text), text
        assert dialog.model.row_at(row).last_seen


def test_the_recovery_key_shown_at_team_creation_can_be_printed(server, make_app, tmp_path) -> None:
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from tests.ui.sync_helpers import enroll_via_ui as enroll

    a = make_app("anna")
    dialog = enroll(a, server, server.code(server.team()))
    key = dialog.enrolled.recovery_key
    assert key and dialog.recovery_key.text() == key and dialog.recovery_box.isVisibleTo(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "recovery.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_recovery_key(printer)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "recovery key for the team" in text
    assert "".join(key.split()) in "".join(text.split())


class _HangingServer:
    """Accepts connections on a port and never answers: a server that hangs."""

    def __init__(self, port: int) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(16)
        self.held: list[socket.socket] = []
        self.accepted = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)  # read nothing, answer nothing

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def test_a_hanging_server_backs_off_longer_after_each_failed_run(server, make_app, monkeypatch) -> None:
    from functools import partial

    from tests.ui.sync_helpers import enroll_via_ui

    a = make_app("anna")
    enroll_via_ui(a, server, server.code(server.team()))
    a.qtbot.waitUntil(lambda: a.state.state == "up_to_date", timeout=15_000)
    # Short timeouts so a hung request ends in well under a second; no jitter, so the waits are exact.
    a.sync.syncer.close()
    a.sync.syncer = sync_service.Syncer(a.ws, timeout=0.3, connect_timeout=0.3, max_attempts=1, deadline_s=2.0)
    monkeypatch.setattr(sync_service, "wait_seconds", partial(sync_service.wait_seconds, rand=lambda: 1.0))
    port = server.port
    server.stop()
    hanging = _HangingServer(port)
    try:
        waits = []
        for attempt in range(3):
            with a.qtbot.waitSignal(a.sync.run_finished, timeout=10_000) as blocker:
                if attempt == 0:
                    a.sync.sync_now(manual=True)  # a manual run starts the count afresh
                else:
                    assert a.sync.retry.isActive()
                    a.sync.retry.stop()
                    a.sync.sync_now()  # what the retry timer does when it fires
            result = blocker.args[0]
            assert result.state == "error" and result.error_kind == "outage", result
            assert a.state.state == "offline" and a.sync.retry.isActive()
            waits.append((a.state.retry_in_s, a.sync.retry.interval()))
        assert hanging.accepted >= 3  # each run reached the server and waited for it
        assert waits == [(5.0, 5_000), (10.0, 10_000), (20.0, 20_000)]
        # Asked to sync by hand, it tries at once and starts the backoff over.
        with a.qtbot.waitSignal(a.sync.run_finished, timeout=10_000):
            a.sync.sync_now(manual=True)
        assert a.state.retry_in_s == 5.0
    finally:
        hanging.close()
