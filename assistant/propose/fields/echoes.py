"""Columns that only repeat the record a linked id names, so they carry nothing of their own.

Two readings. A label beside its id ('Client Name' beside the linked 'Client ID', 'related_type'
beside 'related_id', 'Contact Name' beside 'Contact Name.id') is not given a custom field. A copy
of the linked row feeds no field at all: a field of an embedded object whose id is linked
('customer.email' beside 'customer.id', as JSON APIs nest the customer in each job), or a column
of a nested list whose own id points at another table (a job's 'assigned_employees' rows are the
employees) — each only when the linked table has a column of that name, so a line's own quantity
is never taken for its product's.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import tokens

_ID_WORDS = frozenset({"id", "key", "number", "no", "nr", "num", "code", "ref", "uuid"})
_ECHO_WORDS = frozenset({"name", "nombre", "nom", "nome", "type", "tipo", "kind", "label"})


def _is_id(words: tuple[str, ...]) -> bool:
    return bool(words) and words[-1] in _ID_WORDS


def echo_columns(columns: list[ColumnProfile], linked: set[str]) -> dict[str, str]:
    """Label column -> the linked id column it names the record of."""
    stems: dict[tuple[str, ...], str] = {}
    for col in columns:
        words = tokens(col.column)
        if col.column in linked and _is_id(words) and len(words) > 1:
            stems.setdefault(words[:-1], col.column)
    out: dict[str, str] = {}
    for col in columns:
        words = tokens(col.column)
        if col.column in linked or not words:
            continue
        if len(words) > 1 and words[-1] in _ECHO_WORDS and words[:-1] in stems:
            out[col.column] = stems[words[:-1]]
        elif words in stems:  # a lookup exported twice: 'Account Name' beside 'Account Name.id'
            out[col.column] = stems[words]
    return out


def copied_columns(table: TableProfile, tables: dict[str, TableProfile]) -> dict[str, str]:
    """Column copied from a linked row -> the linked id column, per the module's second reading."""

    def target_names(col: ColumnProfile) -> set[tuple[str, ...]]:
        target = tables.get(col.foreign_key.target_table) if col.foreign_key else None
        return {tokens(c.column) for c in target.columns} if target else set()

    objects: dict[str, ColumnProfile] = {}  # embedded object path -> its linked id column
    for col in table.columns:
        path, _, leaf = col.column.rpartition(".")
        if col.foreign_key is not None and path and _is_id(tokens(leaf)):
            objects.setdefault(path, col)
    reference = None
    if table.parent_table is not None:
        reference = next(
            (c for c in table.columns if c.foreign_key is not None and tokens(c.column) == ("id",)), None
        )
    out: dict[str, str] = {}
    for col in table.columns:
        if col.foreign_key is not None or col.column.startswith("_"):
            continue
        source = objects.get(col.column.rpartition(".")[0]) or reference
        words = tokens(col.column.rpartition(".")[2])
        if source is not None and words and words in target_names(source):
            out[col.column] = source.column
    return out
