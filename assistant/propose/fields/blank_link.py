"""A link by name left blank on some rows, found instead by the row's own e-mail.

A deals export may name each deal's customer ('Customer': 'Summit Consulting, Nora Nguyen') and
leave that column empty on some rows, while the same row still carries the person's own e-mail,
which one row of the linked table holds too. HighLevel refuses an opportunity without a contact, so
such a row would be held. When most of those blank rows find exactly one row of the linked table by
their e-mail (the profile's e-mail columns on both sides), the link map names that fallback: the
plan tries the name first and, only where the name column is blank, the e-mail. The count of rows it
serves is the evidence, and the plan repeats it.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.signals import visible_columns
from assistant.propose.sourcedata import SourceValues

MIN_FOUND = 0.8  # most blank rows must find their row by e-mail, else the e-mail is not the linked record's
PARAM = "blank_by"  # the transform parameter the plan reads (execute/transforms/name_links.py)


def _main_email(table: TableProfile, but: str) -> ColumnProfile | None:
    """Of the table's e-mail columns, the one filled on most rows (the main one)."""
    emails = [c for c in visible_columns(table) if c.semantic_type == SemanticType.EMAIL and c.column != but]
    return min(emails, key=lambda c: c.null_share, default=None)


def _email_key(value: str | None) -> str:
    return (value or "").strip().casefold()


def blank_link_fallback(
    table: TableProfile,
    column: ColumnProfile,
    target: TableProfile | None,
    values: SourceValues | None,
) -> tuple[dict[str, Any], Evidence] | None:
    """The transform parameter and its evidence, when the row's own e-mail finds its linked row."""
    if target is None or values is None or column.null_count == 0:
        return None
    own, theirs = _main_email(table, column.column), _main_email(target, "")
    if own is None or theirs is None:
        return None
    counts: dict[str, int] = {}
    for row in values.rows(target.table, [theirs.column], limit=50000):
        key = _email_key(row.get(theirs.column))
        if key:
            counts[key] = counts.get(key, 0) + 1
    rows = values.rows(table.table, [column.column, own.column], limit=50000)
    blank = [r for r in rows if not (r.get(column.column) or "").strip() and _email_key(r.get(own.column))]
    found = sum(counts.get(_email_key(r.get(own.column))) == 1 for r in blank)
    if not blank or found < MIN_FOUND * len(blank):
        return None
    detail = (
        f"{found} of {len(blank)} rows with a blank '{column.column}' (and an e-mail) find one "
        f"{target.table} row by their own '{own.column}' ({target.table}.'{theirs.column}'): "
        "linked by it where the name is blank"
    )
    return {PARAM: {"column": own.column, "target_column": theirs.column}}, Evidence(
        source="foreign_key", detail=detail
    )
