"""Four-digit postal codes (Australia, New Zealand, Belgium, Austria, Switzerland, Denmark, Norway…).

Four digits alone are as often a year, a quantity or a code of the old system, so the values are read
as postal codes only under a header that names one ('POPostalCode', 'Post Code', 'zip'). Read as whole
numbers they would become a numeric field: '0800' (Darwin) would lose its zero and postcodes would be
summed like amounts.
"""

from __future__ import annotations

from assistant.profile.formats import Detected, pct
from assistant.profile.models import SemanticType
from assistant.profile.stats import ColumnStats

SHARE = 0.9  # postcodes are clean: a street or a city typed in the column is a rare slip


def four_digit_postcodes(stats: ColumnStats, postal_header: bool) -> Detected | None:
    """Postal codes of four digits under a postal-code header, else None."""
    share = stats.share("postal4")
    if not postal_header or share < SHARE:
        return None
    evidence = [f"{pct(share)} are 4-digit postal codes", "column name says postal code"]
    return Detected(SemanticType.POSTAL_CODE, share, evidence)
