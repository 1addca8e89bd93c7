"""Columns that hold no data of the record, whatever a header-matched field would make of them.

- Only a placeholder for "no value" on every filled row ('NotSet', 'None', 'N/A', 'unknown'): APIs
  write their enum's empty member instead of leaving the cell blank. One placeholder everywhere says
  as much as a blank column, so it is never a status, a stage or a pick-list of one option.
- An API's version counter ('SyncToken', 'etag', 'RowVersion', '__v', '_rev'): a small whole number
  the old system bumps on every save so that two clients cannot overwrite each other. It counts saves,
  not anything about the customer, and HighLevel keeps its own.
- How the row got into the old system ('Created by / Source' = MANUAL / IMPORT / API): typed in,
  imported, written by an integration. It describes the old system's data entry, not where the
  customer came from, so it is no lead source; the migration itself is the next such import.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens
from assistant.propose.value_shapes import PLACEHOLDERS

S = SemanticType
PLACEHOLDER_CONFIDENCE = 0.85
COUNTER_CONFIDENCE = 0.75
MIN_FILLED = 3
_SQUEEZE = re.compile(r"[\s_.]+")
_PLACEHOLDERS = frozenset(_SQUEEZE.sub("", p) for p in PLACEHOLDERS) - {""}  # 'Not Set' is 'NotSet'
# word pairs naming a counter of saves: 'SyncToken', 'sync_version', 'RowVersion', 'lock_version'
_COUNTER_PAIRS = (
    frozenset({"sync", "token"}),
    frozenset({"sync", "version"}),
    frozenset({"sync", "counter"}),
    frozenset({"row", "version"}),
    frozenset({"lock", "version"}),
    frozenset({"concurrency", "token"}),
)
_COUNTER_WORDS = frozenset({"etag", "concurrency"})
# a leading underscore marks an API's own member ('__v', '_rev', '_version')
_INTERNAL_COUNTERS = frozenset({"v", "rev", "version"})
_MAX_SAVES = 100_000


def _filled(col: ColumnProfile) -> int:
    return col.row_count - col.null_count


def placeholder_reason(col: ColumnProfile) -> tuple[str, float] | None:
    """Why every value of the column only stands for "no value", with the confidence, or None."""
    values = col.picklist or col.top_values
    if _filled(col) < MIN_FILLED or not values or col.distinct_count > len(values):
        return None
    spellings = {_SQUEEZE.sub("", v.value.strip().lower()) for v in values}
    if not spellings <= _PLACEHOLDERS:
        return None
    shown = "', '".join(sorted({v.value.strip() for v in values}))
    why = f"every value is a placeholder for no value ('{shown}'): as empty as a blank column"
    return why, PLACEHOLDER_CONFIDENCE


def _names_a_counter(header: str) -> bool:
    words = set(tokens(header.rsplit(".", 1)[-1]))
    if words & _COUNTER_WORDS or any(pair <= words for pair in _COUNTER_PAIRS):
        return True
    leaf = header.rsplit(".", 1)[-1]
    return leaf.startswith("_") and leaf.strip("_").lower() in _INTERNAL_COUNTERS


def _small_counts(col: ColumnProfile) -> bool:
    values = [v.value.strip() for v in (col.picklist or col.top_values)] + [s.strip() for s in col.samples]
    return bool(values) and all(v.isdigit() and int(v) <= _MAX_SAVES for v in values if v)


def counter_reason(col: ColumnProfile) -> tuple[str, float] | None:
    """Why the column is the old system's count of saves of the row, with the confidence, or None."""
    if _filled(col) < MIN_FILLED or col.semantic_type not in (S.INTEGER, S.PICKLIST, S.IDENTIFIER):
        return None
    if not _names_a_counter(col.column) or not _small_counts(col):
        return None
    why = "a version counter the old system's API bumps on every save of the row: bookkeeping, not data"
    return why, COUNTER_CONFIDENCE


# ways a row is entered into software, none of them a place a customer comes from
_ENTRY_ONLY = frozenset({"manual", "import", "imported", "api", "system", "webhook", "workflow"})
_ENTRY_TOO = frozenset({"automation", "csv", "email", "calendar", "integration", "sync", "migration"})
_CREATION_WORDS = frozenset({"created", "creation", "creator", "by"})
ENTRY_CONFIDENCE = 0.72
ENTRY_DOUBT = 0.6  # the same values under a header that names no creation: a reviewer's call


def entry_channel_reason(col: ColumnProfile) -> tuple[str, float] | None:
    """Why the column says how the old system got the row (typed, imported, by API), or None."""
    values = col.picklist or col.top_values
    if _filled(col) < MIN_FILLED or not values or col.distinct_count > len(values):
        return None
    spellings = {_SQUEEZE.sub("", v.value.strip().lower()) for v in values}
    if not spellings & _ENTRY_ONLY or not spellings <= _ENTRY_ONLY | _ENTRY_TOO:
        return None
    named = bool(set(tokens(col.column)) & _CREATION_WORDS)
    shown = "', '".join(sorted({v.value.strip() for v in values}))
    why = f"how the old system got the row ('{shown}': typed in, imported, by API): its data entry, no source"
    return why, ENTRY_CONFIDENCE if named else ENTRY_DOUBT


def held_value_reason(col: ColumnProfile) -> tuple[str, float] | None:
    """Why the column carries nothing of the record (see the module), with the confidence, or None."""
    return placeholder_reason(col) or counter_reason(col) or entry_channel_reason(col)
