"""Columns that describe an entry of a nested list or a reference, not the record they end up on.

- The label of a nested list's entry ('type' = primary / invoicing beside an e-mail, phone / fax
  beside a number): the entries fold into their parent's one record, whose field takes one address
  and keeps no label; a pick-list of labels on the parent holds whichever entry came last. Some
  keep it, some drop it: the custom field stays, held below the review threshold.
- The id half of a {type, id} reference ('business_type.id' beside 'business_type.type') whose ids
  name no row of any table the export holds: the list it points at stayed behind, so nothing in
  HighLevel can ever resolve the id, and a field of bare ids tells a reader nothing.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts, reads_as_key

S = SemanticType
_ENTRY_VALUES = (S.EMAIL, S.PHONE, S.URL, S.ADDRESS)
_LABELS = (S.PICKLIST, S.FREE_TEXT, S.BOOLEAN)


def _leaf(column: str) -> tuple[str, str]:
    prefix, _, leaf = column.rpartition(".")
    return prefix, leaf


def _entry_label(ctx: TableContext, col: ColumnProfile) -> ColumnProfile | None:
    """The contact point a nested entry's 'type' labels, or None."""
    if not ctx.merged_nested_row or col.semantic_type not in _LABELS:
        return None
    if concepts(_leaf(col.column)[1])[:1] != ("type",):
        return None
    return next((c for c in ctx.table.columns if c.semantic_type in _ENTRY_VALUES and c is not col), None)


def _orphan_reference(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The reference a key column is the id half of, when its ids resolve into no table."""
    prefix, leaf = _leaf(col.column)
    if not prefix or col.foreign_key is not None or not reads_as_key(leaf):
        return None
    if col.semantic_type not in (S.IDENTIFIER, S.INTEGER):
        return None
    tagged = any(
        c.column == f"{prefix}.type" or _leaf(c.column) == (prefix, "type") for c in ctx.table.columns
    )
    return prefix if tagged else None


ENTRY_LABEL_CONFIDENCE = 0.6


def entry_label_doubt(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a custom field for the column is a reviewer's call: it labels one of several entries."""
    labelled = _entry_label(ctx, col)
    if labelled is None:
        return None
    return (
        f"it labels one entry of the nested list '{ctx.name}' (which kind of '{labelled.column}' it "
        "is): the entries fold into one record, which keeps the last label only; keep it or skip it"
    )


def dangling_reference(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why the column is the id of a reference nothing in the export resolves, or None."""
    reference = _orphan_reference(ctx, col)
    if reference is not None:
        return (
            f"the id half of the reference '{reference}', whose ids name no row the export holds: "
            "the list it points at stayed behind, so nothing can resolve it"
        )
    return None
