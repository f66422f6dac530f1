"""The ASGI app: routes, authentication before any body, per-route size and time limits, overload shedding
(globally, per device, and for enrollments), and JSON errors that never carry database text."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fieldapp.server import batch_store, errors, key_store, store
from fieldapp.server.config import Settings
from fieldapp.server.db import make_engine
from fieldapp.server.openapi import openapi_document
from fieldapp.sync.protocol import (
    ENROLL_CODE_HEADER, HEADER, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, EnrollRequest, KeyUpdate, ProtocolError,
    PushRequest, b64d, error_body, uuid_text,
)

log = logging.getLogger("fieldapp.server")
Handler = Callable[[Request], Awaitable[Response]]


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    out = dict(headers or {})
    out[HEADER] = str(PROTOCOL_VERSION)
    return JSONResponse(data, status_code=status, headers=out)


def _error(exc: errors.ApiError) -> JSONResponse:
    return _json(error_body(exc.code, exc.message, **exc.extra), exc.status, exc.headers)


class Server:
    """Holds the settings and the engine of one app instance (built by create_app, never at import time)."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.in_flight = 0
        self.anonymous_in_flight = 0
        self.per_token: dict[str, int] = {}

    # Plumbing --------------------------------------------------------------------------------------

    async def body_json(self, request: Request, limit: int) -> Any:
        """Read at most `limit` bytes, within the body time limit; called only after the caller is known."""
        declared = request.headers.get("content-length")
        expected = limit
        if declared is not None:
            if not declared.isdigit():
                raise errors.bad_request("bad Content-Length")
            if int(declared) > limit:
                raise errors.ApiError(413, "too_large", f"request body larger than {limit} bytes")
            expected = int(declared)
        ctype = request.headers.get("content-type", "")
        if ctype.split(";")[0].strip().lower() != "application/json":
            raise errors.ApiError(415, "unsupported_media_type", "send application/json")
        # Time for the body the client announced (or the most it may send): small bodies get little time.
        seconds = self.settings.body_timeout_s + expected / self.settings.min_upload_bytes_per_s
        try:
            async with asyncio.timeout(seconds):
                raw = await _read_body(request, limit)
        except TimeoutError as exc:
            raise errors.ApiError(408, "body_timeout", f"the request body did not arrive within {seconds:.0f} s",
                                  headers={"Connection": "close"}) from exc
        try:
            return json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise errors.bad_request("the body is not valid JSON", "bad_json") from exc

    def check_protocol(self, request: Request) -> None:
        raw = request.headers.get(HEADER)
        if raw is None:
            raise errors.bad_request(f"the {HEADER} header is missing", "protocol_missing")
        if not raw.isdigit() or len(raw) > 6:
            raise errors.bad_request(f"the {HEADER} header must be a number", "protocol_missing")
        version = int(raw)
        if version < MIN_PROTOCOL_VERSION:
            raise errors.ApiError(426, "client_too_old",
                                  f"protocol {version} is no longer supported (oldest: {MIN_PROTOCOL_VERSION});"
                                  " update Fieldapp", min_protocol=MIN_PROTOCOL_VERSION)
        if version > PROTOCOL_VERSION:
            raise errors.bad_request(f"this server speaks protocol up to {PROTOCOL_VERSION}; update the server",
                                     "server_too_old")

    def token(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip() or len(token) > 100:
            raise errors.unauthorised()
        return token.strip()

    async def caller(self, request: Request) -> store.Caller:
        """Who is asking: checked from the header alone, before any of the body is read."""
        return await run_in_threadpool(store.authenticate, self.engine, self.token(request))

    async def as_device(self, token: str, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Authenticate and run the operation in one trip to the thread pool (requests without a body)."""
        def run() -> Any:
            return operation(self.engine, store.authenticate(self.engine, token), *args, **kwargs)
        return await run_in_threadpool(run)

    def _busy(self, message: str) -> Response:
        return _json(error_body("overloaded", message), 503, {"Retry-After": str(self.settings.retry_after_s)})

    def guarded(self, handler: Handler, *, versioned: bool = True, anonymous: bool = False) -> Handler:
        async def endpoint(request: Request) -> Response:
            if self.in_flight >= self.settings.max_in_flight:
                return self._busy("the server is busy; retry later")
            # Requests in flight are counted per token (a device) and, for enrollments, as one anonymous group:
            # neither slow devices nor slow strangers can take every place.
            slot = _token_slot(request) if not anonymous else None
            if anonymous and self.anonymous_in_flight >= self.settings.max_anonymous_in_flight:
                return self._busy("too many enrollments at once; retry later")
            if slot is not None and self.per_token.get(slot, 0) >= self.settings.max_in_flight_per_device:
                return self._busy("too many requests from this device at once; retry later")
            self.in_flight += 1
            if anonymous:
                self.anonymous_in_flight += 1
            if slot is not None:
                self.per_token[slot] = self.per_token.get(slot, 0) + 1
            started = time.perf_counter()
            try:
                if versioned:
                    self.check_protocol(request)
                response = await handler(request)
                response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
                return response
            except errors.ApiError as exc:
                return _error(exc)
            except ProtocolError as exc:
                return _error(errors.bad_request(str(exc), "bad_message"))
            except SQLAlchemyError as exc:
                return self._database_error(exc)
            finally:
                self.in_flight -= 1
                if anonymous:
                    self.anonymous_in_flight -= 1
                if slot is not None:
                    left = self.per_token[slot] - 1
                    if left:
                        self.per_token[slot] = left
                    else:
                        del self.per_token[slot]

        return endpoint

    def _database_error(self, exc: SQLAlchemyError) -> Response:
        """Neither the client nor the log gets the database's text or the statement's values: only a kind."""
        reason = _db_reason(exc)
        if isinstance(exc, IntegrityError):
            # Two requests raced for the same row (e.g. one device id enrolled twice at once).
            log.info("integrity conflict (%s)", reason)
            return _error(errors.conflict("conflict", "the request conflicts with data stored meanwhile"))
        if isinstance(exc, DataError):
            log.info("value refused by the database (%s)", reason)
            return _error(errors.bad_request("a value the database cannot store", "bad_value"))
        if _disk_full(exc):
            log.error("the database's disk is full (%s)", reason)
            return _json(error_body("storage_full", "the server has no storage space left; nothing was stored"),
                         507, {"Retry-After": str(60 * self.settings.retry_after_s)})
        if isinstance(exc, OperationalError):
            # Lock timeouts and lost database connections are transient: tell the client when to come back.
            log.warning("database unavailable (%s)", reason)
            return _json(error_body("unavailable", "the database is busy or unavailable; retry later"), 503,
                         {"Retry-After": str(self.settings.retry_after_s)})
        log.error("database error (%s)", reason)
        return _json(error_body("internal_error", "unexpected server error (a bug; see the server log)"), 500)

    # Routes ----------------------------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        return _json({"status": "ok", "protocol": PROTOCOL_VERSION})

    async def openapi(self, request: Request) -> Response:
        return _json(openapi_document())

    async def enroll(self, request: Request) -> Response:
        code = request.headers.get(ENROLL_CODE_HEADER)
        if code is not None:
            # The code comes in a header too, so a stranger is refused before the body is read.
            if len(code) > 40:
                raise errors.forbidden("bad_code", "unknown or already used enrollment code")
            await run_in_threadpool(store.check_code, self.engine, code)
        req = EnrollRequest.from_json(await self.body_json(request, self.settings.enroll_body_bytes))
        if code is not None and store.normalise_code(code) != store.normalise_code(req.code):
            raise errors.bad_request(f"the {ENROLL_CODE_HEADER} header and the body name different codes")
        return _json((await run_in_threadpool(store.enroll, self.engine, req)).to_json(), 201)

    async def status(self, request: Request) -> Response:
        return _json((await self.as_device(self.token(request), store.status)).to_json())

    async def push(self, request: Request) -> Response:
        caller = await self.caller(request)
        store.require_active(caller)
        req = PushRequest.from_json(await self.body_json(request, self.settings.max_body_bytes),
                                    max_blob=self.settings.max_batch_bytes,
                                    max_batches=self.settings.max_batches_per_push)
        accepted, refusal = await run_in_threadpool(batch_store.push, self.engine, caller, req.batches)
        body = [a.to_json() for a in accepted]
        if refusal is not None:
            refusal.extra["accepted"] = body
            return _error(refusal)
        return _json({"accepted": body})

    async def pull(self, request: Request) -> Response:
        token = self.token(request)
        after = _query_int(request, "after", 0)
        limit = min(_query_int(request, "limit", self.settings.page_batches), self.settings.page_batches)
        if limit < 1:
            raise errors.bad_request("limit must be at least 1")
        page = await self.as_device(token, batch_store.pull, after, limit=limit, max_bytes=self.settings.page_bytes)
        return _json(page.to_json())

    async def devices(self, request: Request) -> Response:
        found = await self.as_device(self.token(request), store.team_devices)
        return _json({"devices": [d.to_json() for d in found]})

    async def approve(self, request: Request) -> Response:
        caller = await self.caller(request)
        store.require_active(caller)
        device_id = uuid_text(request.path_params["device_id"], "device_id")
        upd = KeyUpdate.from_json(await self.body_json(request, self.settings.keys_body_bytes))
        epoch = await run_in_threadpool(key_store.approve, self.engine, caller, device_id, upd)
        return _json({"status": "active", "key_epoch": epoch})

    async def revoke(self, request: Request) -> Response:
        device_id = uuid_text(request.path_params["device_id"], "device_id")
        await self.as_device(self.token(request), store.revoke_by_member, device_id)
        return _json({"status": "revoked"})

    async def my_keys(self, request: Request) -> Response:
        found = await self.as_device(self.token(request), key_store.my_envelopes)
        return _json({"envelopes": [e.to_json() for e in found]})

    async def update_keys(self, request: Request) -> Response:
        caller = await self.caller(request)
        store.require_active(caller)
        upd = KeyUpdate.from_json(await self.body_json(request, self.settings.keys_body_bytes))
        epoch = await run_in_threadpool(key_store.update_keys, self.engine, caller, upd)
        return _json({"key_epoch": epoch})

    async def recovery_envelope(self, request: Request) -> Response:
        found = await self.as_device(self.token(request), key_store.recovery_envelope)
        return _json(found.to_json())

    async def recover(self, request: Request) -> Response:
        caller = await self.caller(request)
        body = await self.body_json(request, self.settings.small_body_bytes)
        if not isinstance(body, dict):
            raise errors.bad_request("expected a JSON object")
        auth = b64d(body.get("recovery_auth"), "recovery_auth", max_len=64)
        await run_in_threadpool(key_store.recover, self.engine, caller, auth)
        return _json({"status": "active"})

    async def rotate_token(self, request: Request) -> Response:
        token = await self.as_device(self.token(request), store.rotate_token)
        return _json({"token": token})


async def _read_body(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise errors.ApiError(413, "too_large", f"request body larger than {limit} bytes")
            chunks.append(chunk)
    except ClientDisconnect as exc:
        # Nobody is left to read the answer; nothing was stored.
        raise errors.bad_request("the client disconnected before the body was complete", "incomplete_body") from exc
    return b"".join(chunks)


def _token_slot(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if not header:
        return None
    return hashlib.sha256(header.encode("utf-8", "replace")).hexdigest()[:16]


def _db_reason(exc: SQLAlchemyError) -> str:
    """A database error by kind and code only: its text may quote stored values."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    return f"{type(orig or exc).__name__}{f' {code}' if code else ''}"


def _disk_full(exc: SQLAlchemyError) -> bool:
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "53100" or getattr(orig, "sqlite_errorname", None) == "SQLITE_FULL":
        return True
    # Older SQLite bindings give no error name; the text is read here, never passed on.
    return "database or disk is full" in str(orig or "")


def _query_int(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or len(raw) > 18:
        raise errors.bad_request(f"{name} must be a non-negative integer")
    return int(raw)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return _json(error_body(code, str(exc.detail)), exc.status_code, dict(exc.headers or {}))


async def _bug(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return _json(error_body("internal_error", "unexpected server error (a bug; see the server log)"), 500)


def create_app(settings: Settings, engine: Engine | None = None, *, migrate: bool = True) -> Starlette:
    engine = engine or make_engine(settings.url)
    if migrate:
        from fieldapp.server.migrate import upgrade

        upgrade(engine)
    srv = Server(settings, engine)
    g = srv.guarded
    routes = [
        Route("/health", g(srv.health, versioned=False), methods=["GET"]),
        Route("/openapi.json", g(srv.openapi, versioned=False), methods=["GET"]),
        Route("/v1/enroll", g(srv.enroll, anonymous=True), methods=["POST"]),
        Route("/v1/status", g(srv.status), methods=["GET"]),
        Route("/v1/batches", g(srv.push), methods=["POST"]),
        Route("/v1/batches", g(srv.pull), methods=["GET"]),
        Route("/v1/devices", g(srv.devices), methods=["GET"]),
        Route("/v1/devices/{device_id}/approve", g(srv.approve), methods=["POST"]),
        Route("/v1/devices/{device_id}/revoke", g(srv.revoke), methods=["POST"]),
        Route("/v1/keys", g(srv.my_keys), methods=["GET"]),
        Route("/v1/keys", g(srv.update_keys), methods=["POST"]),
        Route("/v1/recovery", g(srv.recovery_envelope), methods=["GET"]),
        Route("/v1/recovery", g(srv.recover), methods=["POST"]),
        Route("/v1/token", g(srv.rotate_token), methods=["POST"]),
    ]
    from fieldapp.server.erasure_routes import routes as erasure_routes  # its module imports this one

    routes += erasure_routes(srv)
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _bug})
    app.state.server = srv
    return app
