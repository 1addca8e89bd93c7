"""Columns a flat export copies from the row another column links to, found by their values.

An estimate row that links to its job often repeats the job's 'Client Name' too. The copy carries
nothing of its own: the linked record already holds it, and copying it again onto a custom field
of this record only duplicates data that goes stale. A column is read as a copy when the linked
table has a column of the same name and, on nearly every row whose link resolves, both hold the
same value; the name alone is not enough (a work order's own 'Status' is not its job's). Only
columns that describe who the linked record is (names, e-mails, phones, addresses) are read so: a
work order scheduled on its job's date still has a date of its own.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.sourcedata import SourceValues

MIN_AGREEING = 0.9  # share of resolved rows whose value is the linked row's
MIN_ROWS = 5  # a handful of agreeing rows proves nothing
S = SemanticType
_DESCRIBES = (S.PERSON_NAME, S.COMPANY_NAME, S.FREE_TEXT, S.EMAIL, S.PHONE, S.ADDRESS)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _agrees(values: SourceValues, table: str, column: str, link: ColumnProfile, twin: str) -> bool:
    fk = link.foreign_key
    assert fk is not None
    theirs = {
        r[fk.target_column]: r[twin]
        for r in values.rows(fk.target_table, [fk.target_column, twin])
        if r[fk.target_column] is not None
    }
    pairs = [
        (mine, theirs[key])
        for r in values.rows(table, [column, link.column])
        if (mine := r[column]) and mine.strip() and (key := r[link.column]) is not None and key in theirs
    ]
    if len(pairs) < MIN_ROWS:
        return False
    same = sum(1 for mine, other in pairs if other is not None and _same(mine, other))
    return same >= MIN_AGREEING * len(pairs)


def copied_through_links(
    table: TableProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> dict[str, str]:
    """Column -> the link column whose linked row holds the same value under the same name."""
    if values is None:
        return {}
    out: dict[str, str] = {}
    links = [c for c in table.columns if c.foreign_key is not None and not c.foreign_key.by_names]
    for link in links:
        assert link.foreign_key is not None
        parent = tables.get(link.foreign_key.target_table)
        if parent is None or parent.table == table.table:
            continue
        key = link.foreign_key.target_column
        named = {tokens(c.column): c.column for c in parent.columns if c.column != key}
        for col in table.columns:
            twin = named.get(tokens(col.column))
            if col.column in out or col.foreign_key is not None or twin is None or col.column.startswith("_"):
                continue
            if col.semantic_type not in _DESCRIBES:
                continue
            if _agrees(values, table.table, col.column, link, twin):
                out[col.column] = link.column
    return out
