"""Yes/no columns a pick-list decides on every row ('IsWon' beside 'StageName', a task's 'IsClosed'
beside its 'Status').

CRM exports write the outcome twice: the stage or status, and flags computed from it. A flag that
every value of a richer pick-list fixes (each stage has one 'IsWon') carries nothing of its own: the
pick-list's map already sets the deal's status or the task's completion, and a checkbox field (or a
second feed of 'completed') would only repeat it. A task flag whose header says the task is complete
('is_complete', 'Done') is that completion itself, though, not a copy of it: the status beside it
is the derived reading ('IsClosed' is not: a cancelled task is closed too).
"""

from __future__ import annotations

from collections import defaultdict

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_ROWS = 10  # fewer rows decide nothing
MIN_ROWS_PER_VALUE = 3.0  # the deciding pick-list's values recur, or any column would 'decide' the flag
MIN_VALUES = 3  # richer than the flag itself
_COMPLETION_WORDS = frozenset({"complete", "completed", "done", "finished"})


def names_completion(column: ColumnProfile) -> bool:
    """A yes/no header that says the task is complete ('is_complete', 'Done'), not merely closed."""
    return column.semantic_type == S.BOOLEAN and bool(_COMPLETION_WORDS & set(tokens(column.column)))


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
    own = primary == TargetObject.TASK
    flags = [c for c in columns if c.semantic_type == S.BOOLEAN and not (own and names_completion(c))]
    choices = [c for c in columns if c.semantic_type == S.PICKLIST and c.foreign_key is None]
    out: dict[str, str] = {}
    for flag in flags:
        for choice in choices:
            rows = values.rows(table, [choice.column, flag.column])
            if _decides(rows, choice.column, flag.column):
                out[flag.column] = choice.column
                break
    return out
