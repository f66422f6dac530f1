"""The transport's rules: https only (except loopback or an explicit option), answers from servers that are not
Fieldapp, a server with a full disk, a hanging server, and answers too large to hold."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from sqlalchemy import event

from fieldapp.cli.main import main
from fieldapp.sync import transport as transport_module
from fieldapp.sync.errors import SyncError
from fieldapp.sync.protocol import HEADER
from fieldapp.sync.server_address import check_address, parse_address, with_options
from fieldapp.sync.transport import MAX_RESPONSE_BYTES, STALL_S, Transport


def _refused(url: str) -> SyncError:
    with pytest.raises(SyncError) as caught:
        Transport(url)
    return caught.value


# https only ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://sync.example.org", "http://10.0.0.5:8765/", "HTTP://sync.example.org",
                                 "http://127.0.0.1.example.org"])
def test_plain_http_to_another_host_is_refused_with_a_clear_message(url: str) -> None:
    err = _refused(url)
    assert err.kind == "setup" and err.message.code == "sync.insecure_url"
    assert "https://" in err.text("en") and "cleartext" in err.text("en") and "--allow-insecure-http" in err.text("en")
    assert "https://" in err.text("nb") and "klartekst" in err.text("nb")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:8765",
                                 "http://127.5.6.7", "https://sync.example.org"])
def test_https_and_loopback_http_are_allowed(url: str) -> None:
    Transport(url).close()


def test_plain_http_is_allowed_only_when_asked_for_and_the_choice_travels_with_the_address() -> None:
    stored = with_options("http://10.0.0.5:8765/", allow_insecure_http=True)
    assert stored == "http://10.0.0.5:8765#allow-insecure-http"
    address = parse_address(stored)
    assert address.base_url == "http://10.0.0.5:8765" and address.allow_insecure_http
    check_address(address)
    Transport(stored).close()
    Transport("http://10.0.0.5:8765", allow_insecure_http=True).close()
    pinned = with_options("https://sync.example.org", pin_sha256="AB:" * 31 + "AB")
    assert parse_address(pinned).pin_sha256 == "ab" * 32


def test_a_device_enrolled_over_http_before_the_rule_can_be_let_through_explicitly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refused("http://10.0.0.5:8765").message.code == "sync.insecure_url"
    monkeypatch.setenv("FIELDAPP_ALLOW_INSECURE_HTTP", "1")
    Transport("http://10.0.0.5:8765").close()


def test_the_app_path_refuses_http_before_anything_is_sent(make_device) -> None:
    """The app's set-up dialog calls services.sync.Syncer, which goes through the engine to the transport."""
    from fieldapp.services.sync import Syncer
    from fieldapp.storage import sync_state

    dev = make_device("a")
    syncer = Syncer(dev.ws)
    try:
        with pytest.raises(SyncError) as caught:
            syncer.enroll("http://sync.example.org", "AAAA-BBBB-CCCC", name="a")
    finally:
        syncer.close()
    assert caught.value.message.code == "sync.insecure_url"
    assert sync_state.get_account(dev.ws.folder) is None


def test_the_cli_refuses_http_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["enroll", "--server", "http://sync.example.org", "--code", "AAAA-BBBB-CCCC",
                 "--data-dir", str(tmp_path / "a")]) == 2
    err = capsys.readouterr().err
    assert "unencrypted http://" in err and "Traceback" not in err
    assert not (tmp_path / "a").exists()  # refused before a data folder or a key was made


# Servers that are not Fieldapp ----------------------------------------------------------------------------

class _Fake(BaseHTTPRequestHandler):
    answers: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    hits = 0

    def _answer(self) -> None:
        type(self).hits += 1
        status, headers, body = self.answers[self.server.kind]
        if status == 0:  # hang: read nothing more, answer nothing
            self.server.hung.wait(30)
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


