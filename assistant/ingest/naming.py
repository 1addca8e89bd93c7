"""Names of raw tables and of their columns.

Table names come from the file or endpoint stem: a stem with spaces or punctuation (a UI export
such as ``Clients Export.csv``) becomes lower snake case; a plain stem (an API endpoint such as
``salesEstimates``) is kept as it is, so the source's own spelling survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PLAIN_STEM = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def object_name(stem: str) -> str:
    if _PLAIN_STEM.match(stem):
        return stem
    snake = re.sub(r"[^0-9a-zA-Z]+", "_", stem).strip("_").lower()
    return snake or "table"


@dataclass
class ColumnNames:
    """Unique column names from a header row; blank and repeated names are renamed and reported."""

    names: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    """Human-readable notes such as ``column 5: blank header named column_5``."""


def unique_columns(header: list[str]) -> ColumnNames:
    out = ColumnNames()
    taken: set[str] = set()
    for position, raw in enumerate(header, start=1):
        base = raw.replace("\x00", "").strip()  # a NUL byte cannot be part of a column name
        name = base or f"column_{position}"
        if base.startswith("_"):  # leading underscore is reserved for bookkeeping columns
            name = f"col{base}"
        suffix = 2
        candidate = name
        while candidate.lower() in taken:
            candidate = f"{name}_{suffix}"
            suffix += 1
        taken.add(candidate.lower())
        out.names.append(candidate)
        if candidate != raw:
            why = "blank header" if not base else "duplicate header" if candidate != name else "header"
            out.renamed.append(f"column {position}: {why} {raw!r} named {candidate!r}")
    return out


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
