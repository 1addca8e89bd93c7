"""What each column's values look like in the well-formed rows of a file, and whether a value fits.

A line with the wrong field count can often be read back when the file's good rows say what each
column holds: an email column gets emails, a state column two capitals, an id column codes. A
value's *kind* is read from its text alone; a column accepts the kinds (and the empty value, and
padding with spaces) that a fair share of its good rows show.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MIN_SHARE = 0.01
"""A kind seen in fewer good rows than this share (outliers, typos) is not the column's."""

_KINDS = (
    ("email", re.compile(r"[^@\s,;]+@[^@\s,;]+\.[A-Za-z]{2,}")),
    ("url", re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)),
    ("date", re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?\S*)?")),
    ("number", re.compile(r"[+-]?(\d{1,3}([., ]\d{3})+|\d+)([.,]\d+)?%?")),
    ("phone", re.compile(r"\+?[\d\s().-]{7,}")),
    ("code", re.compile(r"[A-Za-z]{1,4}[-_]?\d+")),
    ("capitals", re.compile(r"[A-Z]{2,3}")),
)
_PHONE_FIRST = tuple(sorted(_KINDS, key=lambda k: k[0] != "phone"))
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")


def value_kind(value: str) -> str:
    """``empty``, one of the shaped kinds above, or ``text``; a list of one kind is that kind."""
    text = value.strip()
    if not text:
        return "empty"
    kind = _single_kind(text)
    if kind != "text":
        return kind
    parts = [p for p in _LIST_SEPARATORS.split(text) if p]
    if len(parts) > 1:
        kinds = {_single_kind(p) for p in parts}
        if len(kinds) == 1 and kinds != {"text"}:
            return kinds.pop()
    return "text"


def _single_kind(text: str) -> str:
    # "+34 600 000 000" and "(512) 555-0100" are phones, though the first also reads as a number
    kinds = _PHONE_FIRST if text[0] in "+(" else _KINDS
    for kind, pattern in kinds:
        if pattern.fullmatch(text):
            if kind == "phone" and not 7 <= sum(ch.isdigit() for ch in text) <= 15:
                continue
            return kind
    return "text"


@dataclass
class ColumnShape:
    """The kinds one column's good values show, counted over ``rows`` sampled rows."""

    rows: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    padded: int = 0
    """Values with spaces before or after the text."""
    with_delimiter: int = 0
    """Values holding the file's delimiter (quoted in the file)."""

    def _common(self, count: int) -> bool:
        return count > 0 and count >= MIN_SHARE * self.rows

    def misfit(self, value: str, delimiter: str, joined: bool) -> str | None:
        """Why ``value`` does not look like this column's values, or None when it fits.

        A ``joined`` value was re-joined from fields split at an unquoted delimiter: it fits only
        where the column holds the delimiter, or where each one is followed by a space as in prose
        ("Lee, Sons & Co"), never as a bare separator ("Pat Lee,Lee").
        """
        kind = value_kind(value)
        if kind == "empty":
            return None  # an empty field says nothing against a column (its share is no shape)
        if not self._common(self.kinds[kind]):
            return f"a {kind} value where the column holds {self.describe()}"
        if value != value.strip() and not self._common(self.padded):
            return "spaces around the value where the column has none"
        if joined and any(not piece.strip() for piece in value.split(delimiter)):
            return f"an empty piece beside a {delimiter!r}: a stray delimiter, not a value's own"
        if joined and not self._common(self.with_delimiter):
            bare = [i for i, ch in enumerate(value) if ch == delimiter and value[i + 1 : i + 2] != " "]
            if bare:
                return f"a bare {delimiter!r} where the column holds none"
        return None

    def describe(self) -> str:
        common = [k for k, n in self.kinds.most_common() if self._common(n)]
        return " / ".join(common) or "nothing"


def column_shapes(
    names: Sequence[str], rows: Iterable[Sequence[str | None]], delimiter: str
) -> list[ColumnShape]:
    """The shape of each column over the given good rows (None values are not counted)."""
    shapes = [ColumnShape() for _ in names]
    for row in rows:
        for shape, value in zip(shapes, row, strict=False):
            if value is None:
                continue
            shape.rows += 1
            shape.kinds[value_kind(value)] += 1
            shape.padded += value != value.strip()
            shape.with_delimiter += delimiter in value
    return shapes
