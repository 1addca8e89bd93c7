"""Column widths from the terminal's width: fixed widths are minimums, text columns share the rest.

Fixed widths keep one wide sample from pushing the table sideways; stretching the text columns
over the spare width shows whole targets and samples instead of cutting them while half the
screen stays empty.
"""

from __future__ import annotations

from collections.abc import Sequence

FRAME = 4  # the table's border and its vertical scrollbar
PADDING = 2  # one cell each side of every column
AUTO_GUESS = 10  # a column sized by its content (status, counts)


def column_widths(minimums: Sequence[int | None], stretch: Sequence[bool], total: int) -> list[int | None]:
    """Widths for a table ``total`` cells wide; columns with ``stretch`` grow in proportion."""
    used = FRAME + PADDING * len(minimums) + sum(w if w is not None else AUTO_GUESS for w in minimums)
    grow = [n for n, (w, s) in enumerate(zip(minimums, stretch, strict=True)) if s and w is not None]
    spare = max(0, total - used)
    weights = sum(minimums[n] or 0 for n in grow)
    out = list(minimums)
    given = 0
    for position, n in enumerate(grow):
        base = minimums[n] or 0
        extra = spare - given if position == len(grow) - 1 else spare * base // weights
        given += extra
        out[n] = base + extra
    return out
