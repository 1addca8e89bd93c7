"""Yes/no columns a pick-list decides on every row ('IsWon' beside 'StageName', a task's 'IsClosed'
beside its 'Status').

CRM exports write the outcome twice: the stage or status, and flags computed from it. A flag that
every value of a richer pick-list fixes (each stage has one 'IsWon') carries nothing of its own: the
pick-list's map already sets the deal's status or the task's completion, and a checkbox field (or a
second feed of 'completed') would only repeat it.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_ROWS = 10  # fewer rows decide nothing
MIN_ROWS_PER_VALUE = 3.0  # the deciding pick-list's values recur, or any column would 'decide' the flag
MIN_VALUES = 3  # richer than the flag itself


def _decides(rows: list[dict[str, str | None]], choice: str, flag: str) -> bool:
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        key, value = row[choice], row[flag]
        if key and key.strip() and value and value.strip():
            seen[key.strip().casefold()].add(value.strip().casefold())
    filled = sum(1 for r in rows if r[choice] and r[flag])
    flags = {v for values in seen.values() for v in values}
    return (
        filled >= MIN_ROWS
        and len(seen) >= MIN_VALUES
        and filled / len(seen) >= MIN_ROWS_PER_VALUE
        and len(flags) > 1
        and all(len(values) == 1 for values in seen.values())
    )


def decided_flags(
    primary: TargetObject, table: str, columns: list[ColumnProfile], values: SourceValues | None
) -> dict[str, str]:
    """Flag column -> the pick-list column that decides it, on a table of deals or tasks."""
    if primary not in (TargetObject.OPPORTUNITY, TargetObject.TASK) or values is None:
        return {}
    flags = [c for c in columns if c.semantic_type == S.BOOLEAN]
    choices = [c for c in columns if c.semantic_type == S.PICKLIST and c.foreign_key is None]
    out: dict[str, str] = {}
    for flag in flags:
        for choice in choices:
            rows = values.rows(table, [choice.column, flag.column])
            if _decides(rows, choice.column, flag.column):
                out[flag.column] = choice.column
                break
    return out
