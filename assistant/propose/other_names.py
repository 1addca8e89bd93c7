"""Name-like columns that hold the name of something other than the row's own record.

'owner.name', 'domainUser.name' and 'created_by_name' name a user; 'record_type_name', 'vat_name' and
'customer-type-ref-full-name' name a category the record belongs to. None of them is the person's or
the organisation's own name: split into first and last name (or sent to the record's name) they
would overwrite the real one. Two things say so on any export: the header joins 'name' to a word
naming another kind of thing (a user, an author, a type, a tax, a status...), or the values repeat a
handful of labels over many rows, which the record's own name never does.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts

T = TargetObject
_NAME_LEADS = frozenset({"name", "full_name", "first_name", "last_name"})
# Concepts whose own name a header may carry: beside them 'name' is that thing's name.
_OTHER_THINGS = frozenset(
    {
        "owner", "creator", "type", "tax_id", "tags", "status", "stage", "pipeline", "source",
        "industry", "role", "currency", "priority", "calendar",
    }
)  # fmt: skip
# A record's own name is nearly unique per row: a few values repeated over many rows are labels.
MIN_LABEL_ROWS = 10
MAX_LABEL_SHARE = 0.15  # distinct values / filled rows
_RECORD_NAME_CONCEPTS = frozenset({"name", "full_name", "first_name", "last_name", "title"})
_HALVES = ("first_name", "last_name")


def header_names_other(column: ColumnProfile) -> str | None:
    """The other thing a name header names ('owner' for 'owner.name'), or None."""
    found = concepts(column.column)
    if not found or found[0] not in _NAME_LEADS:
        return None
    return next((c for c in found[1:] if c in _OTHER_THINGS), None)


def repeats_labels(column: ColumnProfile) -> bool:
    """A whole-name column whose few values repeat over many rows: a category, not each row's name."""
    found = concepts(column.column)
    if not found or found[0] not in ("name", "full_name"):
        return False  # first names alone do repeat ('John' on many rows)
    filled = column.row_count - column.null_count
    return filled >= MIN_LABEL_ROWS and 0 < column.distinct_count <= MAX_LABEL_SHARE * filled


def other_name_reason(column: ColumnProfile) -> str | None:
    """Why the column cannot be the record's own name (None: it may be)."""
    other = header_names_other(column)
    if other is not None:
        return f"'{column.column}' names a {other.replace('_', ' ')}, not the record itself"
    if repeats_labels(column):
        filled = column.row_count - column.null_count
        return (
            f"{column.distinct_count} labels repeated over {filled} rows: a category, not each record's name"
        )
    return None


def not_own_name(
    column: ColumnProfile, target: TargetObject, target_concepts: tuple[str, ...], value_kind: str
) -> bool:
    """Whether the column must stay out of a target holding the record's own name (never an owner).

    Repeated labels count against people and organisations only: an invoice line's 'Name' repeats
    its product's name on many rows, and is still that line's own name.
    """
    if value_kind == "owner" or not _RECORD_NAME_CONCEPTS & set(target_concepts):
        return False
    if header_names_other(column) is not None:
        return True
    found = concepts(column.column)
    if found and found[0] in _HALVES and found[0] not in target_concepts:
        return True  # a given name or a surname alone is no whole name ('fname' is not 'name')
    return target in (T.CONTACT, T.COMPANY) and repeats_labels(column)


def names_a_tag(column: ColumnProfile) -> bool:
    """The name of a row of a nested tags list ('people__tags.name'): each value is a tag of the parent."""
    parent, child = innermost(column.table)
    found = concepts(column.column)
    return bool(parent) and "tags" in concepts(child) and bool(found) and found[0] in ("name", "title")


def nested_people(table: TableProfile, tables: dict[str, TableProfile]) -> str | None:
    """A nested list of the row whose rows carry a first and a last name: the row's people."""
    for child in tables.values():
        if child.parent_table != table.table:
            continue
        leads = {found[0] for c in child.columns if (found := concepts(c.column))}
        if {"first_name", "last_name"} <= leads:
            return child.table
    return None
