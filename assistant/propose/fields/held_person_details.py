"""A person's details on a linked record's row that the linked table already holds, for someone.

A CRM lead that links to its customer by name often also carries the lead's own contact details
(name, company, e-mail), and when the customer is a company those belong to one of its people,
not to the company row the link reaches. Compared row by row they disagree, yet each of them is a
name (or e-mail, or phone) of a record of the linked table, which arrives in HighLevel as a
contact with it. Carried again on the deal they would only be a second, stale copy (and as custom
fields of the opportunity, the wrong home for a person's details), so such a column is read as
held by the linked table. Names count only under a header that names another record ('Contact
Name', 'Company'): a deal's own title may well read like a person's name.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.name_references import name_key, other_record_named, spelled_names
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_HELD = 0.95  # share of the column's distinct values the linked table holds
MIN_VALUES = 5  # a handful proves nothing
_POINTS = (S.EMAIL, S.PHONE)


def _key(value: str, kind: SemanticType) -> str:
    if kind == S.PHONE:
        return re.sub(r"\D", "", value)[-9:]  # national digits: '+1 431 864 3148' is '(431) 864-3148'
    if kind == S.EMAIL:
        return value.strip().casefold()
    return name_key(value)


def _points(values: SourceValues, table: TableProfile, kind: SemanticType) -> set[str]:
    columns = [c.column for c in table.columns if c.semantic_type in (kind, S.MULTI_VALUE)]
    out: set[str] = set()
    for row in values.rows(table.table, columns, limit=50000):
        for cell in row.values():
            out |= {_key(v, kind) for v in re.split(r"[,;|]", cell or "") if v.strip()}
    return out - {""}


def _kind(table: TableProfile, col: ColumnProfile) -> SemanticType | None:
    """How the column's values are compared: as e-mails, phones or names (None: not a detail)."""
    if col.foreign_key is not None or "owner" in concepts(col.column):
        return None  # the link itself, or the record's owner: a user the row names, no copy
    if col.semantic_type in _POINTS:
        return col.semantic_type
    return S.PERSON_NAME if other_record_named(table, col) else None


def held_by_linked_table(
    table: TableProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> dict[str, tuple[str, str]]:
    """Detail column -> (link column, linked table) whose rows hold nearly all its values."""
    if values is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    held: dict[tuple[str, SemanticType], set[str]] = {}  # the linked table's values, read once per kind
    for link in (c for c in table.columns if c.foreign_key is not None):
        assert link.foreign_key is not None
        parent = tables.get(link.foreign_key.target_table)
        if parent is None or parent.table == table.table:
            continue
        for col in table.columns:
            kind = _kind(table, col)
            if col.column in out or kind is None:
                continue
            mine = {_key(v.value, kind) for v in values.distinct(table.table, col.column, limit=5000)}
            mine.discard("")
            if (parent.table, kind) not in held:
                read = (
                    spelled_names(values, parent) if kind == S.PERSON_NAME else _points(values, parent, kind)
                )
                held[(parent.table, kind)] = read
            theirs = held[(parent.table, kind)]
            if len(mine) >= MIN_VALUES and len(mine & theirs) >= MIN_HELD * len(mine):
                out[col.column] = (link.column, parent.table)
    return out
