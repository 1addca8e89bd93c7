"""Whole numbers that count another kind of record the export holds ('People', 'Open deals').

List exports add roll-ups beside a record's own fields: how many people an organisation has, how many
of its deals are open. The export carries those records themselves, and HighLevel keeps its own links
between them, so a number frozen at export time would only go stale in a custom field.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import object_words, reads_as_key


def counted_records(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The other table whose records the column counts, or None."""
    if col.semantic_type != SemanticType.INTEGER or col.foreign_key is not None or reads_as_key(col.column):
        return None
    named = object_words(col.column)
    head = named[0] if named else None  # the head noun: 'Organization - People' counts people
    if head is None or head == ctx.primary.value:
        return None
    return next(
        (t for t, d in ctx.decisions.items() if t != ctx.name and d.primary.value == head),
        None,
    )
