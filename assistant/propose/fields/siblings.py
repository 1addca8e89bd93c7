"""Sibling columns that compete for one standard field ('Projected Revenue Low' / '… High').

Two number columns named alike that score the same on one single-valued field are two readings of
one quantity (a range, an estimate beside an actual): the first one in the export is no better a
choice than the other. Neither takes the field; each keeps its values in a field of its own, the
standard field offered to the reviewer as the alternative.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

TIE = 0.01  # scores this close are one reading found twice
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
                out |= {(c, cand.object.value, cand.field) for c in (col.column, other.column)}
    return out
