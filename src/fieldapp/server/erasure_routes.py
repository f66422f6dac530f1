"""HTTP routes for participant keys and erasures (see docs/sync.md, "Erasure")."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fieldapp.server import erasure_store, errors
from fieldapp.server.app import Server, _json, _query_int
from fieldapp.sync.erasure_protocol import MAX_ITEMS, WireErasure, WireParticipantKey, parse_list

PAGE = 5000
MAX_BODY = 4 * 1024 * 1024


def _limit(request: Request) -> int:
    limit = min(_query_int(request, "limit", PAGE), PAGE)
    if limit < 1:
        raise errors.bad_request("limit must be at least 1")
    return limit


def routes(srv: Server) -> list[Route]:
    async def get_keys(request: Request) -> Response:
        found, more = await srv.as_device(srv.token(request), erasure_store.keys_after,
                                          _query_int(request, "after", 0), limit=_limit(request))
        return _json({"keys": [k.to_json() for k in found], "has_more": more})

    async def post_keys(request: Request) -> Response:
        caller = await srv.caller(request)
        items = parse_list(await srv.body_json(request, MAX_BODY), "keys", WireParticipantKey.from_json,
                           "participant_keys")
        held, erased = await run_in_threadpool(erasure_store.store_keys, srv.engine, caller, items)
        return _json({"keys": [k.to_json() for k in held], "erased": erased})

    async def get_erasures(request: Request) -> Response:
        found, more = await srv.as_device(srv.token(request), erasure_store.erasures_after,
                                          _query_int(request, "after", 0), limit=_limit(request))
        return _json({"erasures": [e.to_json() for e in found], "has_more": more})

    async def post_erasures(request: Request) -> Response:
        caller = await srv.caller(request)
        items = parse_list(await srv.body_json(request, MAX_BODY), "erasures", WireErasure.from_json, "erasures")
        if len(items) > MAX_ITEMS:
            raise errors.bad_request("too many erasures in one request")
        stored = await run_in_threadpool(erasure_store.erase, srv.engine, caller, items)
        return _json({"stored": stored})

    g = srv.guarded
    return [
        Route("/v1/participant-keys", g(get_keys), methods=["GET"]),
        Route("/v1/participant-keys", g(post_keys), methods=["POST"]),
        Route("/v1/erasures", g(get_erasures), methods=["GET"]),
        Route("/v1/erasures", g(post_erasures), methods=["POST"]),
    ]
