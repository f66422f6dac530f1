"""HTTP to the sync server: https only, bounded waits and answers, Retry-After honoured, auth errors stop at once.

Every call ends: each request has a timeout, retries stop at max_attempts or the run's deadline, and a
server that answers nothing for `stall_s` seconds (30 by default, retries included) ends the run.
Every path to the server (CLI, app set-up, app sync thread) goes through this class, so the transport
rules are enforced here: credentials never travel over plain HTTP to a host other than this computer.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from fieldapp.sync import errors
from fieldapp.sync.protocol import ENROLL_CODE_HEADER, HEADER, PROTOCOL_VERSION

# Matched to the server's defaults (server/config.py): a pull page holds at most 8 MiB of ciphertext (or one
# batch of at most 8 MiB), which is about 11 MiB of base64 in JSON. An answer above this is refused unread.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 15.0
STALL_S = 30.0  # the longest a run waits for a server that answers nothing, retries included
INSECURE_OPTION = "allow-insecure-http"
INSECURE_ENV = "FIELDAPP_ALLOW_INSECURE_HTTP"
PIN_OPTION = "pin-sha256"


class Response:
    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body

    @property
    def code(self) -> str | None:
        return self.body.get("error") if isinstance(self.body, dict) else None


@dataclass(frozen=True)
class ServerAddress:
    """A server URL as the user gave it, with the options kept in its fragment (#pin-sha256=…&allow-insecure-http):
    the options travel with the stored address, so every later sync applies the choice made at enrollment."""

    base_url: str
    pin_sha256: str | None = None
    allow_insecure_http: bool = False


def parse_address(url: str) -> ServerAddress:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _bad_address(url)
    pin: str | None = None
    insecure = False
    for item in filter(None, parts.fragment.split("&")):
        name, _, value = item.partition("=")
        if name == PIN_OPTION:
            pin = normalise_pin(value)
        elif name == INSECURE_OPTION:
            insecure = True
        else:
            raise _bad_address(url)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")).rstrip("/")
    return ServerAddress(base, pin, insecure)


def with_options(url: str, *, pin_sha256: str | None = None, allow_insecure_http: bool = False) -> str:
    """The address to store: the URL with the chosen transport options in its fragment."""
    address = parse_address(url)
    pin = normalise_pin(pin_sha256) if pin_sha256 else address.pin_sha256
    options = []
    if pin:
        options.append(f"{PIN_OPTION}={pin}")
    if allow_insecure_http or address.allow_insecure_http:
        options.append(INSECURE_OPTION)
    return address.base_url + ("#" + "&".join(options) if options else "")


def normalise_pin(value: str) -> str:
    digits = value.replace(":", "").replace(" ", "").lower()
    if len(digits) != 64 or any(c not in "0123456789abcdef" for c in digits):
        raise errors.sync_error(
            "setup", "bad_pin",
            "Sertifikatets fingeravtrykk må være SHA-256 i heksadesimal (64 tegn, kolon er lov).",
            "The certificate fingerprint must be SHA-256 in hexadecimal (64 digits, colons allowed).")
    return digits


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(address: ServerAddress) -> None:
    """Plain http:// is refused except to this computer (development) or when explicitly allowed."""
    parts = urlsplit(address.base_url)
    if parts.scheme == "https" or address.allow_insecure_http or is_loopback(parts.hostname or ""):
        return
    raise errors.sync_error(
        "setup", "insecure_url",
        f"Adressen {address.base_url} bruker ukryptert http://. Registreringskoden og enhetens nøkkel ville gått i "
        "klartekst over nettet, så Fieldapp kobler ikke til. Bruk https:// (spør administratoren). Bare på et "
        "lukket nett man stoler på: «fieldapp enroll --allow-insecure-http», eller FIELDAPP_ALLOW_INSECURE_HTTP=1 "
        "for en enhet som alt er registrert (se docs/server-deployment.md).",
        f"The address {address.base_url} uses unencrypted http://. The enrollment code and this device's token "
        "would cross the network in cleartext, so Fieldapp does not connect. Use https:// (ask the administrator). "
        "Only on a closed, trusted network: 'fieldapp enroll --allow-insecure-http', or "
        "FIELDAPP_ALLOW_INSECURE_HTTP=1 for a device already enrolled (see docs/server-deployment.md).")


class Transport:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = READ_TIMEOUT_S,
                 connect_timeout: float = CONNECT_TIMEOUT_S, max_attempts: int = 4, deadline_s: float = 300.0,
                 stall_s: float = STALL_S, max_wait_s: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 verify: bool | str = True, keepalive: bool = True, allow_insecure_http: bool = False,
                 max_response_bytes: int = MAX_RESPONSE_BYTES) -> None:
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
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.server_ms = 0.0  # what the server reported spending (Server-Timing), for benchmarks and logs
        self.sleep = sleep
        self.pin = address.pin_sha256
        self._pin_backend: _PinningBackend | None = None
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
            self._pin_backend = _PinningBackend(self.pin)
            transport._pool._network_backend = self._pin_backend  # noqa: SLF001 - httpx has no public hook for it
            self.client = httpx.Client(base_url=self.base_url, headers=headers, transport=transport)
        else:
            tls: ssl.SSLContext | str | bool = verify
            if verify is True:
                # Loading the CA bundle costs ~50 ms: once per process, and not at all for loopback http.
                tls = _default_tls() if https else False
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
             headers: dict[str, str] | None = None) -> Response:
        """One API call. Returns the response for `expect`ed statuses and 409; raises SyncError otherwise."""
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
            body = _body(raw)
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
        request = self.client.build_request(method, path, json=json, params=params, headers=headers,
                                            timeout=timeout)
        r = self.client.send(request, stream=True)
        try:
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise answer_too_large(self.max_response_bytes)
            raw = bytearray()  # one growing buffer: no list of chunks beside a joined copy
            for chunk in r.iter_bytes():
                if len(raw) + len(chunk) > self.max_response_bytes:
                    raise answer_too_large(self.max_response_bytes)
                raw += chunk
        finally:
            r.close()
        return r.status_code, r.headers, raw

    def _may_retry(self, attempt: int, wait: float) -> bool:
        if attempt >= self.max_attempts or wait >= self._budget():
            return False
        self.sleep(wait)
        return True


