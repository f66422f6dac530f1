"""HTTP to the sync server: https only, bounded waits and answers, Retry-After honoured, auth errors stop at once.

Every call ends: each request has a timeout, retries stop at max_attempts or the run's deadline, and a
server that answers nothing for `stall_s` seconds (30 by default, retries included) ends the run. So does one
that sends its answer too slowly to be worth waiting for (a byte every few seconds): see `_body_too_slow`.
Every path to the server (CLI, app set-up, app sync thread) goes through this class, so the transport
rules are enforced here: credentials never travel over plain HTTP to a host other than this computer.
"""

from __future__ import annotations

import os
import ssl
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import httpx

from fieldapp.sync import errors
from fieldapp.sync.answer_watch import HeadWatch, Sockets
from fieldapp.sync.cert_pinning import PinningBackend
from fieldapp.sync.change_sets import read
from fieldapp.sync.protocol import ENROLL_CODE_HEADER, HEADER, PROTOCOL_VERSION
from fieldapp.sync.server_address import ServerAddress, check_address, parse_address
from fieldapp.sync.transport_messages import (
    answer_too_large, no_answer, not_fieldapp, pin_mismatch, server_full, tls_failed,
)

# Matched to the server's defaults (server/config.py): a pull page holds at most 8 MiB of ciphertext (or one
# batch of at most 8 MiB), which is about 11 MiB of base64 in JSON. An answer above this is refused unread.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 15.0
STALL_S = 30.0  # the longest a run waits for a server that answers nothing, retries included
# Once STALL_S has passed, an answer's body that came in slower than this since its head came in is given up
# on. 4 KiB/s is far below any working link (even EDGE gives 10-20 KiB/s), far above a trickle meant to hold us.
MIN_BODY_RATE = 4 * 1024
INSECURE_ENV = "FIELDAPP_ALLOW_INSECURE_HTTP"


class Response:
    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body

    @property
    def code(self) -> str | None:
        return self.body.get("error") if isinstance(self.body, dict) else None


