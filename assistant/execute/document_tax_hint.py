"""The tax rate a document table's own totals imply, offered when its taxable lines have none.

Lines marked taxable without a rate column go untaxed until ``execute.tax_rate`` names the rate. The
documents' stated totals usually say which it is: the tax each states (its total less its lines'
net) over its taxable lines' net. The median of those, to a hundredth of a percent, is offered only
when it reproduces the stated tax, to the cent, of most of the documents; it is never applied.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assistant.execute.document_records import lines_of

CENT = Decimal("0.01")


def implied_rate(documents: list[dict[str, Any]], flag: str) -> tuple[Decimal, int, int] | None:
    """(rate, documents whose tax it reproduces, documents read), or None when most disagree."""
    stated: list[tuple[Decimal, Decimal]] = []  # (tax the document states, its taxable net)
    for values in documents:
        raw = values.get("lines") or []
        lines = lines_of(values)
        taxable = sum((n.net for n, r in zip(lines, raw, strict=True) if r.get(flag) == "yes"), Decimal(0))
        net = sum((n.net for n in lines if not n.is_heading), Decimal(0))
        if values.get("total") is None or taxable <= 0:
            continue
        stated.append((Decimal(str(values["total"])) - net, taxable))
    if not stated:
        return None
    rates = sorted(tax / taxable * 100 for tax, taxable in stated)
    rate = rates[len(rates) // 2].quantize(CENT, rounding=ROUND_HALF_UP)
    kept = sum(1 for tax, taxable in stated if (taxable * rate / 100).quantize(CENT, ROUND_HALF_UP) == tax)
    return (rate, kept, len(stated)) if kept * 2 > len(stated) else None


def hint(found: tuple[Decimal, int, int] | None) -> str:
    if found is None:
        return ""
    rate, kept, read = found
    return (
        f" (the documents' own totals imply {rate:g} %: it gives the stated tax of {kept} of {read}; "
        f"execute.tax_rate = {rate:g})"
    )
