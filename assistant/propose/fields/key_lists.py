"""A list of keys beside the object naming each ('teamsIds' ["6c47"] beside 'teamsNames' {"6c47": "West"}).

CRM exports write a record's many-to-many links (its teams, its groups) twice: the list of the
linked records' ids, and a JSON object from each id to its name. The names are what a reviewer and
HighLevel can use; the ids number the same things in the old system. When, on every filled row,
the list holds exactly the object's keys, the list carries nothing the names do not, and is skipped
as the key of what the names column names, as a single key beside its label is (``label_keys``).
"""

from __future__ import annotations

import json

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import tokens
from assistant.propose.sourcedata import SourceValues

_KEY_WORDS = frozenset({"ids", "id", "keys", "uids"})
_NAME_WORDS = frozenset({"names", "name", "labels", "label"})
MIN_ROWS = 2  # one row pairs with anything


def _stem(column: str, words: frozenset[str]) -> tuple[str, ...] | None:
    found = tokens(column)
    return found[:-1] if len(found) > 1 and found[-1] in words else None


def _parsed(cell: str | None) -> object:
    try:
        return json.loads(cell or "")
    except ValueError:
        return None


def _names_every_key(rows: list[dict[str, str | None]], keys: str, names: str) -> bool:
    """On every row with a list of keys, the names object holds exactly those keys."""
    seen = 0
    for row in rows:
        listed, named = _parsed(row[keys]), _parsed(row[names])
        if not isinstance(listed, list) or not listed:
            continue
        if not isinstance(named, dict) or {str(k) for k in listed} != set(named):
            return False
        seen += 1
    return seen >= MIN_ROWS


def listed_keys(table: str, columns: list[ColumnProfile], values: SourceValues | None) -> dict[str, str]:
    """Key-list column -> the column naming each listed key on every row."""
    if values is None:
        return {}
    labels = {stem: c.column for c in columns if (stem := _stem(c.column, _NAME_WORDS))}
    out: dict[str, str] = {}
    for col in columns:
        stem = _stem(col.column, _KEY_WORDS)
        label = labels.get(stem) if stem else None
        if label is not None and _names_every_key(values.rows(table, [col.column, label]), col.column, label):
            out[col.column] = label
    return out
