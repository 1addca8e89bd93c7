"""Money held in minor units (cents): integer amounts an API writes as 1060000 for 10,600.00.

The name may say so ('amount_cents', 'value in cents'): then dividing by 100 is certain. Otherwise
only the magnitudes hint at it — whole numbers, every one a multiple of 100, none below 10,000 —
and a price list in whole dollars looks the same, so the proposal divides but stays below the
review threshold with the reason written down: a person decides.
"""

from __future__ import annotations

from assistant.mapping.items import Transform
from assistant.mapping.models import Evidence, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens

S = SemanticType
_MINOR_WORDS = frozenset({"cents", "cent", "centavos", "centimos", "pence", "minor"})
MIN_SEEN = 3  # a couple of round numbers prove nothing
GUESS_CONFIDENCE = 0.6  # below the default review threshold: magnitudes alone are a hint


def _whole(text: str) -> int | None:
    cleaned = text.strip().replace(",", "")
    return int(cleaned) if cleaned.lstrip("-").isdigit() else None


def minor_units(column: ColumnProfile) -> tuple[str, bool] | None:
    """Why the column's amounts look like cents, and whether its name says so (else a guess)."""
    if _MINOR_WORDS & set(tokens(column.column)):
        return f"the name '{column.column}' says the amounts are in minor units (cents)", True
    if column.semantic_type not in (S.INTEGER, S.MONEY):
        return None
    seen = [_whole(v.value) for v in column.top_values] + [_whole(v) for v in column.samples]
    for bound in (column.min_value, column.max_value):
        seen.append(_whole(bound) if bound is not None else None)
    if len(seen) < MIN_SEEN or any(v is None for v in seen):
        return None
    numbers = [v for v in seen if v is not None]
    if all(v % 100 == 0 and abs(v) >= 10000 for v in numbers if v != 0):
        low = min(abs(v) for v in numbers if v != 0) if any(numbers) else 0
        if low:
            return f"every amount is a whole multiple of 100 and at least {low:,}: probably cents", False
    return None


def in_minor_units(
    column: ColumnProfile, transform: Transform, evidence: list[Evidence], why: str, confidence: float
) -> tuple[str, float]:
    """A money map of amounts in cents divides by 100; a guess from magnitudes stays for review."""
    found = minor_units(column) if transform.kind == TransformKind.MONEY else None
    if found is None:
        return why, confidence
    reason, named = found
    transform.params["minor_units"] = 2
    evidence.append(Evidence(source="profile", detail=reason))
    return f"{why}; divided by 100 because {reason}", confidence if named else min(
        confidence, GUESS_CONFIDENCE
    )
