"""Day/month order of a date column whose own values cannot settle it, read from its neighbours.

"04/02/2025" is the 4th of February or the 2nd of April. A column where no part exceeds 12 is
assumed from the default country; but an export writes its dates one way, so another date column
of the same export whose values prove the order (a part above 12) settles it. Columns of the same
table count first; a split vote settles nothing.
"""

from __future__ import annotations

from collections import Counter

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile

ASSUMED = "no part above 12; assumed"
_PROVEN = "values have a"  # "53 values have a second part above 12 → MM/DD/YYYY"
_ORDERS = ("%d", "%m")


def _order(column: ColumnProfile) -> tuple[str, str] | None:
    """(separator, first part) of a day/month date format, None for any other format."""
    fmt = column.format or ""
    if column.semantic_type not in (SemanticType.DATE, SemanticType.DATETIME) or len(fmt) < 5:
        return None
    if fmt[:2] not in _ORDERS or fmt[3:5] not in _ORDERS or fmt[2] != fmt[5]:
        return None
    return fmt[2], fmt[:2]


def _proven(columns: list[ColumnProfile]) -> Counter[tuple[str, str]]:
    return Counter(
        order for c in columns if (order := _order(c)) and any(_PROVEN in line for line in c.evidence)
    )


def settle_date_orders(profiles: list[TableProfile]) -> None:
    """Give each assumed day/month column the order its table (else its export) proves, unanimously."""
    export = _proven([c for p in profiles for c in p.columns])
    for profile in profiles:
        table = _proven(profile.columns)
        for column in profile.columns:
            order = _order(column)
            line = next((e for e in column.evidence if ASSUMED in e), None)
            if order is None or line is None:
                continue
            for votes, where in ((table, "this table"), (export, "this export")):
                seen = {first for sep, first in votes if sep == order[0]}
                if len(seen) == 1:
                    _settle(column, seen.pop(), line, where)
                    break


def _settle(column: ColumnProfile, first: str, line: str, where: str) -> None:
    fmt = column.format or ""
    second = "%m" if first == "%d" else "%d"
    sep = fmt[2]
    column.format = f"{first}{sep}{second}{fmt[5:]}"
    words = "DD/MM/YYYY" if first == "%d" else "MM/DD/YYYY"
    column.evidence[column.evidence.index(line)] = (
        f"no part above 12; {words.replace('/', sep)} as the other dates of {where} prove"
    )
