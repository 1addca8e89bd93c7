"""A nested list named for the one field it holds: ``fields.first name`` = [{value, label, group}].

Some APIs keep a record's fields as a map from the field's name to a list of entries; flattening
makes one child table per name (``contacts__fields.first name``). There the header ``value`` says
nothing: the list's name says which field the value is, so the value column is read under that name
(first name -> the contact's first name, a ``title`` list -> a text field named Title). A column
whose only value is the list's own name (``label`` = 'first name') repeats that name on every entry:
it is no tag, no option, nothing of the record.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts, normalise

# Headers that only say "the value" of an entry: the list's name says what it is.
_VALUE_WORDS = frozenset({"value", "valor", "wert", "valeur", "valore"})
# An entry column naming the field per row ({name, value} pairs) makes the list a bag of fields.
_PER_ROW_NAMES = frozenset({"name", "key", "field", "field name", "label", "type", "attribute"})


def list_name(table: str) -> str | None:
    """The name a nested table's list has in its parent ('contacts__fields.first name' -> 'first name')."""
    parent, path = innermost(table)
    if not parent or not path:
        return None
    return path.rsplit(".", 1)[-1].strip() or None


def _bare_value(column: str) -> bool:
    words = set(normalise(column.rsplit(".", 1)[-1]).split())
    return bool(words) and words <= _VALUE_WORDS


def _names_fields_per_row(table: TableProfile, value: ColumnProfile) -> bool:
    """Another column names each entry's field ('name' = Budget / Size): the list name is no field."""
    for col in table.columns:
        if col is value or col.distinct_count <= 1:
            continue
        if normalise(col.column.rsplit(".", 1)[-1]) in _PER_ROW_NAMES and not repeats_list_name(table, col):
            return True
    return False


def named_value_header(table: TableProfile, col: ColumnProfile) -> str | None:
    """The header the column is read under: the list's name, for the bare value of a named list."""
    name = list_name(table.table)
    if name is None or table.parent_table is None or not _bare_value(col.column):
        return None
    if not concepts(name) or _names_fields_per_row(table, col):
        return None
    return name


def holds_one_field(table: TableProfile) -> bool:
    """A nested list named for the one field its entries hold: the parent record's own field, no list
    of things (its value is the record's first name, not a person's on a nested location)."""
    name = list_name(table.table)
    if name is None or table.parent_table is None or not concepts(name):
        return False
    return any(c.column == name or named_value_header(table, c) for c in table.columns)


def repeats_list_name(table: TableProfile, col: ColumnProfile) -> str | None:
    """The list's name, when it is the column's one value on every filled entry."""
    name = list_name(table.table)
    if name is None or table.parent_table is None or col.distinct_count != 1:
        return None
    values = col.top_values or col.picklist
    if len(values) != 1 or normalise(values[0].value) != normalise(name):
        return None
    return name


LIST_NAME_CONFIDENCE = 0.8


def list_name_reason(table: TableProfile, col: ColumnProfile) -> str | None:
    """Why the column is skipped: it only repeats the name of the list it sits in."""
    name = repeats_list_name(table, col)
    if name is None:
        return None
    return f"every entry holds '{name}', the name of the list it sits in: it labels the list, not the record"
