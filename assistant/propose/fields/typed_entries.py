"""A nested list of typed contact points: ``contactItems`` = [{contactType: email | mobile, contactValue}].

Each entry's type says which kind its value is: the e-mail entry's value is an e-mail, the mobile's a
phone. Read alone, the type column is a pick-list and the value column free text; neither is a field
of the record. The type only routes its entry's value (no field of its own: skipped). The value is
the record's e-mail on some entries and its phone on others, which one field cannot take: it is
kept as text below the review threshold, with the reason, until a person routes it.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts

S = SemanticType
_POINT_KINDS = frozenset({"email", "phone", "fax", "website"})
_LABELS = (S.PICKLIST, S.FREE_TEXT)
ROUTED_CONFIDENCE = 0.55  # the value is right on some entries only, whichever one field takes it


def _kinds(col: ColumnProfile) -> set[str]:
    """The contact-point kinds a label column's values name; empty unless every value names one."""
    values = col.picklist or col.top_values
    found = [set(concepts(v.value)) & _POINT_KINDS for v in values]
    return set().union(*found) if values and all(found) else set()


def type_column(ctx: TableContext) -> tuple[ColumnProfile, set[str]] | None:
    if not ctx.merged_nested_row:
        return None
    for col in ctx.table.columns:
        if col.semantic_type in _LABELS and len(kinds := _kinds(col)) >= 2:
            return col, kinds
    return None


def value_column(ctx: TableContext, label: ColumnProfile) -> ColumnProfile | None:
    """The entries' value: the other text column, filled where the label is, of no single kind."""
    mixed = [
        c for c in ctx.table.columns
        if c is not label and c.semantic_type in (S.FREE_TEXT, S.PICKLIST, S.MULTI_VALUE)
    ]  # fmt: skip
    return mixed[0] if len(mixed) == 1 else None


def routing_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why the column is skipped: it says which kind each entry's value is."""
    found = type_column(ctx)
    if found is None or found[0] is not col or value_column(ctx, col) is None:
        return None
    return (
        f"it says which kind ({', '.join(sorted(found[1]))}) each entry's value is: it routes the "
        "value to the record's field of that kind, it is no field itself"
    )


def routed_value_doubt(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a field for the column needs a person: its entries are of several kinds, by their type."""
    found = type_column(ctx)
    if found is None or value_column(ctx, found[0]) is not col:
        return None
    return (
        f"'{found[0].column}' types its entries ({', '.join(sorted(found[1]))}): each value belongs in "
        "the record's field of that kind, which one field cannot be; route them by type"
    )
