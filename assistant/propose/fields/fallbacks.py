"""Fallback columns for a value HighLevel requires: a task without a due date is refused.

When the column feeding a required date is blank or unreadable on some rows, the map names other
date columns of the same record to use instead (a closing or completion date, then the record's
creation date), and says so in its rationale, so the engineer accepts or rejects it with the map.
A column named for that date that is blank on every row of this export (two open tickets, neither
closed) keeps feeding it, so the map decides what an export with values there would: the rows take
the fallback, and a map shared with another client's export carries its dates.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import standard_target
from assistant.propose.normalize import concepts, tokens

REQUIRED_DATES = {TargetObject.TASK: "dueDate", TargetObject.APPOINTMENT: "startTime"}
# Header concepts naming the required date (as the standard field's own in propose/targets.py).
REQUIRED_DATE_CONCEPTS = {
    TargetObject.TASK: frozenset({"due_date", "date"}),
    TargetObject.APPOINTMENT: frozenset({"start", "date"}),
}
DATE_TYPES = frozenset({SemanticType.DATE, SemanticType.DATETIME})
CREATION_WORDS = frozenset({"created", "creation", "create", "alta", "creado", "creacion", "added"})


def add_date_fallbacks(primary: TargetObject, maps: list[FieldMap], columns: list[ColumnProfile]) -> None:
    """Name fallback columns on the map feeding the record's required date when it has gaps."""
    wanted = REQUIRED_DATES.get(primary)
    if wanted is None:
        return
    by_name = {c.column: c for c in columns}
    feeding = [fm for fm in maps if fm.target.field == wanted and fm.target.object in (primary, None)]
    if not feeding:
        blank = _blank_named_column(primary, maps, by_name)
        feeding = [blank] if blank is not None and _fallbacks(blank, columns) else []
        if blank is not None and feeding:
            blank.target = standard_target(primary, wanted)
            blank.transform = Transform(kind=TransformKind.DATE)
            blank.rationale = (
                f"'{blank.source_columns[0]}' names the {primary.value}'s {wanted} and is blank on "
                "every row of this export"
            )
    for fm in feeding:
        source = by_name.get(fm.source_columns[0])
        ambiguous = float(source.extra.get("ambiguous_dates", 0.0)) if source is not None else 0.0
        if source is None or (source.null_share == 0 and source.type_share >= 1.0 and not ambiguous):
            continue
        names = _fallbacks(fm, columns)
        if not names:
            continue
        fm.transform.params["fallback_columns"] = names
        gaps = _gaps(source, ambiguous)
        fm.rationale += (
            f"; HighLevel refuses a {primary.value} without {wanted} and '{source.column}' {gaps}: "
            f"those rows take {' then '.join(repr(n) for n in names)} instead"
        )


def _gaps(source: ColumnProfile, ambiguous: float) -> str:
    if source.null_share:
        return f"is {source.null_share:.0%} blank"
    if ambiguous:  # '05/12/2022' among ISO dates: May 12 or 5 December, the column cannot say
        return "has dates that read both day/month and month/day, which are not read"
    return "has unreadable values"


def _fallbacks(fm: FieldMap, columns: list[ColumnProfile]) -> list[str]:
    """Other filled date columns of the record: a closing or completion date before its creation."""
    others = [
        c
        for c in columns
        if c.semantic_type in DATE_TYPES and c.column not in fm.source_columns and c.null_share < 1.0
    ]
    others.sort(key=lambda c: (bool(CREATION_WORDS & set(tokens(c.column))), c.null_share, c.position))
    return [c.column for c in others]


def _blank_named_column(
    primary: TargetObject, maps: list[FieldMap], by_name: dict[str, ColumnProfile]
) -> FieldMap | None:
    """The skipped map of a column blank on every row whose header names the required date."""
    for fm in maps:
        column = by_name.get(fm.source_columns[0]) if len(fm.source_columns) == 1 else None
        if column is None or fm.target.kind != FieldKind.SKIP or not _blank(column):
            continue
        if CREATION_WORDS & set(tokens(column.column)):
            continue  # a creation date is the last fallback, never the date the record is due
        if set(concepts(column.column)) & REQUIRED_DATE_CONCEPTS[primary]:
            return fm
    return None


def _blank(column: ColumnProfile) -> bool:
    return column.row_count > 0 and column.null_count >= column.row_count
