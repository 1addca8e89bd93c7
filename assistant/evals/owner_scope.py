"""When a gold owner block is not scored: no column of the table was read as an owner, rightly.

A gold may let the column naming a record's person be read either as the owner or as something
else (a company has no owner field in HighLevel, so a company's sales rep may be kept as text or
skipped). Its owner block then lists whom each value would be, should the owner reading be taken.
When the proposal took another reading the field scorer accepts, nothing consumes an owner map, so
missing matches are no error. Whenever the proposal did list a person, the match is still judged.
"""

from __future__ import annotations

from assistant.evals.gold_models import Gold, Reading
from assistant.evals.predictions import Predictions

OWNER_FIELDS = frozenset({"assignedTo", "assignedUserId"})


def _reads_owner(reading: Reading) -> bool:
    return any(t.kind == "standard" and t.field in OWNER_FIELDS for t in reading)


def owners_unused(gold: Gold, pred: Predictions, table: str) -> bool:
    """Every gold owner column of the table may be read otherwise, and the proposal read none as owner."""
    carriers = {
        column: gold_column
        for column, gold_column in gold.fields.get(table, {}).items()
        if any(_reads_owner(r) for r in gold_column.readings)
    }
    if not carriers:
        return False
    for column, gold_column in carriers.items():
        if all(_reads_owner(r) for r in gold_column.readings):
            return False
        proposed = pred.fields.get((table, column), set())
        if any(t.kind == "standard" and t.field in OWNER_FIELDS for t in proposed):
            return False
    return True
