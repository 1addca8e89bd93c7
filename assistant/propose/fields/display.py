"""Which column of a referenced table names its records, so a lookup can show a name, not a key."""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts

_DISPLAY_CONCEPTS = ("name", "full_name", "company", "title", "reference", "email")


def _names_rows(col: ColumnProfile, wanted: str) -> bool:
    # an organisation's name column names its own row only when it does not repeat ('Company' on
    # a people table is their employer)
    return wanted != "company" or (col.unique_share or 0.0) >= 0.9


def display_column(table: TableProfile | None) -> str | None:
    """The column that names a referenced record (its name/title), for readable lookups. A header of
    that one concept comes first: 'Company Domain Name' names a website before the company."""
    if table is None:
        return None
    columns = [c for c in table.columns if not c.column.startswith("_")]
    for only in (True, False):
        for wanted in _DISPLAY_CONCEPTS:
            for col in columns:
                found = concepts(col.column)
                if found[:1] == (wanted,) and (len(found) == 1 or not only) and _names_rows(col, wanted):
                    return col.column
    return None
