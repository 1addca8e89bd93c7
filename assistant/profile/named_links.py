"""Reference columns whose header names another table instead of saying 'id'.

Report exports write 'Parent Job' or 'Customer' where an API would write 'job_id': the header names
the table, the values are that table's keys. Only a column of codes (identifiers or whole numbers)
whose header names one table of the export is checked, and only against that table's keys, so the
cost is one query per such column; a count ('Jobs Count') is a measurement, never a reference, and
without 'id' in the header nearly every value must resolve before it is reported.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile

MIN_RESOLVED_BY_NAME = 0.9  # no 'id' in the header: the values alone must say it
# five-digit ids that repeat read as ZIP codes ('step' 28311 on many deals): codes all the same
_CODES = frozenset({SemanticType.IDENTIFIER, SemanticType.INTEGER, SemanticType.POSTAL_CODE})
_COUNT_WORDS = frozenset({"count", "number", "num", "total", "qty", "quantity", "amount", "sum", "of"})
Target = tuple[str, str]


def _words(header: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", header)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def named_table(column: ColumnProfile, table: TableProfile, tables: list[TableProfile]) -> str | None:
    """The one other table a code column's header names ('Parent Job' -> 'jobs'), if any."""
    if column.semantic_type not in _CODES or column.column == table.primary_key:
        return None
    words = _words(column.column)
    if not words or _COUNT_WORDS & set(words):
        return None
    named = {
        t.table
        for t in tables
        if t.table != table.table
        and t.parent_table is None
        and any(_norm(t.table) in (w, f"{w}s", f"{w}es") for w in words)
    }
    return next(iter(named)) if len(named) == 1 else None


def named_targets(
    column: ColumnProfile, table: TableProfile, tables: list[TableProfile], keys: dict[str, list[str]]
) -> list[Target]:
    """The keys of the table the header names: the only targets such a column is checked against."""
    target = named_table(column, table, tables)
    return [(target, key) for key in keys.get(target, [])] if target else []


def resolves_enough(share: float, no_id_word: bool) -> bool:
    return share >= MIN_RESOLVED_BY_NAME or not no_id_word
