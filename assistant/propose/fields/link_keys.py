"""Which column of a referenced table a link names: one row (its key) or a group of rows."""

from __future__ import annotations

from assistant.profile.models import TableProfile


def names_one_row(table: TableProfile | None, column: str) -> bool:
    """The referenced column is the table's key: each value names one row (a stage). A column repeated
    across its rows (a stage list's pipeline id) names a group of rows, not one of them."""
    if table is None:
        return True
    target = next((c for c in table.columns if c.column == column), None)
    return column == table.primary_key or target is None or target.unique_share >= 0.99
