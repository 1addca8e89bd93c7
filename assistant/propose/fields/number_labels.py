"""Words that spell out a number beside them ('Net 30' beside payment terms 30): the number's label.

Billing exports write a setting twice, as the number the system computes with and as the words it
prints ('payment_terms' 0 / 15 / 30 beside 'payment_terms_label' Due on Receipt / Net 15 / Net 30).
The words are a value of that setting, one per record, not a category a record is filed under: read
as tags they would file every customer under 'Net 30'. A column is such a label when each of its
values always comes with one number and each number with one value, over a few numbers and enough
rows, and its header extends the number's header or it stands right beside it.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.label_keys import one_to_one
from assistant.propose.normalize import reads_as_key
from assistant.propose.sourcedata import SourceValues

S = SemanticType
LABEL_TYPES = (S.PICKLIST, S.FREE_TEXT, S.MULTI_VALUE)
MIN_ROWS = 5  # a handful of rows pairs anything with anything
MIN_NUMBERS = 2


def _number(value: str | None) -> bool:
    try:
        float((value or "").strip())
    except ValueError:
        return False
    return True


def _words(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


def _related(label: ColumnProfile, number: ColumnProfile) -> bool:
    """'payment_terms_label' extends 'payment_terms'; otherwise the two stand side by side."""
    stem = _words(number.column)
    return (bool(stem) and _words(label.column).startswith(stem)) or abs(
        label.position - number.position
    ) == 1


def _key(col: ColumnProfile) -> bool:
    """A tag's or a status's id beside its name numbers nothing: the name is the thing, keyed."""
    return col.foreign_key is not None or col.semantic_type == S.IDENTIFIER or reads_as_key(col.column)


def _all_numbers(rows: list[dict[str, str | None]], column: str) -> bool:
    filled = [r[column] for r in rows if (r[column] or "").strip()]
    return len(filled) >= MIN_ROWS and all(_number(v) for v in filled)


def spelled_number(
    table: str, label: ColumnProfile, columns: list[ColumnProfile], values: SourceValues | None
) -> str | None:
    """The number column whose values the label column spells out on every row, or None."""
    if values is None or label.semantic_type not in LABEL_TYPES or label.foreign_key is not None:
        return None
    for number in columns:
        if number.column == label.column or _key(number) or not _related(label, number):
            continue
        rows = values.rows(table, [number.column, label.column])
        numbers_only = _all_numbers(rows, number.column) and not _all_numbers(rows, label.column)
        if numbers_only and one_to_one(rows, number.column, label.column, MIN_NUMBERS):
            return number.column
    return None
