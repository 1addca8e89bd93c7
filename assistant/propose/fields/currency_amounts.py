"""A number beside a currency column is the record's amount ('OPPORTUNITY' beside 'CURRENCY_ID').

Some exports name a deal's amount after the record itself, a word no vocabulary reads as money.
The row still says it: one decimal column and a currency code beside it, and no other column the
vocabulary reads as an amount. That column is the record's money field.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.evidence_first import put_first
from assistant.propose.signals import lead_concept
from assistant.propose.targets import standard_fields

S = SemanticType
_NUMBERS = (S.DECIMAL, S.MONEY)
AMOUNT_BESIDE_CURRENCY = 0.9


def with_currency_evidence(
    ctx: TableContext, col: ColumnProfile, cands: list[Candidate], columns: list[ColumnProfile]
) -> None:
    """Offer the primary object's money field to the only unnamed number beside a currency column."""
    if col.semantic_type not in _NUMBERS or col.type_share < 0.95 or lead_concept(col) is not None:
        return
    currency = [c for c in columns if lead_concept(c) == "currency"]
    amounts = [c for c in columns if lead_concept(c) == "amount"]
    numbers = [c for c in columns if c.semantic_type in _NUMBERS and lead_concept(c) is None]
    money = [t for t in standard_fields() if t.object == ctx.primary and t.value_kind == "money"]
    if not currency or amounts or numbers != [col] or len(money) != 1:
        return
    why = f"the only number beside the currency column '{currency[0].column}': the amount"
    put_first(cands, money[0], AMOUNT_BESIDE_CURRENCY, "amount", why)
