"""Certificate pinning for the sync transport: the server certificate's SHA-256 checked right after the TLS handshake."""

from __future__ import annotations

import hashlib
import ssl
from typing import Any

import httpcore


class PinnedStream(httpcore.NetworkStream):
    """A connection whose TLS handshake is followed at once by the pin check."""

    def __init__(self, inner: httpcore.NetworkStream, backend: PinningBackend) -> None:
        self.inner = inner
        self.backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, timeout)

    def close(self) -> None:
        self.inner.close()

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self.inner.start_tls(ssl_context, server_hostname, timeout)
        ssl_object = tls.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(True) if ssl_object is not None else None  # True: binary (DER)
        actual = hashlib.sha256(der).hexdigest() if der else "none"
        if actual != self.backend.pin:
            self.backend.mismatch = actual
            tls.close()
            raise httpcore.ConnectError("the server certificate does not match the pinned fingerprint")
        return tls


class PinningBackend(httpcore.SyncBackend):
    """Checks the server certificate's SHA-256 right after the TLS handshake, before the request is sent."""

    def __init__(self, pin: str) -> None:
        super().__init__()
        self.pin = pin
        self.mismatch: str | None = None

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return PinnedStream(super().connect_tcp(*args, **kwargs), self)
