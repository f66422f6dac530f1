"""A watchdog for the head of an answer: the status line and headers a server sends before the body.

httpx's read timeout is per read, so a server that sends its head a byte every few seconds would hold a sync run
for weeks (httpcore reads up to 100 KiB of head). From the moment the client starts waiting for the head (the
request, however slow its upload, has been sent) until the whole head is in, `HeadWatch` gives the server
`budget()` seconds; then it shuts the connection's socket, so the blocked read returns and the request fails like
a server that does not answer. The body has its own rule (`Transport._body_too_slow`).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from collections.abc import Callable
from typing import Any

# httpcore's trace events (prefix: the logger's last name) that carry a new stream: a plain connection, and the
# TLS stream that replaces it (wrap_socket detaches the plain socket, so shutting that one would do nothing).
_NEW_STREAM = ("connection.connect_tcp.complete", "connection.start_tls.complete", "proxy.start_tls.complete")


class Sockets:
    """The sockets a client has connected. A Transport sends one request at a time, so the one in use is among
    them; idle ones cut with it are simply connected again."""

    def __init__(self) -> None:
        self._live: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()

    def note(self, stream: Any) -> None:
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._live.add(sock)

    def cut(self) -> None:
        with self._lock:
            live = list(self._live)
        for sock in live:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


class HeadWatch:
    """One request's watchdog; pass `trace` as httpx's "trace" request extension."""

    def __init__(self, sockets: Sockets, budget: Callable[[], float]) -> None:
        self.sockets = sockets
        self.budget = budget
        self.fired = threading.Event()
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._done = False

    def trace(self, name: str, info: dict[str, Any]) -> None:
        if name in _NEW_STREAM:
            self.sockets.note(info.get("return_value"))
        elif name == "http11.receive_response_headers.started":
            with self._lock:
                if self._done or self._timer is not None:
                    return
                self._timer = threading.Timer(max(self.budget(), 0.0), self._fire)
                self._timer.daemon = True
                self._timer.start()
        elif name in ("http11.receive_response_headers.complete", "http11.receive_response_headers.failed"):
            self.stop()

    def stop(self) -> None:
        """After this returns the watch never cuts: a timer already firing has finished its cut."""
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired.set()
            self.sockets.cut()
