"""Turning one JSON record into flat text columns plus child records.

Nested objects become dotted column paths (``main-address.city-town``); arrays of objects become
child records (document ``lines``); arrays of scalars stay one cell holding their JSON text.
Numbers keep their exact source text because the parser hands them over as :class:`RawNumber`.
"""

from __future__ import annotations

import json
from typing import Any


class RawNumber(str):
    """A JSON number (or NaN/Infinity) kept as the exact text it had in the file."""


def _keep_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A key repeated in one object keeps every value (``a``, ``a_2``) instead of the last one only."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        out[_free_key(out, key)] = value
    return out


def _free_key(taken: dict[str, Any], key: str) -> str:
    candidate, suffix = key, 2
    while candidate in taken:
        candidate, suffix = f"{key}_{suffix}", suffix + 1
    return candidate


DECODER = json.JSONDecoder(
    parse_int=RawNumber,
    parse_float=RawNumber,
    parse_constant=RawNumber,
    object_pairs_hook=_keep_repeated_keys,
)

Flat = dict[str, str | None]
Children = list[tuple[str, list[dict[str, Any]]]]


def flatten(record: dict[str, Any]) -> tuple[Flat, Children]:
    flat: Flat = {}
    children: Children = []
    _walk(record, "", flat, children)
    return flat, children


def _walk(node: dict[str, Any], prefix: str, flat: Flat, children: Children) -> None:
    for key, value in node.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            _walk(value, f"{path}.", flat, children)
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            children.append((path, value))
        else:
            flat[_free_key(flat, path)] = to_text(value)  # a literal "a.b" key beside {"a": {"b"}}


def to_text(value: Any) -> str | None:
    """The cell text of a scalar (JSON text for lists and empty objects); JSON null is SQL NULL."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return str(value)
    return dumps(value)


def dumps(value: Any) -> str:
    """JSON text that writes RawNumber values verbatim (json.dumps would quote them as strings)."""
    if isinstance(value, RawNumber):
        return str(value)
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {dumps(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(dumps(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)
