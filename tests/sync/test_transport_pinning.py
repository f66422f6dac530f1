"""Pinning the server certificate at enrollment: the pin is checked after the TLS handshake, before any byte
of a request (token, enrollment code) is sent, and travels with the stored server address."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import select

from fieldapp.cli.main import main
from fieldapp.server import store
from fieldapp.server.app import create_app
from fieldapp.server.config import Settings
from fieldapp.server.db import enrollment_codes, make_engine
from fieldapp.sync.errors import SyncError
from fieldapp.sync.server_address import with_options
from tests.support import self_signed
from tests.support.sync_server import free_port


class TlsServer:
    def __init__(self, tmp: Path) -> None:
        cert_file, key_file, self.pin = self_signed.make(tmp)
        settings = Settings(data_dir=tmp / "server")
        self.engine = make_engine(settings.url)
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(
            create_app(settings, self.engine), host="127.0.0.1", port=self.port, log_level="warning",
            access_log=False, timeout_graceful_shutdown=1, ssl_certfile=str(cert_file), ssl_keyfile=str(key_file)))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "the TLS test server did not start"
            time.sleep(0.01)

    def code(self) -> str:
        return store.enrollment_code(self.engine, store.create_team(self.engine, "Team TLS"), ttl_s=600)[0]

    def code_unused(self, code: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(enrollment_codes.c.used_at).where(
                enrollment_codes.c.code_hash == hashlib.sha256(store.normalise_code(code).encode()).hexdigest())
            ).scalar_one() is None

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


@pytest.fixture
def tls(tmp_path: Path) -> Iterator[TlsServer]:
    srv = TlsServer(tmp_path)
    try:
        yield srv
    finally:
        srv.stop()


def test_the_right_pin_enrolls_and_later_syncs_keep_checking_it(tls: TlsServer, make_device) -> None:
    dev = make_device("a")
    enrolled = dev.client.enroll(with_options(tls.url, pin_sha256=tls.pin), tls.code(), name="a")
    assert enrolled.status == "active"
    assert dev.sync().state == "done"  # the stored address carries the pin (a self-signed certificate is fine)
    dev.client.close()


def test_a_wrong_pin_sends_nothing_and_says_so(tls: TlsServer, make_device) -> None:
    dev = make_device("a")
    code = tls.code()
    with pytest.raises(SyncError) as caught:
        dev.client.enroll(with_options(tls.url, pin_sha256="00" * 32), code, name="a")
    assert caught.value.message.code == "sync.pin_mismatch"
    assert "Nothing was sent" in caught.value.text("en") and "Ingenting ble sendt" in caught.value.text("nb")
    assert tls.code_unused(code)  # the code never reached the server


def test_without_a_pin_an_unknown_certificate_is_refused(tls: TlsServer, make_device) -> None:
    dev = make_device("a")
    code = tls.code()
    with pytest.raises(SyncError) as caught:
        dev.client.enroll(tls.url, code, name="a")
    assert caught.value.message.code == "sync.tls_failed" and "not trusted" in caught.value.text("en")
    assert "ikke godkjent" in caught.value.text("nb")
    assert tls.code_unused(code)


def test_cli_enroll_takes_the_pin_with_colons(tls: TlsServer, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    pin = ":".join(tls.pin[i:i + 2] for i in range(0, 64, 2)).upper()
    folder = str(tmp_path / "cli")
    assert main(["enroll", "--server", tls.url, "--code", tls.code(), "--pin-sha256", pin,
                 "--data-dir", folder]) == 0
    assert main(["sync", "--data-dir", folder]) == 0


def test_https_to_a_plain_http_server_says_there_is_no_secure_connection(server, make_device) -> None:
    dev = make_device("a")
    with pytest.raises(SyncError) as caught:
        dev.client.enroll(server.url.replace("http://", "https://"), server.code(server.team()), name="a")
    assert caught.value.message.code == "sync.tls_failed"


def test_the_server_prints_the_fingerprint_devices_pin(tls: TlsServer, tmp_path: Path) -> None:
    from fieldapp.server.cli import certificate_fingerprint
    from fieldapp.sync.server_address import normalise_pin

    assert normalise_pin(certificate_fingerprint(tmp_path / "cert.pem")) == tls.pin
