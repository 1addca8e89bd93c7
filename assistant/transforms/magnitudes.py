"""Amounts abbreviated with a magnitude letter: '41.6k' is 41,600 and '1.2M' is 1,200,000.

CRM exports and hand-kept sheets write large deal values that way beside plain ones. Stripping every
non-digit would read '41.6k' as 41.6, a thousand times too small, with nothing to say so. The letter
counts only right after a digit, so a currency code ending in K or M ('1,200 DKK') is not read as one.
"""

from __future__ import annotations

MAGNITUDES = {"k": 1_000, "m": 1_000_000}


def magnitude_sql(raw: str) -> str:
    """SQL of the factor a text amount's trailing magnitude letter stands for (1 without one)."""
    last = f"lower(right(rtrim({raw}), 1))"
    cases = " ".join(f"WHEN '{letter}' THEN {factor}" for letter, factor in MAGNITUDES.items())
    # the cheap last-letter test first; the regex runs only on the few cells ending in k or m
    letter = f"regexp_matches(rtrim({raw}), '[0-9] ?[kKmM]$')"
    return f"(CASE WHEN {last} IN ('k', 'm') AND {letter} THEN (CASE {last} {cases} END) ELSE 1 END)"