_Fake.answers = {
    "html": (200, {"Content-Type": "text/html"}, b"<html><body>Welcome to nginx!</body></html>"),
    "501": (501, {"Content-Type": "text/html"}, b"<h1>Not Implemented</h1>"),
    "json": (404, {"Content-Type": "application/json"}, b'{"error": "not_found", "message": "no such API"}'),
    "hang": (0, {}, b""),
    "huge": (200, {HEADER: "1", "Content-Type": "application/json",
                   "Content-Length": str(MAX_RESPONSE_BYTES + 1)}, b"{}"),
}


@pytest.fixture
def fake() -> Iterator[object]:
    servers: list[ThreadingHTTPServer] = []

    def start(kind: str) -> str:
        srv = ThreadingHTTPServer(("127.0.0.1", 0), _Fake)
        srv.kind = kind
        srv.hung = threading.Event()
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}"

    yield start
    for srv in servers:
        srv.hung.set()
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize("kind", ["html", "501", "json"])
def test_a_url_that_is_not_a_fieldapp_server_gets_its_own_message_in_one_language(
        kind: str, fake, make_device) -> None:
    url = fake(kind)
    dev = make_device("a")
    with pytest.raises(SyncError) as caught:
        dev.client.enroll(url, "AAAA-BBBB-CCCC", name="a")
    err = caught.value
    assert err.message.code == "sync.not_fieldapp"
    en, nb = err.text("en"), err.text("nb")
    assert "not a Fieldapp sync server" in en and "ikke en Fieldapp-synkroniseringsserver" in nb
    assert "<" not in en + nb  # no raw HTML
    assert "registreringen" not in en and "the enrollment" not in nb and "Sjekk" not in en and "Check" not in nb


def test_a_service_that_does_not_speak_http_is_not_a_fieldapp_server(make_device) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def banner() -> None:  # a mail server's greeting where an HTTP status line belongs
        conn, _ = listener.accept()
        conn.recv(4096)
        conn.sendall(b"220 smtp.example.org ESMTP Postfix\r\n\r\n")
        conn.close()

    threading.Thread(target=banner, daemon=True).start()
    dev = make_device("a")
    try:
        with pytest.raises(SyncError) as caught:
            dev.client.enroll(f"http://127.0.0.1:{listener.getsockname()[1]}", "AAAA-BBBB-CCCC", name="a")
    finally:
        listener.close()
    assert caught.value.message.code == "sync.not_fieldapp" and "HTTP" not in caught.value.text("en")


def test_a_refusal_by_a_fieldapp_server_is_in_one_language(server, make_device) -> None:
    team = server.team()
    first, second = make_device("a"), make_device("b")
    code = server.code(team)
    first.client.enroll(server.url, code, name="a")
    from fieldapp.storage import sync_state

    with pytest.raises(SyncError):
        second.client.enroll(server.url, code, name="b")  # a used code: its own message (bad_code)
    assert sync_state.get_account(second.ws.folder) is None
    # A refusal without its own message (here: the same device id again) names what was refused, once.
    from fieldapp.sync.context import check as _check
    from fieldapp.sync.transport import Response

    with pytest.raises(SyncError) as raised:
        _check(Response(409, {"error": "device_exists", "message": "already enrolled"}), "registreringen / the enrollment")
    err = raised.value
    assert err.text("nb") == "Serveren avviste registreringen (device_exists)."
    assert err.text("en") == "The server refused the enrollment: already enrolled"


