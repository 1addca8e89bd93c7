"""A column that names the category (or the unit) of its neighbour's values: a label, no data.

Accounting and CRM exports flatten a record's {category, option} pairs into two columns each
('TrackingName1' = 'Department' beside 'TrackingOption1' = 'Signage' / 'Print'; 'Custom Field 1
Label' beside 'Custom Field 1 Value'). The label column holds one value on every row where its
partner holds one, and nothing where the partner is blank: it says which category the partner's
values belong to, the same for every record. Its partner carries the data; the label at most names
the field the partner becomes. A currency code filled exactly where its amount is ('ARR / Currency'
= USD beside 'ARR / Amount') is the same: one unit for every value. Told apart from a real constant
by that pairing: a header of the same stem ('Tracking … 1'), a label word in its own header, and the
two filled on exactly the same rows.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts, tokens

S = SemanticType
LABEL_CONFIDENCE = 0.7
MIN_FILLED = 3
_LABEL_WORDS = frozenset(
    {"name", "label", "category", "title", "type", "key", "field", "attribute", "currency", "unit"}
)
# words too common to tie two headers together ('currency-code' and 'postal-code' share no stem)
_GENERIC = _LABEL_WORDS | frozenset(
    {"option", "options", "value", "values", "val", "code", "codes", "id", "ids", "number", "no", "ref"}
)
# a header that names one of these is read by its own rules (a pipeline's name is the pipeline)
_PLAIN_CONCEPTS = frozenset({"name", "type", "title", "category", "currency"})
_LABEL_TYPES = (S.PICKLIST, S.FREE_TEXT)


def _stem(header: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The header's own words (label and value words left out) and its numbers ('1' of 'Name1')."""
    words = tokens(header)
    return frozenset(w for w in words if w not in _GENERIC and not w.isdigit()), tuple(
        w for w in words if w.isdigit()
    )


def _filled(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def _partner(ctx: TableContext, col: ColumnProfile) -> ColumnProfile | None:
    """The column of the same stem whose values the label names, filled on exactly its rows."""
    stem, numbers = _stem(col.column)
    if not stem or ctx.values is None:
        return None
    for other in ctx.table.columns:
        if other is col or other.distinct_count < 2:
            continue
        other_stem, other_numbers = _stem(other.column)
        if not (stem & other_stem) or other_numbers != numbers:
            continue
        rows = ctx.values.rows(ctx.name, [col.column, other.column])
        if rows and all(_filled(r[col.column]) == _filled(r[other.column]) for r in rows):
            return other
    return None


def category_label_reason(ctx: TableContext, col: ColumnProfile) -> tuple[str, float] | None:
    """Why the column only labels its partner's values, with the confidence, or None."""
    filled = col.row_count - col.null_count
    if col.distinct_count != 1 or filled < MIN_FILLED or col.semantic_type not in _LABEL_TYPES:
        return None
    if not set(tokens(col.column)) & _LABEL_WORDS or set(concepts(col.column)) - _PLAIN_CONCEPTS:
        return None
    values = col.picklist or col.top_values
    if not values or not any(ch.isalpha() for ch in values[0].value):
        return None
    partner = _partner(ctx, col)
    if partner is None:
        return None
    label = values[0].value.strip()
    why = (
        f"'{label}' on every row where '{partner.column}' is filled, nothing elsewhere: it names the "
        f"category or unit of '{partner.column}''s values in the old system, no data of the record"
    )
    return why, LABEL_CONFIDENCE
