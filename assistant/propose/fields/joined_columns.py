"""A column that only joins, on every row, what other columns of the same row hold.

Exports often add a display line built from the record's own parts: a whole address ('122 Church
Lane, Bristol, BS1 5TR, United Kingdom') beside its street, city, postcode and country columns, which
a map module or a list view composes. The parts map themselves; the joined line carries nothing
more, and as a custom field it would go stale the first time someone edits the street. A column is
read so when, on every row where it is filled, it splits on commas into at least two pieces each
equal to another column's value on that row; a handful of rows proves nothing.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.sourcedata import SourceValues

MIN_ROWS = 5
MIN_PIECES = 2


def _plain(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def _joins_row(row: dict[str, str | None], column: str) -> tuple[bool, set[str]]:
    """Whether the cell is pieces of the row's other cells, and which columns gave them."""
    pieces = [_plain(p) for p in (row[column] or "").split(",") if p.strip()]
    others = {_plain(v): name for name, v in row.items() if name != column and _plain(v)}
    used = {others[p] for p in pieces if p in others}
    return len(pieces) >= MIN_PIECES and all(p in others for p in pieces), used


def joined_from(table: TableProfile, col: ColumnProfile, values: SourceValues | None) -> list[str]:
    """The columns whose values the column joins on every filled row, or [] when it holds more."""
    if values is None or col.null_share >= 1.0:
        return []
    names = [c.column for c in table.columns if not c.column.startswith("_")]
    if col.column not in names:
        return []
    rows = [r for r in values.rows(table.table, names) if (r[col.column] or "").strip()]
    if len(rows) < MIN_ROWS:
        return []
    used: set[str] = set()
    for row in rows:
        joined, parts = _joins_row(row, col.column)
        if not joined:
            return []
        used |= parts
    return [c for c in names if c in used]


def joined_reason(table: TableProfile, col: ColumnProfile, values: SourceValues | None) -> str | None:
    parts = joined_from(table, col, values)
    if not parts:
        return None
    named = ", ".join(f"'{p}'" for p in parts[:4]) + (", …" if len(parts) > 4 else "")
    return f"only joins what the row's own columns hold ({named}), which map themselves"
