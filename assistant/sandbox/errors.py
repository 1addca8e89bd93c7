"""Error answers with the bodies HighLevel's API sends (NestJS-style ``statusCode``/``message``)."""

from __future__ import annotations

from typing import Any

JsonDict = dict[str, Any]


class ApiError(Exception):
    """Raised by a handler to answer with ``status`` and ``body``."""

    def __init__(self, status: int, body: JsonDict, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status}: {body.get('message')}")
        self.status = status
        self.body = body
        self.headers = headers or {}


class NotFoundError(ApiError):
    """A record named in the path or body does not exist.

    The status is chosen per operation by the dispatcher: 404 where the spec documents it, else 400
    (HighLevel answers "Contact not found" with a 400 on most v2 endpoints).
    """

    def __init__(self, what: str) -> None:
        super().__init__(400, {"statusCode": 400, "message": f"{what} not found"})
        self.what = what


def bad_request(message: str, **extra: Any) -> ApiError:
    return ApiError(400, {"statusCode": 400, "message": message, **extra})


def unprocessable(messages: list[str]) -> ApiError:
    return ApiError(422, {"statusCode": 422, "message": messages, "error": "Unprocessable Entity"})


def unauthorized(message: str) -> ApiError:
    return ApiError(401, {"statusCode": 401, "message": message, "error": "Unauthorized"})


def forbidden(message: str = "The token does not have access to this location.") -> ApiError:
    return ApiError(403, {"statusCode": 403, "message": message, "error": "Forbidden"})


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429,
        {"statusCode": 429, "message": "Too Many Requests", "error": "Too Many Requests"},
        {"Retry-After": str(retry_after)},
    )
