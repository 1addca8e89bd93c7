"""Loading HighLevel's official OpenAPI files shipped in ``openapi/`` and resolving their ``$ref``s.

The files are kept verbatim; their cross-file references (``../common/common-schemas.json#/...``)
are resolved by file name because the copies live side by side in one folder.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from assistant.errors import HlmapError

JsonDict = dict[str, Any]

_PACKAGE = "assistant.hlspec"


def spec_names() -> list[str]:
    """Names (file stems) of every API spec shipped, common-schemas excluded."""
    folder = resources.files(_PACKAGE).joinpath("openapi")
    return sorted(
        entry.name.removesuffix(".json")
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and entry.name != "common-schemas.json"
    )


@cache
def _load_raw(name: str) -> JsonDict:
    stem = name.removesuffix(".json")
    path = resources.files(_PACKAGE).joinpath("openapi", f"{stem}.json")
    try:
        data: JsonDict = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise HlmapError(f"unknown HighLevel spec {name!r}; known: {', '.join(spec_names())}") from exc
    return data


def load_spec(name: str) -> JsonDict:
    """The parsed spec file ``name`` (e.g. ``"contacts"``), unresolved, as a fresh copy."""
    return copy.deepcopy(_load_raw(name))


def _follow(ref: str, current: str) -> tuple[str, JsonDict]:
    """Return (spec name, target) for a ``$ref`` written in spec ``current``."""
    file_part, _, pointer = ref.partition("#")
    spec = file_part.rsplit("/", 1)[-1].removesuffix(".json") if file_part else current
    node: Any = _load_raw(spec)
    for token in pointer.strip("/").split("/"):
        if token:
            node = node[token.replace("~1", "/").replace("~0", "~")]
    if not isinstance(node, dict):
        raise HlmapError(f"spec {current}: $ref {ref!r} does not point at a schema")
    return spec, node


def resolve(node: Any, spec: str, _seen: tuple[str, ...] = ()) -> Any:
    """Deep copy of ``node`` with every ``$ref`` replaced by its target (cycles become ``{}``)."""
    if isinstance(node, list):
        return [resolve(item, spec, _seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        key = ref if ref.split("#", 1)[0] else f"{spec}.json{ref}"
        if key in _seen:
            return {}  # a recursive schema: accept anything below the cycle
        target_spec, target = _follow(ref, spec)
        return resolve(target, target_spec, (*_seen, key))
    return {key: resolve(value, spec, _seen) for key, value in node.items()}