class _PinnedStream(httpcore.NetworkStream):
    """A connection whose TLS handshake is followed at once by the pin check."""

    def __init__(self, inner: httpcore.NetworkStream, backend: _PinningBackend) -> None:
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


class _PinningBackend(httpcore.SyncBackend):
    """Checks the server certificate's SHA-256 right after the TLS handshake, before the request is sent."""

    def __init__(self, pin: str) -> None:
        super().__init__()
        self.pin = pin
        self.mismatch: str | None = None

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _PinnedStream(super().connect_tcp(*args, **kwargs), self)


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


def _body(raw: bytes | bytearray) -> Any:
    import json

    try:
        return json.loads(raw)
    except ValueError:
        return {"error": "not_json", "message": "the answer is not JSON"}


def _retry_after(headers: httpx.Headers) -> float:
    raw = headers.get("retry-after", "1")
    try:
        return max(0.0, min(float(raw), 24 * 3600.0))
    except ValueError:
        return 5.0


# Messages for what only the transport can tell apart ---------------------------------------------------

def _bad_address(url: str) -> errors.SyncError:
    shown = url if len(url) <= 200 else url[:200] + "…"
    return errors.sync_error("setup", "bad_url", f"«{shown}» er ikke en gyldig serveradresse (https://…).",
                             f"'{shown}' is not a valid server address (https://…).")


def _is_tls_failure(exc: httpx.ConnectError) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return True
        cause = cause.__cause__ or cause.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc) or "WRONG_VERSION_NUMBER" in str(exc)


def not_fieldapp(url: str, status: int | None) -> errors.SyncError:
    answer = f" (HTTP {status})" if status is not None else ""
    return errors.sync_error(
        "setup", "not_fieldapp",
        f"Adressen {url} svarer{answer}, men det er ikke en Fieldapp-synkroniseringsserver. Sjekk adressen "
        "du fikk av administratoren.",
        f"The address {url} answers{answer}, but it is not a Fieldapp sync server. Check the address the "
        "administrator gave you.")


def tls_failed(url: str) -> errors.SyncError:
    return errors.sync_error(
        "setup", "tls_failed",
        f"Fikk ingen sikker forbindelse med {url}: serverens sertifikat er ikke godkjent på denne maskinen, eller "
        "adressen svarer ikke med https. Ingenting ble sendt. Sjekk adressen; bruker serveren et eget sertifikat, "
        "be administratoren om fingeravtrykket (fieldapp enroll --pin-sha256).",
        f"No secure connection to {url}: the server's certificate is not trusted on this computer, or the "
        "address does not answer with https. Nothing was sent. Check the address; if the server uses its own "
        "certificate, ask the administrator for its fingerprint (fieldapp enroll --pin-sha256).")


def server_full() -> errors.SyncError:
    return errors.sync_error(
        "outage", "server_full",
        "Synkroniseringsserveren har ikke mer lagringsplass. Ingenting er tapt: endringene blir liggende på denne "
        "enheten til administratoren har frigjort plass.",
        "The sync server has run out of storage space. Nothing is lost: the changes stay on this device until the "
        "administrator has made room.")


def no_answer(seconds: float) -> errors.SyncError:
    seconds = max(seconds, 1.0)
    return errors.sync_error(
        "outage", "no_answer",
        f"Synkroniseringsserveren svarte ikke innen {seconds:.0f} s. Prøv igjen senere; ingenting er tapt.",
        f"The sync server did not answer within {seconds:.0f} s. Try again later; nothing is lost.")


def answer_too_large(limit: int) -> errors.SyncError:
    return errors.sync_error(
        "protocol", "answer_too_large",
        f"Serveren sendte et svar større enn {limit // (1024 * 1024)} MiB, som Fieldapp ikke tar imot. Be "
        "administratoren sjekke serverens grenser (docs/server-deployment.md).",
        f"The server sent an answer larger than {limit // (1024 * 1024)} MiB, which Fieldapp does not accept. Ask "
        "the administrator to check the server's limits (docs/server-deployment.md).")


def pin_mismatch(url: str, pin: str, actual: str) -> errors.SyncError:
    return errors.sync_error(
        "setup", "pin_mismatch",
        f"Serveren {url} viser et annet sertifikat enn det som ble låst ved registreringen (forventet SHA-256 "
        f"{pin[:16]}…, fikk {actual[:16]}…). Ingenting ble sendt. Noen kan utgi seg for serveren; kontakt "
        "administratoren.",
        f"The server {url} shows a different certificate than the one pinned at enrollment (expected SHA-256 "
        f"{pin[:16]}…, got {actual[:16]}…). Nothing was sent. Someone may be posing as the server; contact the "
        "administrator.")
