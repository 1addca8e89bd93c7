"""A second column naming, on every row, the very record another column already links to.

A job report names its customer ('Customer': the company 'Cedar Fitness', or a person's name) and
then the customer's contact ('Contact Name': 'Ruby Bennett'), which is the same customer record
spelled by its person's first and last name. The profile finds both columns link to the customers
table; the record takes one contact link, which the first column feeds. The second adds nothing:
kept as a custom field it repeats the linked customer's name. It is read so only when, on nearly
every row where both resolve, they name the same row of the linked table: a deal's 'Referred By'
names another person of that table and keeps a field of its own.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, ForeignKey, TableProfile
from assistant.propose.name_references import name_key
from assistant.propose.sourcedata import SourceValues

MIN_SAME = 0.9  # share of rows where both columns resolve and name the same row
MIN_ROWS = 5  # a handful of agreeing rows proves nothing


def _row_index(fk: ForeignKey, values: SourceValues) -> dict[str, int]:
    """Each spelling of the target's rows -> the row it names (by key, or by each name spelling)."""
    spellings = fk.by_names or [[fk.target_column]]
    columns = list(dict.fromkeys(c for s in spellings for c in s))
    index: dict[str, int] = {}
    for i, row in enumerate(values.rows(fk.target_table, columns)):
        for spelled in spellings:
            parts = [row[c] for c in spelled]
            if all(p for p in parts):
                key = " ".join(p or "" for p in parts)
                index.setdefault(name_key(key) if fk.by_names else key, i)
    return index


def _resolve(fk: ForeignKey, index: dict[str, int], cell: str | None) -> int | None:
    if not cell or not cell.strip():
        return None
    return index.get(name_key(cell) if fk.by_names else cell)


def _same_rows(table: str, link: ColumnProfile, other: ColumnProfile, values: SourceValues) -> bool:
    assert link.foreign_key is not None and other.foreign_key is not None
    first, second = _row_index(link.foreign_key, values), _row_index(other.foreign_key, values)
    pairs = [
        (a, b)
        for r in values.rows(table, [link.column, other.column])
        if (a := _resolve(link.foreign_key, first, r[link.column])) is not None
        and (b := _resolve(other.foreign_key, second, r[other.column])) is not None
    ]
    return len(pairs) >= MIN_ROWS and sum(a == b for a, b in pairs) >= MIN_SAME * len(pairs)


def same_record_link(table: TableProfile, column: ColumnProfile, values: SourceValues | None) -> str | None:
    """Another link column of the table naming, on nearly every row, the row this column names."""
    fk = column.foreign_key
    if values is None or fk is None:
        return None
    for link in table.columns:
        theirs = link.foreign_key
        if link.column == column.column or theirs is None or theirs.target_table != fk.target_table:
            continue
        if _same_rows(table.table, link, column, values):
            return link.column
    return None
