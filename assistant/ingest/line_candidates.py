"""The readings of a line with the wrong field count, and the one the column shapes single out.

A line with k fields too many is read every way k adjacent fields can be re-joined with the
delimiter put back; a line cut short is read as its first columns (also with up to two re-joins,
for a cut line that also holds an unquoted delimiter). A reading is taken only when it is the one
reading whose every value fits its column; none fitting, or several, leaves the line rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from math import comb

from assistant.ingest.column_shapes import ColumnShape

MAX_JOINS = 3
"""At most this many unquoted delimiters in one line are re-joined (more is a different file)."""
MAX_JOINS_CUT = 2
MAX_READINGS = 20_000
"""A line with more ways to re-join than this stays rejected rather than cost minutes."""


@dataclass(frozen=True)
class Reading:
    values: list[str]
    joins: list[tuple[int, int]] = field(default_factory=list)
    """0-based (first, last) fields of the line re-joined into one value."""


@dataclass(frozen=True)
class Choice:
    reading: Reading | None
    why_not: str = ""
    """When no reading is taken: why (none fits, or which several fit)."""


def choose(fields: list[str], shapes: list[ColumnShape], delimiter: str) -> Choice:
    """The one reading of ``fields`` whose values all fit their columns' shapes, if exactly one."""
    width, n = len(shapes), len(fields)
    if n < width and sum(1 for f in fields if f.strip()) < 2:
        return Choice(None, "it holds fewer than two values to place")
    counts = [n - width] if n > width else list(range(min(MAX_JOINS_CUT, n - 2) + 1))
    if n > width and n - width > MAX_JOINS:
        return Choice(None, f"{n - width} fields too many: more than {MAX_JOINS} to re-join")
    if sum(comb(n - 1, k) for k in counts) > MAX_READINGS:
        return Choice(None, "too many ways to re-join its fields to weigh")
    fit = _FitCache(fields, shapes, delimiter)
    fitting: list[Reading] = []
    for k in counts:
        for gaps in combinations(range(n - 1), k):
            groups = _groups(n, gaps)
            if all(fit(column, group) for column, group in enumerate(groups)):
                values = [delimiter.join(fields[a : b + 1]) for a, b in groups]
                fitting.append(Reading(values, [(a, b) for a, b in groups if b > a]))
                if len(fitting) > 1:
                    return Choice(None, "several readings of its fields fit the columns")
    if not fitting:
        return Choice(None, "no reading of its fields fits the columns")
    return Choice(fitting[0])


def continued(
    fields: list[str], following: list[str], shapes: list[ColumnShape], delimiter: str
) -> Reading | None:
    """The line joined with the next one across an unquoted line break, when that fits exactly."""
    if len(fields) + len(following) - 1 != len(shapes) or not following:
        return None
    values = [*fields[:-1], fields[-1] + "\n" + following[0], *following[1:]]
    if any(shape.misfit(v, delimiter, joined=False) for shape, v in zip(shapes, values, strict=True)):
        return None
    return Reading(values)


def _groups(n: int, gaps: tuple[int, ...]) -> list[tuple[int, int]]:
    """Fields 0..n-1 grouped by removing the delimiters after the fields in ``gaps``."""
    out, start = [], 0
    for i in range(n):
        if i == n - 1 or i not in gaps:
            out.append((start, i))
            start = i + 1
    return out


class _FitCache:
    """Whether fields a..b re-joined fit column c; each triple is weighed once across readings."""

    def __init__(self, fields: list[str], shapes: list[ColumnShape], delimiter: str) -> None:
        self.fields, self.shapes, self.delimiter = fields, shapes, delimiter
        self.known: dict[tuple[int, int, int], bool] = {}

    def __call__(self, column: int, group: tuple[int, int]) -> bool:
        if column >= len(self.shapes):
            return False
        key = (column, *group)
        if key not in self.known:
            a, b = group
            value = self.delimiter.join(self.fields[a : b + 1])
            self.known[key] = self.shapes[column].misfit(value, self.delimiter, joined=b > a) is None
        return self.known[key]