class Transport:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = READ_TIMEOUT_S,
                 connect_timeout: float = CONNECT_TIMEOUT_S, max_attempts: int = 4, deadline_s: float = 300.0,
                 stall_s: float = STALL_S, max_wait_s: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 verify: bool | str = True, keepalive: bool = True, allow_insecure_http: bool = False,
                 max_response_bytes: int = MAX_RESPONSE_BYTES, min_body_rate: float = MIN_BODY_RATE) -> None:
        address = parse_address(base_url)
        # For a device enrolled over plain HTTP before this rule existed (it cannot enroll again to add the option).
        if allow_insecure_http or os.environ.get(INSECURE_ENV) == "1":
            address = ServerAddress(address.base_url, address.pin_sha256, True)
        check_address(address)
        self.base_url = address.base_url
        self.token = token
        self.max_attempts = max_attempts
        self.deadline = time.monotonic() + deadline_s
        self.stall_s = max(stall_s, timeout)  # a caller that asks for a longer read timeout gets to wait for it
        self.quiet_since = time.monotonic()
        self.max_wait_s = max_wait_s
        self.max_response_bytes = max_response_bytes
        self.min_body_rate = min_body_rate
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.server_ms = 0.0  # what the server reported spending (Server-Timing), for benchmarks and logs
        self.sleep = sleep
        self.pin = address.pin_sha256
        self._pin_backend: PinningBackend | None = None
        self._sockets = Sockets()
        headers = {HEADER: str(PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        https = self.base_url.startswith("https:")
        limits = httpx.Limits(max_keepalive_connections=None if keepalive else 0)
        if https and self.pin:
            # The pin replaces the CA check (a self-signed certificate is fine), and is checked right after the
            # TLS handshake, before a single byte of the request (token, enrollment code) is sent.
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            transport = httpx.HTTPTransport(verify=context, limits=limits, trust_env=False)
            self._pin_backend = PinningBackend(self.pin)
            transport._pool._network_backend = self._pin_backend  # noqa: SLF001 - httpx has no public hook for it
            self.client = httpx.Client(base_url=self.base_url, headers=headers, transport=transport)
        else:
            tls: ssl.SSLContext | str | bool = verify
            if verify is True:
                # Loading the CA bundle costs ~50 ms: once per process, and not at all for loopback http.
                tls = _default_tls() if https else False
            elif isinstance(verify, str):  # a CA file (httpx no longer takes the path itself)
                tls = ssl.create_default_context(cafile=verify)
            self.client = httpx.Client(base_url=self.base_url, headers=headers, verify=tls, limits=limits)

    def set_token(self, token: str) -> None:
        """Use a new token from here on (after a token rotation)."""
        self.token = token
        self.client.headers["Authorization"] = f"Bearer {token}"

    def restart_deadline(self, deadline_s: float) -> None:
        self.deadline = time.monotonic() + deadline_s
        self.quiet_since = time.monotonic()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _budget(self) -> float:
        return min(self.deadline, self.quiet_since + self.stall_s) - time.monotonic()

    def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
             idempotent: bool = True, expect: tuple[int, ...] = (200, 201),
             headers: dict[str, str] | None = None, fast_json: bool = False) -> Response:
        """One API call. Returns the response for `expect`ed statuses and 409; raises SyncError otherwise.

        `fast_json`: read the answer with orjson (a pull page: megabytes of base64, in a third less time). orjson
        reads a whole number beyond 64 bits as a float; only for answers whose every number is checked as an int
        in a range (protocol._int), where either reading is refused alike."""
        if path == "/v1/enroll" and isinstance(json, dict) and isinstance(json.get("code"), str):
            # The server checks the code from this header before it reads the body.
            headers = {**(headers or {}), ENROLL_CODE_HEADER: json["code"]}
        attempt = 0
        while True:
            attempt += 1
            budget = self._budget()
            if budget <= 0:
                raise no_answer(time.monotonic() - self.quiet_since)
            timeout = httpx.Timeout(min(self.timeout, budget), connect=min(self.connect_timeout, budget))
            try:
                status, got_headers, raw = self._send(method, path, json, params, headers, timeout)
            except httpx.TransportError as exc:
                if self._pin_backend is not None and self._pin_backend.mismatch:
                    raise pin_mismatch(self.base_url, self.pin or "", self._pin_backend.mismatch) from exc
                # Neither is cured by waiting: a certificate this computer does not trust (or no TLS at all
                # behind https://), and an answer that is not HTTP.
                if isinstance(exc, httpx.ConnectError) and _is_tls_failure(exc):
                    raise tls_failed(self.base_url) from exc
                if isinstance(exc, httpx.RemoteProtocolError) and "illegal status line" in str(exc).lower():
                    raise not_fieldapp(self.base_url, None) from exc
                # A request that may have reached the server is only repeated when repeating is harmless.
                safe = idempotent or isinstance(exc, httpx.ConnectError)
                if not safe or not self._may_retry(attempt, min(0.05 * 2 ** attempt, 2.0)):
                    if isinstance(exc, httpx.TimeoutException):
                        raise no_answer(time.monotonic() - self.quiet_since) from exc
                    raise errors.outage(f"{type(exc).__name__}: {exc}") from exc
                continue
            self.quiet_since = time.monotonic()
            self.server_ms += _server_timing(got_headers)
            ours = got_headers.get(HEADER) is not None
            if status in (502, 503, 504) and not ours:
                # A proxy in front of the server: the server itself is down or restarting.
                if not self._may_retry(attempt, min(0.2 * 2 ** attempt, 5.0)):
                    raise errors.outage(f"HTTP {status}")
                continue
            if not ours:
                raise not_fieldapp(self.base_url, status)
            body = _body(raw, fast_json)
            if status in expect or status == 409:
                return Response(status, body)
            if status == 401:
                raise errors.auth_failed()
            if status == 426:
                raise errors.too_old(str(body.get("message") if isinstance(body, dict) else body))
            if status == 507:
                raise server_full()
            if status == 408:
                # The upload was slower than the server allows: a slow or failing link, like an outage.
                if not idempotent or not self._may_retry(attempt, min(0.2 * 2 ** attempt, 5.0)):
                    raise errors.outage("HTTP 408: the upload was too slow")
                continue
            if status in (429, 503):
                wait = _retry_after(got_headers)
                if wait > self.max_wait_s or not self._may_retry(attempt, wait):
                    raise errors.paused(wait)
                continue
            if status == 413 and isinstance(body, dict) and body.get("error") == "answer_too_large":
                raise answer_too_large(self.max_response_bytes)
            if status >= 500:
                if not self._may_retry(attempt, min(0.2 * 2 ** attempt, 5.0)):
                    raise errors.outage(f"HTTP {status}")
                continue
            return Response(status, body)

    def _send(self, method: str, path: str, json: Any, params: dict[str, Any] | None,
              headers: dict[str, str] | None, timeout: httpx.Timeout) -> tuple[int, httpx.Headers, bytearray]:
        """Send, and read the answer only up to max_response_bytes: a page never costs more memory than that."""
        # The head must be in within the stall budget (at least a read timeout) once the request is sent.
        watch = HeadWatch(self._sockets, lambda: min(self.deadline - time.monotonic(),
                                                     max(self._budget(), self.timeout)))
        request = self.client.build_request(method, path, json=json, params=params, headers=headers,
                                            timeout=timeout, extensions={"trace": watch.trace})
        try:
            r = self.client.send(request, stream=True)
        except httpx.TransportError as exc:
            if watch.fired.is_set():
                raise httpx.ReadTimeout("the answer's head comes in too slowly", request=request) from exc
            raise
        finally:
            watch.stop()
        # The body's rate is counted from its head: a long upload before it (a push on a slow link) is no sign of
        # a slow answer.
        headed = time.monotonic()
        try:
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise answer_too_large(self.max_response_bytes)
            raw = bytearray()  # one growing buffer: no list of chunks beside a joined copy
            for chunk in r.iter_bytes():
                if len(raw) + len(chunk) > self.max_response_bytes:
                    raise answer_too_large(self.max_response_bytes)
                raw += chunk
                if self._body_too_slow(headed, len(raw)):
                    # A timeout like any other: retried only when the request is idempotent and budget is left
                    # (none is, by then), and reported as a server that did not answer.
                    raise httpx.ReadTimeout("the answer's body comes in too slowly", request=request)
        finally:
            r.close()
        return r.status_code, r.headers, raw

    def _body_too_slow(self, headed: float, got: int) -> bool:
        """Whether to stop reading an answer's body: httpx's read timeout is per read, so a server sending a byte
        every few seconds would never trip it. Checked as each piece arrives: the body is given up on once the run's
        deadline has passed, or once the stall budget is spent (more than `stall_s` since the server last gave a
        whole answer, as for a server that answers nothing) while the body has come in slower than `min_body_rate`
        bytes/s on average since its head came in. A large page on a slow but working link stays above the
        floor and is read to its end (the run's deadline still bounds it). As a piece is awaited at most one read
        timeout, giving up comes at most that long after the budget: about 30 s for a byte every 2 s, 45 s at
        worst for a server that spaces its bytes just under the read timeout."""
        now = time.monotonic()
        if now >= self.deadline:
            return True
        return now - self.quiet_since > self.stall_s and got < self.min_body_rate * (now - headed)

    def _may_retry(self, attempt: int, wait: float) -> bool:
        if attempt >= self.max_attempts or wait >= self._budget():
            return False
        self.sleep(wait)
        return True


@lru_cache(maxsize=1)
def _default_tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _server_timing(headers: httpx.Headers) -> float:
    raw = headers.get("server-timing", "")
    _, _, dur = raw.partition("dur=")
    try:
        return float(dur.split(";")[0].split(",")[0]) if dur else 0.0
    except ValueError:
        return 0.0


def _body(raw: bytes | bytearray, fast: bool = False) -> Any:
    import json

    try:
        return read(raw)[0] if fast else json.loads(raw)
    except ValueError:
        return {"error": "not_json", "message": "the answer is not JSON"}


def _retry_after(headers: httpx.Headers) -> float:
    raw = headers.get("retry-after", "1")
    try:
        return max(0.0, min(float(raw), 24 * 3600.0))
    except ValueError:
        return 5.0


def _is_tls_failure(exc: httpx.ConnectError) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return True
        cause = cause.__cause__ or cause.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc) or "WRONG_VERSION_NUMBER" in str(exc)
