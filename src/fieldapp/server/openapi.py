"""The OpenAPI 3.0 document of the sync API, written by hand next to the wire format in sync/protocol.py."""

from __future__ import annotations

from typing import Any

from fieldapp.sync.protocol import ENROLL_CODE_HEADER, HEADER, PROTOCOL_VERSION

_UUID = {"type": "string", "format": "uuid", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
_B64 = {"type": "string", "format": "byte"}
_KEY_ID = {"type": "string", "pattern": "^[0-9a-f]{16}$"}

_SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error", "message"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    "Batch": {"type": "object", "required": ["device_id", "seq", "key_id", "blob"], "properties": {
        "device_id": _UUID, "seq": {"type": "integer", "minimum": 1}, "key_id": _KEY_ID,
        "blob": {**_B64, "description": "nonce || AES-256-GCM ciphertext; opaque to the server"},
        "cursor": {"type": "integer", "minimum": 1}}},
    "PushRequest": {"type": "object", "required": ["batches"], "properties": {
        "batches": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Batch"}}}},
    "Accepted": {"type": "object", "required": ["seq", "cursor", "duplicate"], "properties": {
        "seq": {"type": "integer"}, "cursor": {"type": "integer"}, "duplicate": {"type": "boolean"}}},
    "PushResponse": {"type": "object", "required": ["accepted"], "properties": {
        "accepted": {"type": "array", "items": {"$ref": "#/components/schemas/Accepted"}}}},
    "PullPage": {"type": "object", "required": ["batches", "next_cursor", "has_more"], "properties": {
        "batches": {"type": "array", "items": {"$ref": "#/components/schemas/Batch"}},
        "next_cursor": {"type": "integer"}, "has_more": {"type": "boolean"},
        "status": {"$ref": "#/components/schemas/Status"}}},
    "EnrollRequest": {"type": "object", "required": ["code", "device_id", "name", "public_key"], "properties": {
        "code": {"type": "string", "maxLength": 40}, "device_id": _UUID, "name": {"type": "string", "maxLength": 200},
        "public_key": {**_B64, "description": "X25519 public key (32 bytes), then the Ed25519 signing key (32 bytes)"}}},
    "EnrollResponse": {"type": "object", "required": ["team_id", "team_name", "history_id", "token", "status"],
                       "properties": {"team_id": _UUID, "team_name": {"type": "string"}, "history_id": _UUID,
                                      "token": {"type": "string"}, "status": {"type": "string",
                                                                              "enum": ["active", "pending"]}}},
    "Device": {"type": "object", "required": ["device_id", "name", "status", "public_key", "created_at"],
               "properties": {"device_id": _UUID, "name": {"type": "string"},
                              "status": {"type": "string", "enum": ["pending", "active", "revoked"]},
                              "public_key": _B64, "created_at": {"type": "string"},
                              "last_seen_at": {"type": "string", "nullable": True,
                                               "description": "last authenticated request (to the minute)"}}},
    "Status": {"type": "object", "required": ["team_id", "history_id", "device_id", "device_status", "key_epoch",
                                              "current_key_id", "rotation_needed", "max_cursor", "protocol",
                                              "active_devices"],
               "properties": {"team_id": _UUID, "history_id": _UUID, "device_id": _UUID,
                              "device_status": {"type": "string"}, "key_epoch": {"type": "integer"},
                              "current_key_id": {**_KEY_ID, "nullable": True},
                              "rotation_needed": {"type": "boolean"}, "max_cursor": {"type": "integer"},
                              "protocol": {"type": "integer"},
                              "active_devices": {"type": "array", "items": {"$ref": "#/components/schemas/Device"}}}},
    "KeyEnvelope": {"type": "object", "required": ["recipient", "key_epoch", "blob"], "properties": {
        "recipient": {"type": "string", "description": "a device id, or 'recovery'"},
        "key_epoch": {"type": "integer", "minimum": 1}, "blob": _B64,
        "created_by": {**_UUID, "nullable": True}}},
    "KeyUpdate": {"type": "object", "required": ["expected_epoch", "key_id", "envelopes"], "properties": {
        "expected_epoch": {"type": "integer", "minimum": 0}, "key_id": _KEY_ID,
        "envelopes": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/KeyEnvelope"}},
        "recovery_auth_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$", "nullable": True}}},
}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "malformed request", 401: "missing, unknown or revoked token", 403: "not allowed",
            404: "not found", 408: "body too slow", 409: "conflict", 413: "body too large", 415: "not JSON",
            426: "client too old", 503: "overloaded; see Retry-After", 507: "server storage full"}
    return {str(c): {"description": text[c], "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}} for c in codes}


def _ok(schema: str | dict[str, Any], status: int = 200) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"} if isinstance(schema, str) else schema
    return {str(status): {"description": "ok", "content": {"application/json": {"schema": ref}}}}


def _body(schema: str | dict[str, Any]) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"} if isinstance(schema, str) else schema
    return {"required": True, "content": {"application/json": {"schema": ref}}}


_PROTO = {"name": HEADER, "in": "header", "required": True,
          "schema": {"type": "integer", "minimum": 1, "maximum": PROTOCOL_VERSION}}
_CODE = {"name": ENROLL_CODE_HEADER, "in": "header", "required": False, "schema": {"type": "string", "maxLength": 40},
         "description": "the enrollment code again, checked before the body is read"}
_AUTH: list[dict[str, list[str]]] = [{"bearer": []}]
_COMMON = (400, 401, 403, 426, 503, 507)


def openapi_document() -> dict[str, Any]:
    from fieldapp.server import erasure_openapi

    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Fieldapp sync server", "version": str(PROTOCOL_VERSION),
                 "description": "Stores end-to-end encrypted change batches; never sees plaintext."},
        "components": {"schemas": _SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/health": {"get": {"operationId": "health", "responses": _ok(
                {"type": "object", "properties": {"status": {"type": "string"}}})}},
            "/v1/enroll": {"post": {"operationId": "enroll", "parameters": [_PROTO, _CODE],
                                    "requestBody": _body("EnrollRequest"),
                                    "responses": {**_ok("EnrollResponse", 201),
                                                  **_errors(400, 403, 408, 409, 413, 415, 426, 503, 507)}}},
            "/v1/status": {"get": {"operationId": "status", "security": _AUTH, "parameters": [_PROTO],
                                   "responses": {**_ok("Status"), **_errors(*_COMMON)}}},
            "/v1/batches": {
                "post": {"operationId": "push", "security": _AUTH, "parameters": [_PROTO],
                         "requestBody": _body("PushRequest"),
                         "responses": {**_ok("PushResponse"), **_errors(*_COMMON, 409, 413, 415)}},
                "get": {"operationId": "pull", "security": _AUTH, "parameters": [
                    _PROTO, {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                        "responses": {**_ok("PullPage"), **_errors(*_COMMON)}},
            },
            "/v1/devices": {"get": {"operationId": "devices", "security": _AUTH, "parameters": [_PROTO],
                                    "responses": {**_ok({"type": "object", "properties": {"devices": {
                                        "type": "array", "items": {"$ref": "#/components/schemas/Device"}}}}),
                                        **_errors(*_COMMON)}}},
            "/v1/devices/{device_id}/approve": {"post": {
                "operationId": "approve", "security": _AUTH,
                "parameters": [_PROTO, {"name": "device_id", "in": "path", "required": True, "schema": _UUID}],
                "requestBody": _body("KeyUpdate"),
                "responses": {**_ok({"type": "object"}), **_errors(*_COMMON, 404, 409, 413, 415)}}},
            "/v1/devices/{device_id}/revoke": {"post": {
                "operationId": "revoke", "security": _AUTH,
                "parameters": [_PROTO, {"name": "device_id", "in": "path", "required": True, "schema": _UUID}],
                "responses": {**_ok({"type": "object"}), **_errors(*_COMMON, 404)}}},
            "/v1/keys": {
                "get": {"operationId": "my_keys", "security": _AUTH, "parameters": [_PROTO],
                        "responses": {**_ok({"type": "object", "properties": {"envelopes": {
                            "type": "array", "items": {"$ref": "#/components/schemas/KeyEnvelope"}}}}),
                            **_errors(*_COMMON)}},
                "post": {"operationId": "update_keys", "security": _AUTH, "parameters": [_PROTO],
                         "requestBody": _body("KeyUpdate"),
                         "responses": {**_ok({"type": "object"}), **_errors(*_COMMON, 404, 409, 413, 415)}},
            },
            "/v1/recovery": {
                "get": {"operationId": "recovery_envelope", "security": _AUTH, "parameters": [_PROTO],
                        "responses": {**_ok("KeyEnvelope"), **_errors(*_COMMON, 404)}},
                "post": {"operationId": "recover", "security": _AUTH, "parameters": [_PROTO],
                         "requestBody": _body({"type": "object", "required": ["recovery_auth"],
                                               "properties": {"recovery_auth": _B64}}),
                         "responses": {**_ok({"type": "object"}), **_errors(*_COMMON, 404, 408, 413, 415)}},
            },
            "/v1/token": {"post": {
                "operationId": "rotate_token", "security": _AUTH, "parameters": [_PROTO],
                "description": "a new token for the calling device; the presented one holds until the new one is used",
                "responses": {**_ok({"type": "object", "required": ["token"],
                                     "properties": {"token": {"type": "string"}}}), **_errors(*_COMMON)}}},
        },
    }
    doc["components"]["schemas"] = {**_SCHEMAS, **erasure_openapi.SCHEMAS}
    doc["paths"].update(erasure_openapi.paths(_PROTO, _AUTH, _ok, _body, _errors, _COMMON))
    return doc
