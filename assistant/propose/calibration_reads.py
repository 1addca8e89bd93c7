"""Columns a table's maps read more than once: as a piece of a composed value, or as a fallback.

A column that already feeds one map (the record's name composed from its number and title, the
due date when the planned date is blank) and is copied again by a map of its own is read two
ways: the second copy may repeat what the record already holds, and keeping it is a choice. The
calibration model weighs this as one feature across every kind of double reading, so what it
learns on composed names carries to fallbacks and back.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument

Column = tuple[str, str]  # (source table, column)
FALLBACKS = "fallback_columns"  # the transform parameter naming columns read when the first is blank


def _feeds(f: FieldMap) -> set[str]:
    """The columns a map reads besides being the one column it copies."""
    pieces = set(f.source_columns) if len(f.source_columns) > 1 else set()
    fallbacks = f.transform.params.get(FALLBACKS) or []
    return pieces | {c for c in fallbacks if isinstance(c, str)}


def read_elsewhere(document: MappingDocument) -> set[Column]:
    """Every (table, column) some map reads as a piece of a composed value or as a fallback."""
    return {(f.source_object, column) for f in document.fields for column in _feeds(f)}


def read_twice(f: FieldMap, elsewhere: set[Column]) -> bool:
    """A one-column map whose column another map of its table also reads (a map never feeds itself)."""
    return len(f.source_columns) == 1 and (f.source_object, f.source_columns[0]) in elsewhere
