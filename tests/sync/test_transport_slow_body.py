"""An answer whose body trickles in: given up on like a server that does not answer, within the run's budget,
while a slow but steady body is read to its end (docs/sync.md, "Transport and server limits")."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli import sync_cmd
from fieldapp.cli.main import main
from fieldapp.sync.errors import SyncError
from fieldapp.sync.protocol import HEADER
from fieldapp.sync.server_address import with_options
from fieldapp.sync.transport import Transport
from tests.support import self_signed


class Dripper:
    """A loopback server that answers every request with 200, the Fieldapp header and a Content-Length, then sends
    the body `step` bytes every `every` seconds. It stops dripping after `give_up_s` and closes the connection, so
    a client that never gives up ends the test with a wrong answer instead of hanging it."""

    def __init__(self, body: bytes, *, step: int, every: float, give_up_s: float = 8.0,
                 head_every: float | None = None, tls: ssl.SSLContext | None = None) -> None:
        self.body, self.step, self.every, self.give_up_s = body, step, every, give_up_s
        self.head_every = head_every  # the head too, a byte at a time: endless headers (httpcore reads 100 KiB)
        self.tls = tls
        self.hits = 0
        self.stopped = threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.listener.settimeout(0.2)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:  # the accept timeout, or the listener closed
                continue
            self.hits += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        started = time.monotonic()
        try:
            conn.settimeout(5)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            request = b""
            while b"\r\n\r\n" not in request:
                got = conn.recv(65536)
                if not got:
                    return
                request += got
            head, _, rest = request.partition(b"\r\n\r\n")
            length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            while len(rest) < length:  # the request body, if any, is read whole
                rest += conn.recv(65536)
            if self.head_every is not None:
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Padding: ")
                while time.monotonic() - started < self.give_up_s and not self.stopped.is_set():
                    conn.sendall(b"x")
                    self.stopped.wait(self.head_every)
                return
            conn.sendall(f"HTTP/1.1 200 OK\r\n{HEADER}: 1\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(self.body)}\r\n\r\n".encode())
            for i in range(0, len(self.body), self.step):
                if self.stopped.is_set() or time.monotonic() - started > self.give_up_s:
                    return
                conn.sendall(self.body[i:i + self.step])
                self.stopped.wait(self.every)
        except OSError:  # the client gave up and closed the connection
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.fixture
def dripper() -> Iterator[object]:
    started: list[Dripper] = []

    def start(body: bytes, **kwargs: Any) -> Dripper:
        d = Dripper(body, **kwargs)
        started.append(d)
        return d

    yield start
    for d in started:
        d.close()


def _json_body(size: int) -> bytes:
    return b'{"pad": "' + b"x" * (size - 11) + b'"}'


def test_a_body_that_trickles_in_is_given_up_on_like_a_server_that_does_not_answer(dripper) -> None:
    """The hostile tester's server, scaled down: Content-Length 100000, then a byte at a time."""
    server = dripper(_json_body(100_000), step=1, every=0.1)
    started = time.monotonic()
    with Transport(server.url, timeout=0.5, stall_s=1.5, min_body_rate=1000) as t:
        with pytest.raises(SyncError) as caught:
            t.call("GET", "/v1/batches")
    took = time.monotonic() - started
    assert caught.value.kind == "outage" and caught.value.message.code == "sync.no_answer"
    assert "did not answer" in caught.value.text("en") and "svarte ikke" in caught.value.text("nb")
    assert 1.5 <= took < 1.5 + 0.5 + 1.0  # the stall budget, at most one read wait beyond it, some slack
    assert server.hits == 1  # its budget is spent: not sent again, though it could be


@pytest.mark.parametrize(("method", "scheme"), [("GET", "http"), ("POST", "http"), ("GET", "https-pinned"),
                                                ("POST", "https-ca")])
