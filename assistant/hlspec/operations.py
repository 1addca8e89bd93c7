"""The operations of HighLevel's API as typed records, and matching a concrete request to one."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from assistant.errors import HlmapError
from assistant.hlspec.loader import JsonDict, _load_raw, resolve, spec_names

_METHODS = ("get", "post", "put", "patch", "delete")


class UnknownOperationError(HlmapError, KeyError):
    """No operation in the specs matches a method and path."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown operation"


@dataclass(frozen=True)
class Operation:
    method: str  # upper case: GET, POST, ...
    path: str  # the spec's template, e.g. "/contacts/{contactId}"
    operation_id: str
    spec: str  # file stem, e.g. "contacts"
    version: str | None  # value of the required ``Version`` header
    summary: str = ""
    deprecated: bool = False
    request_content_type: str | None = None  # "application/json", "multipart/form-data" or None
    request_schema: JsonDict | None = None  # $refs resolved
    request_required: bool = False
    response_schemas: dict[str, JsonDict] = field(default_factory=dict)  # status -> schema
    parameters: tuple[JsonDict, ...] = ()  # path/query/header parameters, resolved
    security_schemes: tuple[str, ...] = ()  # e.g. ("bearer",) or ("Location-Access", "Agency-Access")
    scopes: tuple[str, ...] = ()  # e.g. ("contacts.write",)

    @property
    def segments(self) -> tuple[str, ...]:
        return _segments(self.path)

    def path_params(self, concrete_path: str) -> dict[str, str] | None:
        """The template's parameters filled from ``concrete_path``, or None when it does not match."""
        actual = _segments(concrete_path)
        if len(actual) != len(self.segments):
            return None
        params: dict[str, str] = {}
        for pattern, value in zip(self.segments, actual, strict=True):
            if pattern.startswith("{") and pattern.endswith("}"):
                if not value:
                    return None
                params[pattern[1:-1]] = value
            elif pattern != value:
                return None
        return params


def _segments(path: str) -> tuple[str, ...]:
    return tuple(path.split("?", 1)[0].strip("/").split("/"))


def _version(parameters: list[JsonDict]) -> str | None:
    for param in parameters:
        if param.get("in") == "header" and str(param.get("name", "")).lower() == "version":
            schema = param.get("schema") or {}
            enum = schema.get("enum") or []
            return str(enum[0]) if enum else (str(schema["example"]) if "example" in schema else None)
    return None


def _build(spec: str, path: str, method: str, raw: JsonDict) -> Operation:
    parameters: list[JsonDict] = resolve(raw.get("parameters", []), spec)
    body = resolve(raw.get("requestBody") or {}, spec)
    content: dict[str, Any] = body.get("content") or {}
    content_type = next(iter(content), None)
    responses: dict[str, JsonDict] = {}
    for status, answer in (raw.get("responses") or {}).items():
        schema = ((resolve(answer, spec).get("content") or {}).get("application/json") or {}).get("schema")
        if isinstance(schema, dict):
            responses[str(status)] = schema
    security: list[JsonDict] = raw.get("security") or []
    return Operation(
        method=method.upper(),
        path=path,
        operation_id=str(raw.get("operationId", "")),
        spec=spec,
        version=_version(parameters),
        summary=str(raw.get("summary", "")),
        deprecated=bool(raw.get("deprecated", False)),
        request_content_type=content_type,
        request_schema=content[content_type].get("schema") if content_type else None,
        request_required=bool(body.get("required", False)),
        response_schemas=responses,
        parameters=tuple(p for p in parameters if p.get("in") != "header" or p.get("name") != "Version"),
        security_schemes=tuple(name for entry in security for name in entry),
        scopes=tuple(
            dict.fromkeys(scope for entry in security for scopes in entry.values() for scope in scopes)
        ),
    )


_BUILDING = threading.Lock()


@cache
def _all_operations() -> tuple[Operation, ...]:
    # Location threads of a fan-out ask at the same moment: build once while the others wait.
    with _BUILDING:
        return _built()


@cache
def _built() -> tuple[Operation, ...]:
    found: list[Operation] = []
    for spec in spec_names():
        for path, item in (_load_raw(spec).get("paths") or {}).items():
            for method in _METHODS:
                if method in item:
                    found.append(_build(spec, path, method, item[method]))
    return tuple(found)


def operations(spec: str | None = None) -> list[Operation]:
    """Every operation of every shipped spec (or of one spec file)."""
    return [op for op in _all_operations() if spec is None or op.spec == spec]


def _literal_rank(op: Operation) -> tuple[int, ...]:
    # A literal segment beats a parameter at the same position: /contacts/search over /contacts/{id}.
    return tuple(0 if s.startswith("{") else 1 for s in op.segments)


@cache
def _by_shape() -> dict[tuple[str, int], tuple[Operation, ...]]:
    """Operations by method and segment count, most literal first: the stand-in matches every request
    it serves, so a request compares its path with a handful of templates, not with all of them."""
    shapes: dict[tuple[str, int], list[Operation]] = {}
    for op in _all_operations():
        shapes.setdefault((op.method, len(op.segments)), []).append(op)
    return {key: tuple(sorted(ops, key=_literal_rank, reverse=True)) for key, ops in shapes.items()}


def find_operation(method: str, path: str) -> Operation:
    """The operation whose template matches ``path`` (query string and trailing slash ignored)."""
    for op in _by_shape().get((method.upper(), len(_segments(path))), ()):
        if op.path_params(path) is not None:  # the first match ranks highest (sorted, stable)
            return op
    raise UnknownOperationError(f"no HighLevel operation {method.upper()} {path}")


def operation_by_id(spec: str, operation_id: str) -> Operation:
    for op in _all_operations():
        if op.spec == spec and op.operation_id == operation_id:
            return op
    raise UnknownOperationError(f"no operation {operation_id!r} in spec {spec!r}")
