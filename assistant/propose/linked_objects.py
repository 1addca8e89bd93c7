"""Columns of a nested object whose key links a row of another table ('account.name' beside 'account.id').

An API flattens each record a row refers to into columns of its own: a deal's 'account' {id, name}
arrives as 'account.id' and 'account.name', its 'assignee' {id, name, email} as three columns. When
the profile resolved the object's key to a table of the export, its other columns only describe that
linked record (the account's name, the user's e-mail): the row embeds no person in them, and nothing
of them is split off as a contact; the link brings whatever the linked record holds.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, TableProfile


def nested_prefix(column: str) -> str | None:
    """The nested object a flattened column belongs to ('account' for 'account.name'), if any."""
    return column.rsplit(".", 1)[0] if "." in column else None


def linked_object_key(column: ColumnProfile, table: TableProfile) -> str | None:
    """The key column of the same nested object ('account.id' for 'account.name') when it links by key."""
    prefix = nested_prefix(column.column)
    if prefix is None:
        return None
    return next(
        (
            c.column
            for c in table.columns
            if c.column != column.column
            and nested_prefix(c.column) == prefix
            and c.foreign_key is not None
            and not c.foreign_key.by_names
        ),
        None,
    )
