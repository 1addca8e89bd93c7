"""Fields of a linked record embedded in the row that repeat one of the row's own columns.

JSON APIs nest the record a row was made from inside it: a quote carries its quoting job as
'task.jobnumber', 'task.taskname', 'task.client.orgid'. The prefix names another table of the
export (the jobs are exported as 'tasks' too), so those columns describe that record, not this one.
When such a column holds, on every row, exactly what one of the row's own (unprefixed) columns holds
('task.jobnumber' is the quote's own 'jobnumber', 'task.taskname' its 'quotename'), it carries nothing
of its own: the row's column migrates the value, and the linked record keeps its own copy. Kept, it
would become a custom field repeating the record's number or name. A handful of rows proves nothing,
and a column of an embedded object that names no table of the export ('address.city' beside 'city')
is a part of this record, which may differ tomorrow: neither is read so.
"""

from __future__ import annotations

from assistant.ingest.table_names import is_nested
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import singular, tokens
from assistant.propose.sourcedata import SourceValues

MIN_ROWS = 5


def _noun(name: str) -> str:
    words = tokens(name)
    return singular(words[-1]) if words else ""


def _record_prefix(column: str, record_nouns: set[str]) -> str | None:
    """The embedded object's name when it names another table of the export ('task' of 'task.x')."""
    prefix = column.split(".", 1)[0] if "." in column else ""
    return prefix if prefix and _noun(prefix) in record_nouns else None


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def _repeats(values: SourceValues, table: str, own: ColumnProfile, embedded: ColumnProfile) -> bool:
    rows = values.rows(table, [own.column, embedded.column])
    filled = [r for r in rows if (r[own.column] or "").strip() or (r[embedded.column] or "").strip()]
    return len(filled) >= MIN_ROWS and all(_same(r[own.column], r[embedded.column]) for r in filled)


def embedded_copies(
    table: TableProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> dict[str, tuple[str, str]]:
    """Column of an embedded record -> (the record's name, the row's own column it repeats on every row)."""
    if values is None:
        return {}
    own_noun = _noun(table.table)
    nouns = {_noun(name) for name in tables if not is_nested(name) and name != table.table} - {own_noun}
    columns = [c for c in table.columns if not c.column.startswith("_")]
    own = [c for c in columns if "." not in c.column and c.null_share < 1.0]
    out: dict[str, tuple[str, str]] = {}
    for col in columns:
        prefix = _record_prefix(col.column, nouns)
        if prefix is None or col.foreign_key is not None or col.null_share >= 1.0:
            continue
        same_count = [o for o in own if o.distinct_count == col.distinct_count]  # a cheap test first
        twin = next((o for o in same_count if _repeats(values, table.table, o, col)), None)
        if twin is not None:
            out[col.column] = (prefix, twin.column)
    return out
