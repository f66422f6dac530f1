"""Errors the server answers with: a status, a stable code and a message, always as a JSON body."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 **extra: object) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def bad_request(message: str, code: str = "bad_request") -> ApiError:
    return ApiError(400, code, message)


def unauthorised(message: str = "missing, unknown or revoked device token") -> ApiError:
    return ApiError(401, "unauthorised", message, headers={"WWW-Authenticate": 'Bearer realm="fieldapp"'})


def forbidden(code: str, message: str) -> ApiError:
    return ApiError(403, code, message)


def conflict(code: str, message: str, **extra: object) -> ApiError:
    return ApiError(409, code, message, headers=None, **extra)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)
