"""The condition of an object target that splits a table on a value: ``'<column>' is '<value>'``.

A table whose rows are of two kinds (a contacts export marking each row a company or a person)
sends each kind to its own HighLevel object. The proposer writes the split, the review shows it as
text the engineer can edit, and the executor reads it back here; ``is not`` takes every other row.
"""

from __future__ import annotations

import re

VALUE = re.compile(
    r"^\s*'(?P<column>[^']+)'\s+is\s+(?P<negated>not\s+)?'(?P<value>[^']*)'\s*$", re.IGNORECASE
)


def value_condition(condition: str | None) -> tuple[str, str, bool] | None:
    """(column, value, negated) of a ``'<column>' is [not] '<value>'`` condition, else None."""
    match = VALUE.match(condition or "")
    if match is None:
        return None
    return match.group("column"), match.group("value"), bool(match.group("negated"))


def value_condition_text(column: str, value: str, negated: bool = False) -> str:
    return f"'{column}' is {'not ' if negated else ''}'{value}'"