def test_a_server_with_a_full_disk_says_so_not_busy(team, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.domain.records import Participant
    from fieldapp.services import records

    server, _, (a, b, c) = team
    engine = server.engine
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    # A real SQLITE_FULL: the database may not grow beyond (about) its present size.
    @event.listens_for(engine, "connect")
    def _small_disk(dbapi_conn, record) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    engine.dispose()
    for i in range(60):
        records.save(a.ws, Participant(first_name="Åse", last_name=f"Full {i}", notes=os.urandom(1900).hex()))
    report = a.client.sync()
    assert report.state == "error" and report.error is not None
    assert report.error.message.code == "sync.server_full"
    assert "storage space" in report.error.text("en") and "lagringsplass" in report.error.text("nb")
    event.remove(engine, "connect", _small_disk)
    engine.dispose()
    assert a.client.sync().state == "done"  # nothing was lost: the change goes once there is room


# Bounded waits --------------------------------------------------------------------------------------------

def test_a_hanging_server_ends_the_call_with_a_clear_message(fake) -> None:
    url = fake("hang")
    _Fake.hits = 0
    with Transport(url, timeout=0.5, stall_s=1.2) as t:
        with pytest.raises(SyncError) as caught:
            t.call("GET", "/v1/status")
    assert caught.value.kind == "outage" and caught.value.message.code == "sync.no_answer"
    assert "did not answer" in caught.value.text("en")
    assert 1 <= _Fake.hits <= 3  # retried within the budget, not max_attempts times regardless


def test_a_hanging_server_ends_an_enrollment_without_repeating_it(fake, make_device) -> None:
    url = fake("hang")
    _Fake.hits = 0
    dev = make_device("a", timeout=0.5)
    with pytest.raises(SyncError) as caught:
        dev.client.enroll(url, "AAAA-BBBB-CCCC", name="a")
    assert caught.value.message.code == "sync.no_answer"
    assert _Fake.hits == 1  # the code may have been used: an enrollment is never sent twice


def test_the_default_budget_bounds_a_hanging_server_to_about_30_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake clock: every request to a hanging server uses its whole timeout. In all, at most STALL_S pass
    (today's transport: six 30 s timeouts, three minutes)."""
    clock = [1000.0]
    monkeypatch.setattr(transport_module.time, "monotonic", lambda: clock[0])
    t = Transport("http://127.0.0.1:9", sleep=lambda s: clock.__setitem__(0, clock[0] + s))
    timeouts: list[float] = []

    def hang(request: httpx.Request, **kwargs: object) -> httpx.Response:
        read = request.extensions["timeout"]["read"]
        timeouts.append(read)
        clock[0] += read
        raise httpx.ReadTimeout("no answer", request=request)

    monkeypatch.setattr(t.client, "send", hang)
    started = clock[0]
    with pytest.raises(SyncError) as caught:
        t.call("GET", "/v1/batches")
    assert caught.value.message.code == "sync.no_answer"
    assert STALL_S == 30 and clock[0] - started <= STALL_S + 0.5 and len(timeouts) >= 2
    t.close()


def test_a_hanging_server_makes_sync_end_in_error_and_cli_sync_exit_2(
        team, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.cli import sync_cmd
    from fieldapp.server import batch_store
    from fieldapp.sync.engine import SyncClient

    server, _, (a, b, c) = team
    released = threading.Event()

    def hang(*args: object, **kwargs: object) -> None:
        released.wait(30)
        raise RuntimeError("released")

    monkeypatch.setattr(batch_store, "pull", hang)
    try:
        a.client.close()
        a.client.transport_options.update(timeout=0.3, stall_s=0.8)
        report = a.client.sync()
        assert report.state == "error" and report.error is not None and report.error.kind == "outage"
        assert report.error.message.code == "sync.no_answer"

        monkeypatch.setenv("FIELDAPP_LANG", "en")
        monkeypatch.setattr(sync_cmd, "_client", lambda ws: SyncClient(ws.folder, timeout=0.3, stall_s=0.8))
        assert main(["sync", "--data-dir", str(b.ws.folder.path)]) == 2
        assert "did not answer" in capsys.readouterr().err
    finally:
        released.set()


# Answers too large to hold ----------------------------------------------------------------------------------

def test_an_oversized_answer_is_refused_unread(fake) -> None:
    with Transport(fake("huge")) as t:
        with pytest.raises(SyncError) as caught:
            t.call("GET", "/v1/batches")
    assert caught.value.message.code == "sync.answer_too_large"
    assert "16 MiB" in caught.value.text("en")


def test_an_oversized_answer_without_a_length_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={HEADER: "1"}, content=iter([b"x" * 65536] * 64))

    with Transport("http://127.0.0.1:9", max_response_bytes=1024 * 1024) as t:
        t.client._transport = httpx.MockTransport(endless)  # noqa: SLF001 - an answer streamed without a length
        with pytest.raises(SyncError) as caught:
            t.call("GET", "/v1/batches")
    assert caught.value.message.code == "sync.answer_too_large"
