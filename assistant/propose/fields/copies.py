"""Columns a flat export copies from the row another column links to, found by their values.

An estimate row that links to its job often repeats the job's 'Client Name' too. The copy carries
nothing of its own: the linked record already holds it, and copying it again onto a custom field
of this record only duplicates data that goes stale. A column is read as a copy when the linked
table has a column of the same name (for e-mails and phones, which exports rename, a column of the
same kind) and, on nearly every row whose link resolves (by key or by the record's name), both hold
the same value; the name alone is not enough (a work order's own 'Status' is not its job's). Only
columns that describe who the linked record is (names, e-mails, phones, addresses) are read so: a
work order scheduled on its job's date still has a date of its own. A link can be a copy too: a
deal's account id that its contact's own account id matches is reached through the contact.
A linked table that itself links back to this record (or to the record a nested list belongs to)
holds its dependents: a job at a customer's location repeats the location's street, not the other
way round, so agreeing values there say nothing about which one is the copy.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.name_references import name_key
from assistant.propose.normalize import concepts, tokens
from assistant.propose.sourcedata import SourceValues

MIN_AGREEING = 0.9  # share of resolved rows whose value is the linked row's
MIN_ROWS = 5  # a handful of agreeing rows proves nothing
S = SemanticType
_DESCRIBES = (S.PERSON_NAME, S.COMPANY_NAME, S.FREE_TEXT, S.EMAIL, S.PHONE, S.ADDRESS)
_CONTACT_POINTS = (S.EMAIL, S.PHONE)
_PERSON_PARTS = ("first_name", "last_name", "full_name")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _first(cell: str) -> str:
    """The first item of a cell holding several ('a@x.com, b@y.com'): the one a copy repeats."""
    return re.split(r"[,;|]", cell, maxsplit=1)[0]


def _key(value: str, by_names: bool) -> str:
    return name_key(value) if by_names else value


def _agrees(values: SourceValues, table: str, column: str, link: ColumnProfile, twin: str) -> bool:
    fk = link.foreign_key
    assert fk is not None
    spellings = fk.by_names or [[fk.target_column]]  # a link by name: its spellings, in the order tried
    rows = values.rows(fk.target_table, list(dict.fromkeys([*(c for s in spellings for c in s), twin])))
    theirs: dict[str, str | None] = {}
    for spelled in spellings:
        for r in rows:
            parts = [r[c] for c in spelled]
            if all(p is not None for p in parts):
                theirs.setdefault(_key(" ".join(p or "" for p in parts), bool(fk.by_names)), r[twin])
    pairs = [
        (mine, theirs[key])
        for r in values.rows(table, [column, link.column])
        if (mine := r[column])
        and mine.strip()
        and r[link.column] is not None
        and (key := _key(r[link.column] or "", bool(fk.by_names))) in theirs
    ]
    if len(pairs) < MIN_ROWS:
        return False
    same = sum(1 for mine, other in pairs if other is not None and _same(mine, _first(other)))
    return same >= MIN_AGREEING * len(pairs)


def _person_name_header(col: ColumnProfile) -> bool:
    """A first or last name: repeated over a small sample ('John' on many rows) it profiles as a
    pick-list, yet it still says who the linked record is."""
    found = concepts(col.column)
    return bool(found) and found[0] in _PERSON_PARTS


def _twins(col: ColumnProfile, parent: TableProfile, key: str) -> list[str]:
    """The linked table's columns a column may copy: the same name, else (for e-mails and phones,
    which exports rename: 'Client email' of 'E-mails') every column of the same kind of value."""
    named = [c.column for c in parent.columns if c.column != key and tokens(c.column) == tokens(col.column)]
    if named or col.semantic_type not in _CONTACT_POINTS:
        return named
    kinds = (col.semantic_type, S.MULTI_VALUE)
    return [c.column for c in parent.columns if c.semantic_type in kinds and c.column != key]


def _depends_on(linked: TableProfile, table: TableProfile) -> bool:
    """The linked table keys its rows to this table or to the record this nested list belongs to."""
    owners = {table.table, table.parent_table} - {None}
    return any(
        c.foreign_key is not None and not c.foreign_key.by_names and c.foreign_key.target_table in owners
        for c in linked.columns
    )


def copied_through_links(
    table: TableProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> dict[str, str]:
    """Column -> the link column whose linked row holds the same value under the same name."""
    if values is None:
        return {}
    out: dict[str, str] = {}
    links = [c for c in table.columns if c.foreign_key is not None]
    for link in links:
        assert link.foreign_key is not None
        parent = tables.get(link.foreign_key.target_table)
        if parent is None or parent.table == table.table or _depends_on(parent, table):
            continue
        for col in table.columns:
            if col.column in out or col.foreign_key is not None or col.column.startswith("_"):
                continue
            if col.semantic_type not in _DESCRIBES and not _person_name_header(col):
                continue
            twins = _twins(col, parent, link.foreign_key.target_column)
            if any(_agrees(values, table.table, col.column, link, twin) for twin in twins):
                out[col.column] = link.column
    return out


def repeated_link(
    table: TableProfile, column: ColumnProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> str | None:
    """Another link column whose linked row points at the same record as ``column`` on nearly every
    row (a deal's account id beside its contact's id, the contact holding that account id): ``column``
    only repeats what that linked record already links to."""
    fk = column.foreign_key
    if values is None or fk is None:
        return None
    for link in table.columns:
        other = link.foreign_key
        if (
            other is None
            or other.by_names
            or link.column == column.column
            or other.target_table == fk.target_table
        ):
            continue
        parent = tables.get(other.target_table)
        twins = [
            c.column
            for c in (parent.columns if parent else [])
            if c.foreign_key is not None and c.foreign_key.target_table == fk.target_table
        ]
        if any(_agrees(values, table.table, column.column, link, twin) for twin in twins):
            return link.column
    return None
