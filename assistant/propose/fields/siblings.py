"""Sibling columns that compete for one standard field ('Projected Revenue Low' / '… High').

Two number columns named alike that score the same on one single-valued field are two readings of
one quantity (a range, an estimate beside an actual): the first one in the export is no better a
choice than the other. Neither takes the field; each keeps its values in a field of its own, the
standard field offered to the reviewer as the alternative. Unless the values tell them apart: an
amount held on clearly more rows (an approved estimate's total beside an invoice total that stays 0
until the job is billed) is the one the record carries; the other keeps a field of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

TIE = 0.01  # scores this close are one reading found twice
FULLER = 1.5  # an amount on this many times the rows of its sibling's is the record's own
MIN_FILLED_GAP = 0.2  # ... and on at least this share of all rows more
# amounts and counts: a range or an estimate beside an actual. Contact points and address lines
# ('Email - Work' / '- Home', 'Street 1' / '2') have rules of their own for which one fills the field.
QUANTITIES = frozenset({SemanticType.MONEY, SemanticType.DECIMAL, SemanticType.INTEGER})


def named_alike(a: str, b: str) -> bool:
    """At least two words shared, and they make up at least half of the longer header."""
    mine, theirs = set(tokens(a)), set(tokens(b))
    shared = len(mine & theirs)
    return shared >= 2 and shared * 2 >= max(len(mine), len(theirs))


def contested(pool: Sequence[tuple[float, ColumnProfile, Candidate]]) -> set[tuple[str, str, str]]:
    """(column, object, field) pairs of a standard field two alike columns tie on: none takes it."""
    out: set[tuple[str, str, str]] = set()
    for i, (score, col, cand) in enumerate(pool):
        for other_score, other, rival in pool[i + 1 :]:
            same_field = (rival.object, rival.field) == (cand.object, cand.field)
            quantities = col.semantic_type in QUANTITIES and other.semantic_type in QUANTITIES
            tied = same_field and other.column != col.column and abs(score - other_score) <= TIE
            if tied and quantities and named_alike(col.column, other.column):
                out |= {(c, cand.object.value, cand.field) for c in _losers(col, other)}
    return out


def filled_share(col: ColumnProfile) -> float:
    """Share of rows holding an amount: neither blank nor zero."""
    if not col.row_count:
        return 0.0
    zeros = sum(v.count for v in col.top_values if _is_zero(v.value))
    return max(0.0, (col.row_count - col.null_count - zeros) / col.row_count)


def _is_zero(text: str) -> bool:
    try:
        return float(text.replace(",", ".")) == 0.0
    except ValueError:
        return False


def _losers(a: ColumnProfile, b: ColumnProfile) -> tuple[str, ...]:
    """Both columns, unless one holds an amount on clearly more rows: then only the other."""
    fa, fb = filled_share(a), filled_share(b)
    if fa >= FULLER * fb and fa - fb >= MIN_FILLED_GAP:
        return (b.column,)
    if fb >= FULLER * fa and fb - fa >= MIN_FILLED_GAP:
        return (a.column,)
    return (a.column, b.column)
