"""A column that holds one value per nested list, across lists of one shape: it names the list.

Some APIs keep a record's fields as an object of lists keyed by the field's name ('fields': {'email':
[...], 'phone': [...], 'annual revenue': [...]}): ingesting it gives one child table per field, each
with the same columns ('value', 'modifier', 'group', 'field_id'). A column that repeats one value on
every row of its table, and another value in each sibling table ('group' = 'Contact Info' for e-mail
and phone, 'Company Info' for revenue), describes which field the list is, not any entry in it. A
table with few rows cannot show that by itself (three rows of one value may yet differ on the
fourth); its siblings show it.
"""

from __future__ import annotations

from assistant.ingest.table_names import is_nested
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext

MIN_SIBLINGS = 2  # besides the table itself
MAX_SIBLINGS = 40  # a wider fan-out is read no further: each sibling costs a query


def _stem(table: str) -> str | None:
    """'contacts__fields.email' -> 'contacts__fields': the object the lists are keyed in."""
    stem, dot, _ = table.rpartition(".")
    return stem if dot and is_nested(stem) else None


def _constant(ctx: TableContext, table: str, column: str) -> str | None:
    if ctx.values is None:
        return None
    found = ctx.values.distinct(table, column, limit=2)
    return found[0].value.strip() if len(found) == 1 else None


def list_label_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a column names its nested list rather than an entry of it, or None."""
    stem = _stem(ctx.name)
    if stem is None or col.distinct_count != 1 or ctx.values is None:
        return None
    own = _constant(ctx, ctx.name, col.column)
    siblings = [t for t in ctx.decisions if t != ctx.name and _stem(t) == stem][:MAX_SIBLINGS]
    held = [_constant(ctx, t, col.column) for t in siblings]
    values = [v for v in held if v is not None]
    if own is None or len(values) < MIN_SIBLINGS or 2 * len(values) < len(siblings):
        return None
    if all(v == own for v in values):
        return None  # the same everywhere: a plain constant, which the constant rule reads
    return (
        f"one value per list of '{stem}' ('{own}' here, others in its sibling lists): it names which "
        "list the entries are in, not anything about an entry"
    )
