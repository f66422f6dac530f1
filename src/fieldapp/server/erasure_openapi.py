"""OpenAPI paths of participant keys and erasures (merged into server/openapi.py's document)."""

from __future__ import annotations

from typing import Any

_HANDLE = {"type": "string", "pattern": "^[0-9a-f]{32}$", "description": "hash of a participant id, never the id"}
_B64 = {"type": "string", "format": "byte"}
_UUID = {"type": "string", "format": "uuid", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}

SCHEMAS: dict[str, Any] = {
    "ParticipantKey": {"type": "object", "required": ["handle", "key_id", "wrapped"], "properties": {
        "handle": _HANDLE, "key_id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "wrapped": {**_B64, "maxLength": 176, "description": "the participant's key under a team data key"},
        "cursor": {"type": "integer", "minimum": 1}}},
    "Erasure": {"type": "object", "required": ["handle", "erased_at", "device_id", "reason_code", "signature"],
                "properties": {
                    "handle": _HANDLE,
                    "erased_at": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$"},
                    "device_id": _UUID, "reason_code": {"type": "string", "pattern": "^[a-z_]{1,30}$"},
                    "signature": {**_B64, "description": "the erasing device's Ed25519 signature (64 bytes)"},
                    "cursor": {"type": "integer", "minimum": 1}}},
}


def paths(proto: dict[str, Any], auth: list[dict[str, Any]], ok: Any, body: Any, errors: Any,
          common: tuple[int, ...]) -> dict[str, Any]:
    after = [proto, {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
             {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}]

    def listing(name: str, schema: str) -> dict[str, Any]:
        return {"type": "object", "required": [name, "has_more"], "properties": {
            name: {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}},
            "has_more": {"type": "boolean"}}}

    return {
        "/v1/participant-keys": {
            "get": {"operationId": "participant_keys", "security": auth, "parameters": after,
                    "responses": {**ok(listing("keys", "ParticipantKey")), **errors(*common)}},
            "post": {"operationId": "store_participant_keys", "security": auth, "parameters": [proto],
                     "description": "the first key uploaded for a handle wins; keys of erased handles are refused",
                     "requestBody": body(listing("keys", "ParticipantKey") | {"required": ["keys"]}),
                     "responses": {**ok({"type": "object"}), **errors(*common, 408, 413, 415)}},
        },
        "/v1/erasures": {
            "get": {"operationId": "erasures", "security": auth, "parameters": after,
                    "responses": {**ok(listing("erasures", "Erasure")), **errors(*common)}},
            "post": {"operationId": "erase", "security": auth, "parameters": [proto],
                     "description": "stores tombstones the calling device signed with its enrolled key (else 403, nothing "
                                    "stored) and physically deletes those participants' keys",
                     "requestBody": body(listing("erasures", "Erasure") | {"required": ["erasures"]}),
                     "responses": {**ok({"type": "object"}), **errors(*common, 408, 413, 415)}},
        },
    }
