"""The readings of a line with the wrong field count, and the one the column shapes single out.

A line with k fields too many is read every way k adjacent fields can be re-joined with the
delimiter put back; a line cut short is read as its first columns (also with up to two re-joins,
for a cut line that also holds an unquoted delimiter). A reading is taken only when it is the one
reading whose every value fits its column; none fitting, or several, leaves the line rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ingest.column_shapes import ColumnShape

MAX_JOINS = 3
"""At most this many unquoted delimiters in one line are re-joined (more is a different file)."""
MAX_JOINS_CUT = 2


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
    if n > width and n - width > MAX_JOINS:
        return Choice(None, f"{n - width} fields too many: more than {MAX_JOINS} to re-join")
    if n < width and sum(1 for f in fields if f.strip()) < 2:
        return Choice(None, "it holds fewer than two values to place")
    fit = _FitCache(fields, shapes, delimiter)
    # a long line fills every column; a cut one its first columns, maybe with a few re-joins too
    spans = [width] if n > width else [n - j for j in range(min(MAX_JOINS_CUT, n - 2) + 1)]
    found: list[Reading] = []
    for columns in spans:
        ways = _Ways(n, columns, fit)
        count = ways.count(0, 0)
        if count:
            found.append(ways.reading(fields, delimiter))
        if count > 1 or len(found) > 1:
            return Choice(None, "several readings of its fields fit the columns")
    if not found:
        return Choice(None, "no reading of its fields fits the columns")
    return Choice(found[0])


class _Ways:
    """Readings of n fields as the first ``columns`` columns, each column taking adjacent fields.

    Counted by dynamic programming over (field, column), capped at 2: one fit check per column and
    group, never one per combination, so a wide line costs its width times its extra fields. The
    table is filled from the last column back, without recursion: a line of thousands of columns
    would otherwise go deeper than Python allows.
    """

    def __init__(self, n: int, columns: int, fit: _FitCache) -> None:
        self.n, self.columns, self.fit = n, columns, fit
        self.known: dict[tuple[int, int], int] = {}
        self.filled = False

    def count(self, i: int, c: int) -> int:
        """Readings (0, 1 or 2 meaning several) of fields ``i``… as columns ``c``…."""
        if not self.filled:
            self._fill()
        return self._at(i, c)

    def _at(self, i: int, c: int) -> int:
        if c == self.columns:
            return 1 if i == self.n else 0
        return self.known.get((i, c), 0)

    def _fill(self) -> None:
        extra = self.n - self.columns  # fields beyond one per column: column c starts at c … c + extra
        for c in range(self.columns - 1, -1, -1):
            for i in range(c, c + extra + 1):
                total = 0
                for last in self._lasts(i, c):
                    if self.fit(c, (i, last)):
                        total = min(2, total + self._at(last + 1, c + 1))
                        if total > 1:
                            break
                self.known[(i, c)] = total
        self.filled = True

    def _lasts(self, i: int, c: int) -> range:
        spare = (self.n - i) - (self.columns - c)  # fields beyond one per remaining column
        return range(i, i + spare + 1) if spare >= 0 else range(0)

    def reading(self, fields: list[str], delimiter: str) -> Reading:
        """The one reading ``count`` found (call only when it is exactly one)."""
        values, joins, i = [], [], 0
        for c in range(self.columns):
            last = next(x for x in self._lasts(i, c) if self.fit(c, (i, x)) and self.count(x + 1, c + 1))
            values.append(delimiter.join(fields[i : last + 1]))
            if last > i:
                joins.append((i, last))
            i = last + 1
        return Reading(values, joins)


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
