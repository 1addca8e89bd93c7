"""Typed HighLevel API errors, parsed from the answer body with HighLevel's own message kept.

The token never reaches these objects: they hold the method, the path template's concrete path,
the status and the parsed body only, so printing or logging an error cannot leak a secret.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.errors import HlmapError

JsonDict = dict[str, Any]


class HighLevelError(HlmapError):
    """Any failure talking to HighLevel."""


class CredentialsMissing(HighLevelError):
    """No token in the environment variable nor in the OS keyring."""


class TokenRejected(HighLevelError):
    """HighLevel answered 401 to the token: it names where the token came from, never the token."""


class ApiError(HighLevelError):
    """An HTTP error answer from HighLevel."""

    status: int = 0

    def __init__(self, method: str, path: str, status: int, body: JsonDict, messages: list[str]) -> None:
        self.method = method
        self.path = path
        self.status = status
        self.body = body
        self.messages = messages
        self.message = "; ".join(messages) if messages else f"HTTP {status}"
        super().__init__(f"HighLevel {method} {path}: {status} {self.message}")

    @property
    def meta(self) -> JsonDict:
        meta = self.body.get("meta")
        return meta if isinstance(meta, dict) else {}


class BadRequest(ApiError):
    """400: the request was understood and refused."""


class DuplicateContact(BadRequest):
    """400 for a contact the location already has (``meta.contactId``, ``meta.matchingField``)."""

    @property
    def contact_id(self) -> str:
        return str(self.meta.get("contactId", ""))

    @property
    def matching_field(self) -> str | None:
        value = self.meta.get("matchingField")
        return str(value) if value is not None else None


class DuplicateOpportunity(BadRequest):
    """400 ``OPPORTUNITY_NO_DUPLICATE``: the contact already has an opportunity in this pipeline."""

    @property
    def existing_id(self) -> str:
        return str(self.meta.get("existingId", ""))


class Unauthorized(ApiError):
    """401: token missing, invalid or expired, or the Version header is missing."""


class Forbidden(ApiError):
    """403: the token lacks the scope or the location."""


class NotFound(ApiError):
    """404: no such record."""


class Unprocessable(ApiError):
    """422: the body broke the schema; ``messages`` lists every complaint."""


class MissingRecord(BadRequest, NotFound):
    """400 whose message says the record does not exist (many HighLevel routes answer 400, not 404)."""


class RateLimited(ApiError):
    """429 after the retry budget ran out."""


class ServerError(ApiError):
    """5xx after the retry budget ran out."""


class AnswerLost(HighLevelError):
    """A request whose answer never arrived (timeout, dropped connection) after every retry."""

    def __init__(self, method: str, path: str, cause: str) -> None:
        self.method = method
        self.path = path
        super().__init__(f"HighLevel {method} {path}: no answer after retries ({cause})")


class CreateOutcomeUnknown(HighLevelError):
    """A create's answer was lost and nothing identifies the record to look it up: reconcile by hand."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    422: Unprocessable,
    429: RateLimited,
}


_NOT_FOUND = re.compile(r"\bnot found\b", re.IGNORECASE)


def parse_body(text: str) -> JsonDict:
    try:
        data = json.loads(text) if text else {}
    except json.JSONDecodeError:
        return {"message": text[:500]}
    return data if isinstance(data, dict) else {"message": data}


def _messages(body: JsonDict) -> list[str]:
    raw = body.get("message", body.get("msg", body.get("error")))
    if isinstance(raw, list):
        return [str(item) for item in raw]
    return [str(raw)] if raw not in (None, "") else []


def error_for(method: str, path: str, status: int, body: JsonDict) -> ApiError:
    """The typed error for an answer with ``status`` and parsed ``body``."""
    messages = _messages(body)
    raw_meta = body.get("meta")
    meta: JsonDict = raw_meta if isinstance(raw_meta, dict) else {}
    cls: type[ApiError]
    if status == 400 and (body.get("code") == "OPPORTUNITY_NO_DUPLICATE" or "existingId" in meta):
        cls = DuplicateOpportunity
    elif status == 400 and "contactId" in meta:
        cls = DuplicateContact
    elif status == 400 and any(_NOT_FOUND.search(message) for message in messages):
        cls = MissingRecord
    elif status >= 500:
        cls = ServerError
    else:
        cls = _BY_STATUS.get(status, ApiError)
    return cls(method, path, status, body, messages)
