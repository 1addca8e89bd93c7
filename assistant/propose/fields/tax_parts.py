"""A tax figure beside the amount it is levied on: a part of the record's total, never the total.

Invoice and quote exports give the tax twice: inside the total ('TotalAmt', 'Invoice Amount') and
again on its own ('TotalTax', 'Tax Total', 'VAT Amount'). Read by header words alone, 'Total Tax'
is as much a total as 'Total' and may take the record's amount first, leaving the real total a
custom field or nothing. The header naming a tax and the values together say what the column is:
on every row it is a small share of another amount of the same table (a tax rate is rarely above a
third; no tax at all is zero of it), so it is the tax on that amount. The total carries it, and
HighLevel works a document's tax out from its lines: the tax figure never takes the record's amount,
and on a record that takes no custom fields (a native invoice or estimate) it is not migrated.

Headers that name a tax rate, a registration number or a taxable flag are other things; a total
before or after tax ('ExTax', 'IncTax', 'Pre-Tax Subtotal') is most of the other amount, no share of
it, so the values keep it out.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import concepts, tokens
from assistant.propose.sourcedata import SourceValues

S = SemanticType
TAX_WORDS = frozenset({"tax", "taxes", "vat", "gst", "hst", "pst", "iva", "igic", "impuesto", "impuestos"})
# a tax header naming one of these is a rate, a tax number or a yes/no, not an amount of tax
_OTHER_TAX_CONCEPTS = frozenset({"tax_rate", "tax_id", "taxable", "discount", "reference", "identifier"})
_AMOUNTS = (S.MONEY, S.DECIMAL)
MAX_SHARE = 0.5  # of the amount it is levied on, on every row
MIN_ROWS = 5  # rows where the other amount is above zero
TAX_SKIP_CONFIDENCE = 0.7
RECORD_AMOUNTS = frozenset({"total", "monetaryValue", "amount", "lineTotal"})  # what a tax never fills


def amount_of(value: str | None) -> float | None:
    """A money cell as a number ('$1,234.50' -> 1234.5), None when it holds none."""
    text = "".join(ch for ch in (value or "") if ch.isdigit() or ch in ".-")
    try:
        return float(text) if text else None
    except ValueError:
        return None


def names_tax(col: ColumnProfile) -> bool:
    """An amount column whose header names a tax, and no rate, tax number or flag of it."""
    if col.semantic_type not in _AMOUNTS or not TAX_WORDS & set(tokens(col.column)):
        return False
    return not _OTHER_TAX_CONCEPTS & set(concepts(col.column))


def _share_of(values: SourceValues, table: str, tax: str, amount: str) -> bool:
    """On every row with both, the tax is at most MAX_SHARE of the amount, and enough rows show it."""
    rows = values.rows(table, [tax, amount])
    pairs = [(amount_of(r[tax]), amount_of(r[amount])) for r in rows]
    shown = [(t, a) for t, a in pairs if t is not None and a is not None]
    if any(t < 0 or t > MAX_SHARE * a for t, a in shown if a >= 0):
        return False
    return sum(1 for _t, a in shown if a > 0) >= MIN_ROWS and all(a >= 0 for _t, a in shown)


def tax_parts(table: TableProfile, values: SourceValues | None) -> dict[str, str]:
    """Tax column -> the amount column of the table it is, on every row, a small share of."""
    if values is None:
        return {}
    taxes = [c for c in table.columns if names_tax(c)]
    amounts = [c for c in table.columns if c.semantic_type in _AMOUNTS]  # 'Total.ExTax' is one too
    out: dict[str, str] = {}
    for tax in taxes:
        others = [a for a in amounts if a is not tax and _share_of(values, table.table, tax.column, a.column)]
        if others:  # of the amounts it is a share of, the largest: the one that holds it
            out[tax.column] = max(others, key=lambda a: _total(values, table.table, a.column)).column
    return out


def _total(values: SourceValues, table: str, column: str) -> float:
    return sum(amount_of(r[column]) or 0.0 for r in values.rows(table, [column]))


def tax_part_reason(base: str) -> str:
    return (
        f"a tax: at most half of '{base}' on every row, under a header naming a tax; the record's total "
        "holds it and HighLevel works a document's tax out from its lines"
    )
