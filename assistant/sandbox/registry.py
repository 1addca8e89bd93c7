"""Which spec operation each stand-in handler implements, and what a handler receives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.hlspec import Operation, operation_by_id
from assistant.sandbox.agency import Agency
from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.store import Store


@dataclass
class Call:
    """One API request as a handler sees it: validated body, path and query parameters, the store."""

    op: Operation
    store: Store
    path: dict[str, str]
    query: dict[str, str]
    query_lists: dict[str, list[str]]
    body: Any = None
    form: dict[str, Any] = field(default_factory=dict)
    base_url: str = ""
    agency: Agency | None = None  # the locations and tokens (the OAuth token exchange needs them)

    @property
    def json(self) -> JsonDict:
        return self.body if isinstance(self.body, dict) else {}

    def require_query(self, name: str) -> str:
        value = self.query.get(name)
        if not value:
            raise bad_request(f"{name} should not be empty")
        return value

    def int_query(self, name: str, default: int, maximum: int | None = None) -> int:
        raw = self.query.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(float(raw))
        except ValueError as exc:
            raise bad_request(f"{name} must be a number conforming to the specified constraints") from exc
        if value < 0:
            raise bad_request(f"{name} must not be less than 0")
        return min(value, maximum) if maximum is not None else value


# A handler returns the success body, or (status, body) to override the spec's success status.
Handler = Callable[[Call], JsonDict | tuple[int, JsonDict]]

HANDLERS: dict[tuple[str, str], Handler] = {}


def handles(spec: str, operation_id: str) -> Callable[[Handler], Handler]:
    """Register a handler for the spec operation (fails at import if the spec has no such operation)."""
    operation_by_id(spec, operation_id)

    def register(handler: Handler) -> Handler:
        HANDLERS[(spec, operation_id)] = handler
        return handler

    return register


def success_status(op: Operation) -> int:
    """The first 2xx status the spec documents for ``op`` (200 if none)."""
    codes = sorted(int(code) for code in op.response_schemas if code.startswith("2") and code.isdigit())
    return codes[0] if codes else 200


def clean(record: JsonDict) -> JsonDict:
    """A response copy without null values at any depth: HighLevel omits unset fields."""
    return {key: _drop_nulls(value) for key, value in record.items() if value is not None}


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value if v is not None]
    return value
