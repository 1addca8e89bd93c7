"""A column named for another record on a document's row ('Client Currency' on a quote): its setting.

A quote that lands as an opportunity with a native estimate beside it may carry a column headed with
another record's word: 'Client Currency', 'Customer Currency'. It repeats the client's setting on
every document of that client. The estimate beside has a place for it (its currency) and takes it;
the opportunity has none, and a custom field there would only copy the client's setting onto every
deal. When the document beside takes such a column as one of its own fields, the record keeps
nothing of it.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.propose.fields import TableContext, skip_map
from assistant.propose.normalize import object_words, tokens

LEFT_TO_DOCUMENT = 0.7
_CUSTOM = (FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING)
_NOT_A_RECORD = frozenset({"lookup"})  # a word naming a link, not whose setting it is


def _other_record(ctx: TableContext, column: str, document: str) -> str | None:
    """The record the header's first word names, when it is neither this row's record nor the document."""
    words = tokens(column)
    if len(words) < 2:
        return None
    named = set(object_words(words[0])) - _NOT_A_RECORD
    own = {ctx.primary.value, document, *object_words(ctx.name)}
    return words[0] if named and not named & own else None


def left_to_document(ctx: TableContext, main: list[FieldMap], beside: list[FieldMap]) -> list[FieldMap]:
    """The record's maps, a custom field skipped where the document beside takes another record's setting."""
    taken = {tuple(m.source_columns): m for m in beside if m.target.kind == FieldKind.STANDARD}
    out: list[FieldMap] = []
    for m in main:
        doc_map = taken.get(tuple(m.source_columns))
        column = next((c for c in ctx.table.columns if [c.column] == m.source_columns), None)
        if doc_map is None or column is None or m.target.kind not in _CUSTOM or doc_map.target.object is None:
            out.append(m)
            continue
        document = doc_map.target.object.value
        owner = _other_record(ctx, column.column, document)
        if owner is None:
            out.append(m)
            continue
        why = f"repeats the {owner}'s setting; the {document} beside holds it as its {doc_map.target.field}"
        out.append(skip_map(ctx, column, why, LEFT_TO_DOCUMENT))
    return out
