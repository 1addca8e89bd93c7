"""An amount equal, on every row, to the balance plus what was paid: the document's total.

Billing exports often head the total with a plain word ('Amount', 'Invoice Amount') that no
vocabulary reads as a total, beside the two figures it splits into: what is still owed ('Balance',
'Amount Due') and what was paid ('Paid to Date'). The sum says what the header does not: the column
is what the document asks for in all, its total. Both parts must be named as such (a subtotal plus
tax is a total too, but a subtotal is also a total plus a discount), and hold on enough rows; a
draft or cancelled document, owing and paid nothing, neither proves nor disproves it.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.evidence_first import put_first
from assistant.propose.fields.tax_parts import amount_of
from assistant.propose.normalize import tokens
from assistant.propose.targets import standard_fields

S = SemanticType
_NUMBERS = (S.DECIMAL, S.MONEY)
OWED_WORDS = frozenset({"balance", "due", "outstanding", "owed", "owing", "remaining"})
PAID_WORDS = frozenset({"paid", "payments", "received"})
MIN_ROWS = 5
TOLERANCE = 0.011  # a cent of rounding between the printed figures
BALANCE_PLUS_PAID = 0.97  # above a header-only reading of a sibling amount ('Tax Amount')


def _sums(ctx: TableContext, col: ColumnProfile, owed: ColumnProfile, paid: ColumnProfile) -> bool:
    """Balance plus paid makes the amount on every row that is open or paid, and on enough of them."""
    if ctx.values is None:
        return False
    rows = ctx.values.rows(ctx.name, [col.column, owed.column, paid.column])
    parts = [
        (amount_of(r[col.column]), amount_of(r[owed.column]) or 0.0, amount_of(r[paid.column]) or 0.0)
        for r in rows
    ]
    # a draft or cancelled document owes and has received nothing: its row says nothing either way
    live = [(t, o, p) for t, o, p in parts if t is not None and (o or p)]
    return len(live) >= MIN_ROWS and all(abs(t - o - p) <= TOLERANCE for t, o, p in live)


def _named(col: ColumnProfile, words: frozenset[str]) -> bool:
    return col.semantic_type in _NUMBERS and bool(words & set(tokens(col.column)))


def with_total_evidence(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> None:
    """Offer the document's total to the amount that is, on every row, its balance plus its payments."""
    if col.semantic_type not in _NUMBERS or _named(col, OWED_WORDS) or _named(col, PAID_WORDS):
        return
    totals = [t for t in standard_fields() if t.object == ctx.primary and t.name == "total"]
    owed = [c for c in ctx.table.columns if c is not col and _named(c, OWED_WORDS)]
    paid = [c for c in ctx.table.columns if c is not col and _named(c, PAID_WORDS)]
    if len(totals) != 1 or not owed or not paid:
        return
    pair = next(((o, p) for o in owed for p in paid if o is not p and _sums(ctx, col, o, p)), None)
    if pair is None:
        return
    why = f"equals '{pair[0].column}' plus '{pair[1].column}' on every row: what the document asks in all"
    put_first(cands, totals[0], BALANCE_PLUS_PAID, "amount", why)
