"""A real sync server on loopback for tests and benchmarks: uvicorn in a thread, or in a child process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from fieldapp.server import store
from fieldapp.server.app import create_app
from fieldapp.server.config import Settings
from fieldapp.server.db import make_engine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving create_app(settings) in a background thread of this process."""

    def __init__(self, settings: Settings, *, port: int | None = None) -> None:
        self.settings = settings
        self.engine = make_engine(settings.url)
        self.app = create_app(settings, self.engine)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                                     access_log=False))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self.engine.dispose()

    def team(self, name: str = "Team Nord") -> str:
        return store.create_team(self.engine, name)

    def code(self, team_id: str, ttl_s: int = 600) -> str:
        return store.enrollment_code(self.engine, team_id, ttl_s=ttl_s)[0]


class ServerProcess:
    """`fieldapp-server serve` as a child process, so a test can SIGKILL it mid-request and start it again."""

    def __init__(self, data_dir: Path, *, port: int | None = None, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        self.proc: subprocess.Popen[bytes] | None = None

    def _args(self) -> list[str]:
        args = [sys.executable, "-m", "fieldapp.server.cli", "--data-dir", str(self.data_dir)]
        if self.database_url:
            args += ["--database-url", self.database_url]
        return args

    def admin(self, *argv: str) -> str:
        return subprocess.run([*self._args(), *argv], check=True, capture_output=True, text=True).stdout.strip()

    def start(self) -> ServerProcess:
        self.proc = subprocess.Popen([*self._args(), "serve", "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("the server process did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
