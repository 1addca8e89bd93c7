"""Which column numbers a record when no reference column does: what a name may show beside a title.

A record named from its number and its customer ('1042 Bluebird Dental') needs a number people
quote. The table's key is that number when it is a short one ('1042'), not when it is an opaque
UUID nobody reads or types. A unique, filled key-like column named after the record
('generated_job_id' of a job) is the number the old system showed its users: it is taken first.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import reads_as_key, singular, tokens
from assistant.propose.value_shapes import all_uuids

S = SemanticType
FILLED = 0.5  # blank on half the rows or more: it numbers some records, not the record
UNIQUE = 0.99


def _named_for_record(ctx: TableContext, col: ColumnProfile) -> bool:
    nouns = {singular(w) for w in tokens(ctx.name)}
    return bool(nouns & {singular(w) for w in tokens(col.column)})


def record_numbers(ctx: TableContext, columns: list[ColumnProfile]) -> list[ColumnProfile]:
    """The columns that number the record, best first (empty when only an opaque key would)."""
    numbered = [
        c
        for c in columns
        if c.column != ctx.table.primary_key
        and c.foreign_key is None
        and c.semantic_type in (S.IDENTIFIER, S.INTEGER)
        and c.unique_share >= UNIQUE
        and c.null_share < FILLED
        and reads_as_key(c.column)
        and _named_for_record(ctx, c)
        and not all_uuids(c)
    ]
    key = next((c for c in columns if c.column == ctx.table.primary_key), None)
    if key is not None and not all_uuids(key):
        numbered.append(key)
    return numbered
