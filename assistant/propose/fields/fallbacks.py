"""Fallback columns for a value HighLevel requires: a task without a due date is refused.

When the column feeding a required date is blank or unreadable on some rows, the map names other
date columns of the same record to use instead (a closing or completion date, then the record's
creation date), and says so in its rationale, so the engineer accepts or rejects it with the map.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens

REQUIRED_DATES = {TargetObject.TASK: "dueDate", TargetObject.APPOINTMENT: "startTime"}
DATE_TYPES = frozenset({SemanticType.DATE, SemanticType.DATETIME})
CREATION_WORDS = frozenset({"created", "creation", "create", "alta", "creado", "creacion", "added"})


def add_date_fallbacks(primary: TargetObject, maps: list[FieldMap], columns: list[ColumnProfile]) -> None:
    """Name fallback columns on the map feeding the record's required date when it has gaps."""
    wanted = REQUIRED_DATES.get(primary)
    by_name = {c.column: c for c in columns}
    for fm in maps:
        if wanted is None or fm.target.field != wanted or fm.target.object not in (primary, None):
            continue
        source = by_name.get(fm.source_columns[0])
        if source is None or (source.null_share == 0 and source.type_share >= 1.0):
            continue
        others = [
            c
            for c in columns
            if c.semantic_type in DATE_TYPES and c.column not in fm.source_columns and c.null_share < 1.0
        ]
        others.sort(key=lambda c: (bool(CREATION_WORDS & set(tokens(c.column))), c.null_share, c.position))
        if not others:
            continue
        names = [c.column for c in others]
        fm.transform.params["fallback_columns"] = names
        gaps = f"{source.null_share:.0%} blank" if source.null_share else "some values unreadable"
        fm.rationale += (
            f"; HighLevel refuses a {primary.value} without {wanted} and '{source.column}' is {gaps}: "
            f"those rows take {' then '.join(repr(n) for n in names)} instead"
        )
