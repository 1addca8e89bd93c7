"""A native document's number: the one printed on it, not its bare sequence number.

Exports often carry both (``reference`` 1, ``full-reference`` F202400001). The customer quotes the
printed one, so when the number the candidates chose holds only digits and another unique
reference column of the table holds letters too, that column becomes the document's number and
the sequence is skipped (it is part of the printed number). Every document is printed with its
number, so a mostly blank reference (a customer's 'po_number' on a few invoices) is not it.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile
from assistant.propose.document_targets import DOCUMENT_OBJECTS
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.rules import skip_map
from assistant.propose.normalize import concepts

NUMBER_KEY = "invoiceNumber"
MAX_BLANK = 0.05  # the printed number is on every document: a mostly blank reference is another one


def _digits_only(column: ColumnProfile) -> bool:
    values = [s.strip() for s in column.samples if s.strip()]
    return bool(values) and all(v.isdigit() for v in values)


def _printed(column: ColumnProfile) -> bool:
    values = [s.strip() for s in column.samples if s.strip()]
    return (
        "reference" in concepts(column.column)
        and column.unique_share >= 0.99
        and column.null_share <= MAX_BLANK
        and any(any(ch.isalpha() for ch in v) and any(ch.isdigit() for ch in v) for v in values)
    )


def printed_number(ctx: TableContext, maps: list[FieldMap], columns: list[ColumnProfile]) -> list[FieldMap]:
    if ctx.primary not in DOCUMENT_OBJECTS:
        return maps
    chosen = next((m for m in maps if m.target.object == ctx.primary and m.target.field == NUMBER_KEY), None)
    by_name = {c.column: c for c in columns}
    if chosen is None or not _digits_only(by_name[chosen.source_columns[0]]):
        return maps
    skipped = {m.source_columns[0] for m in maps if m.target.field is None and len(m.source_columns) == 1}
    rival = next((c for c in columns if c.column in skipped and _printed(c)), None)
    if rival is None:
        return maps
    sequence = by_name[chosen.source_columns[0]]
    number = chosen.model_copy(
        update={
            "id": f"field:{ctx.name}.{rival.column}",
            "source_columns": [rival.column],
            "rationale": f"'{rival.column}' is the number printed on the {ctx.primary.value} "
            f"('{sequence.column}' holds only its sequence)",
            "evidence": [Evidence(source="profile", detail=f"samples: {', '.join(rival.samples[:3])}")],
        }
    )
    why = f"the sequence part of the printed number in '{rival.column}'"
    out = [m for m in maps if m is not chosen and m.source_columns != [rival.column]]
    return [*out, number, skip_map(ctx, sequence, why, 0.8)]
