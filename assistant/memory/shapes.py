"""Header signatures and column shapes: what identifies a column without reading its values."""

from __future__ import annotations

import hashlib
import re

from assistant.profile.models import ColumnProfile

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise_header(name: str) -> str:
    """``Main-Address.City_Town `` -> ``main address city town``."""
    return _NOT_WORD.sub(" ", name.lower()).strip()


def header_signature(headers: list[str]) -> str:
    """A short hash of the normalised header set: equal for the same headers in any order."""
    text = "\n".join(sorted(normalise_header(h) for h in headers))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _bucket(share: float, cuts: tuple[tuple[float, str], ...], last: str) -> str:
    return next((name for cut, name in cuts if share >= cut), last)


def column_shape(column: ColumnProfile) -> str:
    """``email; unique; full`` — semantic type, format, uniqueness and fill, in coarse buckets
    so a second export of the same platform (other rows) gives the same shape."""
    filled = 1.0 - column.null_share
    parts = [
        column.semantic_type.value,
        column.format or column.locale or column.separator or "-",
        _bucket(column.unique_share, ((0.98, "unique"), (0.5, "varied")), "repeated"),
        _bucket(filled, ((0.98, "full"), (0.5, "mostly"), (0.0001, "sparse")), "empty"),
    ]
    return "; ".join(parts)


def shape_similarity(left: str, right: str) -> float:
    """Share of the shape's parts that agree; 0 when the semantic types differ."""
    a, b = left.split("; "), right.split("; ")
    if not a or not b or a[0] != b[0] or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
