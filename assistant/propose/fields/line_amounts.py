"""Of a line's two amounts, the one its quantity multiplies into the other is the unit price.

A document line gives its unit price and its net amount side by side, headed with words that say
little apart ('UnitAmount' and 'LineAmount' both read as an amount; 'amount' is also the unit-price
key's own name). The rows settle it: where the quantity is more than one, quantity times the unit
price makes the line's amount on every row, and never the other way round. The multiplied column
takes the line's unit price and the product the line's net amount, whatever the headers matched.
Only rows whose quantity is not 0 or 1 count (there both amounts are equal), and a discount off a
few lines may break the product on them: most rows must agree.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.document_targets import DOCUMENT_OBJECTS
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.document_totals import TOLERANCE
from assistant.propose.fields.evidence_first import put_first
from assistant.propose.fields.tax_parts import amount_of
from assistant.propose.signals import lead_concept
from assistant.propose.targets import standard_fields

S = SemanticType
_AMOUNTS = (S.MONEY, S.DECIMAL, S.INTEGER)
_QUANTITIES = (S.INTEGER, S.DECIMAL)
MIN_ROWS = 5  # rows with a quantity other than 0 or 1 where the product holds
MIN_AGREEING = 0.9
LINE_AMOUNT_SCORE = 0.95  # above a header-only reading of either amount


def _multiplies(ctx: TableContext, qty: str, unit: str, line: str) -> int:
    """Rows where qty x unit = line with a quantity other than 0 or 1; 0 unless most such rows agree."""
    if ctx.values is None:
        return 0
    rows = [
        [amount_of(r[c]) for c in (qty, unit, line)] for r in ctx.values.rows(ctx.name, [qty, unit, line])
    ]
    told = [
        (q, u, n) for q, u, n in rows if q is not None and u is not None and n is not None and q not in (0, 1)
    ]
    agree = sum(1 for q, u, n in told if abs(q * u - n) <= TOLERANCE and abs(u) != abs(n))
    return agree if agree >= MIN_ROWS and agree >= MIN_AGREEING * len(told) else 0


def unit_and_line(ctx: TableContext) -> tuple[str, str, str, int] | None:
    """(quantity, unit price, line amount, rows agreeing) when exactly one pair of amounts multiplies."""
    quantities = [
        c for c in ctx.table.columns if lead_concept(c) == "quantity" and c.semantic_type in _QUANTITIES
    ]
    amounts = [c for c in ctx.table.columns if c.semantic_type in _AMOUNTS and c not in quantities]
    if len(quantities) != 1 or ctx.primary not in DOCUMENT_OBJECTS:
        return None
    qty = quantities[0].column
    found = [
        (qty, u.column, n.column, rows)
        for u in amounts
        for n in amounts
        if u is not n and (rows := _multiplies(ctx, qty, u.column, n.column))
    ]
    return found[0] if len(found) == 1 else None


def with_line_amount_evidence(
    ctx: TableContext, cands: dict[str, list[Candidate]], columns: list[ColumnProfile]
) -> None:
    """Put the unit price first for the multiplied amount and the line's net amount for the product."""
    found = unit_and_line(ctx)
    if found is None:
        return
    qty, unit, line, rows = found
    names = {c.column for c in columns}
    keys = {t.name: t for t in standard_fields() if t.object == ctx.primary}
    for column, key, what in (
        (unit, "amount", "the unit price"),
        (line, "lineTotal", "the line's net amount"),
    ):
        if column in names and key in keys:
            why = f"'{qty}' x '{unit}' = '{line}' on {rows} rows with a quantity above one: {what}"
            put_first(
                cands[column], keys[key], LINE_AMOUNT_SCORE, "price" if key == "amount" else "amount", why
            )