def test_a_head_that_trickles_in_is_given_up_on_like_a_server_that_does_not_answer(
        dripper, tmp_path: Path, method: str, scheme: str) -> None:
    """Each header byte comes within the read timeout, so httpx alone would wait until the server stopped (here
    after 8 s; a hostile one would not stop for weeks). Over TLS the socket to shut is the wrapped one."""
    tls, options = None, {}
    if scheme != "http":
        cert, key, pin = self_signed.make(tmp_path)
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(cert, key)
        options = {"verify": str(cert)} if scheme == "https-ca" else {}
    server = dripper(b"{}", step=1, every=0.1, head_every=0.1, tls=tls)
    url = with_options(server.url, pin_sha256=pin) if scheme == "https-pinned" else server.url
    started = time.monotonic()
    with Transport(url, timeout=0.5, stall_s=1.5, **options) as t:
        with pytest.raises(SyncError) as caught:
            t.call(method, "/v1/batches", json={"batches": []} if method == "POST" else None,
                   idempotent=method == "GET")
    took = time.monotonic() - started
    assert caught.value.kind == "outage" and caught.value.message.code == "sync.no_answer"
    assert took < 1.5 + 0.5 + 1.0, took
    assert server.hits == 1


def test_a_slow_upload_is_not_cut_by_the_head_watch(server) -> None:
    """The head's budget starts once the request is sent: a push that takes longer than it to upload is fine."""
    from fieldapp.sync import answer_watch

    seen: list[str] = []
    real = answer_watch.HeadWatch.trace

    def slow_body(self: answer_watch.HeadWatch, name: str, info: dict[str, object]) -> None:
        seen.append(name)
        if name == "http11.send_request_body.started":
            time.sleep(1.2)  # longer than the budget below, as a slow link's upload would be
        real(self, name, info)

    with Transport(server.url, timeout=0.5, stall_s=1.0) as t:
        answer_watch.HeadWatch.trace = slow_body  # type: ignore[method-assign]  # restored below
        try:
            r = t.call("GET", "/health")
        finally:
            answer_watch.HeadWatch.trace = real  # type: ignore[method-assign]  # put back
    assert r.status == 200 and "http11.send_request_body.complete" in seen


def test_a_trickling_answer_to_a_request_that_may_not_be_repeated_is_not_sent_again(dripper) -> None:
    server = dripper(_json_body(100_000), step=1, every=0.1)
    with Transport(server.url, timeout=0.5, stall_s=1.0, min_body_rate=1000) as t:
        with pytest.raises(SyncError) as caught:
            t.call("POST", "/v1/batches", json={"batches": []}, idempotent=False)
    assert caught.value.message.code == "sync.no_answer"
    assert server.hits == 1


def test_a_body_above_the_floor_that_outlasts_the_run_deadline_is_given_up_on(dripper) -> None:
    server = dripper(_json_body(100_000), step=200, every=0.1)  # 2000 B/s: above the floor, 50 s in all
    started = time.monotonic()
    with Transport(server.url, timeout=0.5, stall_s=30.0, deadline_s=1.5, min_body_rate=1000) as t:
        with pytest.raises(SyncError) as caught:
            t.call("GET", "/v1/batches")
    assert caught.value.message.code == "sync.no_answer"
    assert time.monotonic() - started < 1.5 + 0.5 + 1.0


def test_a_slow_but_steady_body_above_the_floor_is_read_to_its_end(dripper) -> None:
    """A large page on a slow, working link: it takes longer than the stall budget and is not cut off."""
    body = _json_body(6_000)
    server = dripper(body, step=400, every=0.1)  # about 4000 B/s, four times the floor; about 1.5 s in all
    started = time.monotonic()
    with Transport(server.url, timeout=0.5, stall_s=0.8, min_body_rate=1000) as t:
        answer = t.call("GET", "/v1/batches")
    assert time.monotonic() - started > 0.8  # it did outlast the stall budget
    assert answer.status == 200 and answer.body == {"pad": "x" * (6_000 - 11)}
    assert server.hits == 1


def test_cli_sync_against_a_trickling_server_ends_with_the_no_answer_message(
        team, dripper, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.sync.engine import SyncClient

    _, _, (_, b, _) = team
    server = dripper(_json_body(100_000), step=1, every=0.1)
    with b.ws.folder.write() as session:  # the enrolled device's server now trickles its answers
        session.connection().exec_driver_sql("UPDATE sync_account SET server_url = ?", (server.url,))
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    monkeypatch.setattr(sync_cmd, "_client", lambda ws: SyncClient(ws.folder, timeout=0.5, stall_s=1.5,
                                                                    min_body_rate=1000))
    started = time.monotonic()
    assert main(["sync", "--data-dir", str(Path(b.ws.folder.path))]) == 2
    assert time.monotonic() - started < 6.0
    err = capsys.readouterr().err
    assert "The sync server did not answer within" in err and "Traceback" not in err
