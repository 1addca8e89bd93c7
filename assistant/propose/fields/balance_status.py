"""An invoice's balance, where nothing else says whether it was paid, carries its status.

Accounting APIs often keep no status on an invoice: what is still owed ('Balance', 'Amount Due')
is the only trace of payment, zero once the invoice is paid. A native HighLevel invoice takes no
custom field, so the column would be skipped, and every migrated invoice would arrive unpaid. When
the table has no status column and no amount-paid column, and the balance is, on every row, no
more than the total (zero on some rows, owing on others), the balance is read as the status: a
zero balance is a paid invoice, any other an unpaid one (the executor then settles it from the
amounts). Where a status or a paid amount exists the balance only follows from them and stays out.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Evidence, FieldKind, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.act_statuses import tells_no_record_status
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.document_totals import OWED_WORDS
from assistant.propose.fields.tax_parts import amount_of
from assistant.propose.normalize import tokens
from assistant.propose.signals import lead_concept

S = SemanticType
T = TargetObject
_PAYMENT_CONCEPTS = frozenset({"status", "paid"})
MIN_ROWS = 5
TOLERANCE = 0.011
BALANCE_STATUS_CONFIDENCE = 0.7  # a reading of the values, for a reviewer to confirm


def _owed(col: ColumnProfile) -> bool:
    return col.semantic_type in (S.MONEY, S.DECIMAL) and bool(OWED_WORDS & set(tokens(col.column)))


def _tells_payment(col: ColumnProfile) -> bool:
    """A status of the invoice itself or a paid amount or date ('PrintStatus' tells how it was sent)."""
    return lead_concept(col) in _PAYMENT_CONCEPTS and not tells_no_record_status(col)


def _within_total(ctx: TableContext, balance: str, total: str) -> tuple[int, int] | None:
    """(rows owing nothing, rows owing something) when the balance never exceeds the total, else None."""
    if ctx.values is None:
        return None
    rows = ctx.values.rows(ctx.name, [balance, total])
    pairs = [(amount_of(r[balance]), amount_of(r[total])) for r in rows]
    shown = [(b, t) for b, t in pairs if b is not None and t is not None]
    if len(shown) < MIN_ROWS or any(b < 0 or b > t + TOLERANCE for b, t in shown):
        return None
    paid = sum(1 for b, _t in shown if abs(b) <= TOLERANCE)
    return paid, len(shown) - paid


def balance_status(ctx: TableContext, maps: list[FieldMap]) -> list[FieldMap]:
    """Replace the skip of an invoice's balance by its status, when nothing else tells payment."""
    role = ctx.decision.object_map.targets[0].role
    if ctx.primary != T.INVOICE or role == "line_items" or ctx.values is None:
        return maps
    if any(_tells_payment(c) for c in ctx.table.columns):
        return maps
    targets = {(m.target.object, m.target.field): m for m in maps if m.target.kind == FieldKind.STANDARD}
    total = targets.get((T.INVOICE, "total"))
    if total is None or (T.INVOICE, "status") in targets or (T.INVOICE, "amountPaid") in targets:
        return maps
    skipped = {m.source_columns[0]: i for i, m in enumerate(maps) if m.target.kind == FieldKind.SKIP}
    owed = [c for c in ctx.table.columns if _owed(c) and c.column in skipped]
    counts = _within_total(ctx, owed[0].column, total.source_columns[0]) if len(owed) == 1 else None
    if not counts or not all(counts):
        return maps
    col = owed[0]
    spelled = [v.value for v in ctx.values.distinct(ctx.name, col.column)]
    # the spellings of zero are paid; any other balance, also one a later export brings, is owed
    paid = {v: "paid" for v in spelled if abs(amount_of(v) or 0.0) <= TOLERANCE}
    why = (
        f"'{col.column}' is what the invoice still owes (never more than '{total.source_columns[0]}'): "
        f"nothing on {counts[0]} invoices, some on {counts[1]}; no other column says whether an invoice "
        "was paid, so a zero balance marks it paid"
    )
    status = make_map(
        ctx,
        [col.column],
        standard_target(T.INVOICE, "status"),
        Transform(kind=K.VALUE_MAP, params={"map": paid, "default": "unpaid"}),
        BALANCE_STATUS_CONFIDENCE,
        why,
        [*evidence_of(col), Evidence(source="values", detail=why)],
        [],
    )
    return [status if i == skipped[col.column] else m for i, m in enumerate(maps)]
