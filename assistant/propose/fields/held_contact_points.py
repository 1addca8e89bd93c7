"""E-mails and phones on a linked record's row that the linked table already holds, for someone.

A CRM lead that links to its customer by name often also carries the lead's own contact details,
and when the customer is a company those belong to one of its people, not to the company row the
link reaches. Compared row by row they disagree, yet every one of them is an e-mail (or phone)
of a record of the linked table, which arrives in HighLevel as a contact with it. Carried again
on the deal they would only be a second, stale copy (and as custom fields of the opportunity, the
wrong home for a person's details), so such a column is read as held by the linked table.
"""

from __future__ import annotations

import re

from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_HELD = 0.95  # share of the column's distinct values the linked table holds
MIN_VALUES = 5  # a handful proves nothing
_POINTS = (S.EMAIL, S.PHONE)


def _key(value: str, kind: SemanticType) -> str:
    if kind == S.PHONE:
        return re.sub(r"\D", "", value)[-9:]  # national digits: '+1 431 864 3148' is '(431) 864-3148'
    return value.strip().casefold()


def _theirs(values: SourceValues, table: TableProfile, kind: SemanticType) -> set[str]:
    columns = [c.column for c in table.columns if c.semantic_type in (kind, S.MULTI_VALUE)]
    out: set[str] = set()
    for row in values.rows(table.table, columns, limit=50000):
        for cell in row.values():
            out |= {_key(v, kind) for v in re.split(r"[,;|]", cell or "") if v.strip()}
    return out - {""}


def held_by_linked_table(
    table: TableProfile, tables: dict[str, TableProfile], values: SourceValues | None
) -> dict[str, tuple[str, str]]:
    """E-mail or phone column -> (link column, linked table) whose rows hold nearly all its values."""
    if values is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for link in (c for c in table.columns if c.foreign_key is not None):
        assert link.foreign_key is not None
        parent = tables.get(link.foreign_key.target_table)
        if parent is None or parent.table == table.table:
            continue
        for col in table.columns:
            if col.column in out or col.semantic_type not in _POINTS or col.foreign_key is not None:
                continue
            if "owner" in concepts(col.column):  # the record's owner is a user the row names, no copy
                continue
            distinct = values.distinct(table.table, col.column, limit=5000)
            mine = {_key(v.value, col.semantic_type) for v in distinct}
            mine.discard("")
            theirs = _theirs(values, parent, col.semantic_type)
            if len(mine) >= MIN_VALUES and len(mine & theirs) >= MIN_HELD * len(mine):
                out[col.column] = (link.column, parent.table)
    return out
