"""HTTP to the sync server: bounded retries, Retry-After honoured, auth errors stop at once.

Every call ends: each request has a timeout, and retries stop at max_attempts or the run's deadline.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import httpx

from fieldapp.sync import errors
from fieldapp.sync.protocol import HEADER, PROTOCOL_VERSION


class Response:
    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body

    @property
    def code(self) -> str | None:
        return self.body.get("error") if isinstance(self.body, dict) else None


class Transport:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 30.0, max_attempts: int = 6,
                 deadline_s: float = 300.0, max_wait_s: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 verify: bool | str = True, keepalive: bool = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.max_attempts = max_attempts
        self.deadline = time.monotonic() + deadline_s
        self.max_wait_s = max_wait_s
        self.server_ms = 0.0  # what the server reported spending (Server-Timing), for benchmarks and logs
        self.sleep = sleep
        headers = {HEADER: str(PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if verify is True:
            # Loading the CA bundle costs ~50 ms: once per process, and not at all for plain http.
            verify = _default_tls() if self.base_url.startswith("https:") else False  # type: ignore[assignment]
        self.client = httpx.Client(base_url=self.base_url, headers=headers, verify=verify,
                                   timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                   limits=httpx.Limits(max_keepalive_connections=None if keepalive else 0))

    def restart_deadline(self, deadline_s: float) -> None:
        self.deadline = time.monotonic() + deadline_s

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
             idempotent: bool = True, expect: tuple[int, ...] = (200, 201)) -> Response:
        """One API call. Returns the response for `expect`ed statuses and 409; raises SyncError otherwise."""
        attempt = 0
        while True:
            attempt += 1
            try:
                r = self.client.request(method, path, json=json, params=params)
            except httpx.TransportError as exc:
                # A request that may have reached the server is only repeated when repeating is harmless.
                safe = idempotent or isinstance(exc, httpx.ConnectError)
                if not safe or not self._may_retry(attempt, min(0.05 * 2 ** attempt, 2.0)):
                    raise errors.outage(f"{type(exc).__name__}: {exc}") from exc
                continue
            body = _body(r)
            self.server_ms += _server_timing(r)
            if r.status_code in expect or r.status_code == 409:
                return Response(r.status_code, body)
            if r.status_code == 401:
                raise errors.auth_failed()
            if r.status_code == 426:
                raise errors.too_old(str(body.get("message") if isinstance(body, dict) else body))
            if r.status_code in (429, 503):
                wait = _retry_after(r)
                if wait > self.max_wait_s or not self._may_retry(attempt, wait):
                    raise errors.paused(wait)
                continue
            if r.status_code >= 500:
                if not self._may_retry(attempt, min(0.2 * 2 ** attempt, 5.0)):
                    raise errors.outage(f"HTTP {r.status_code}")
                continue
            return Response(r.status_code, body)

    def _may_retry(self, attempt: int, wait: float) -> bool:
        if attempt >= self.max_attempts or time.monotonic() + wait > self.deadline:
            return False
        self.sleep(wait)
        return True


@lru_cache(maxsize=1)
def _default_tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _server_timing(r: httpx.Response) -> float:
    raw = r.headers.get("server-timing", "")
    _, _, dur = raw.partition("dur=")
    try:
        return float(dur.split(";")[0].split(",")[0]) if dur else 0.0
    except ValueError:
        return 0.0


def _body(r: httpx.Response) -> Any:
    try:
        return r.json()
    except ValueError:
        return {"error": "not_json", "message": r.text[:200]}


def _retry_after(r: httpx.Response) -> float:
    raw = r.headers.get("retry-after", "1")
    try:
        return max(0.0, min(float(raw), 24 * 3600.0))
    except ValueError:
        return 5.0
