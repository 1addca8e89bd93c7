"""What the old system kept about its own records: when a row last changed, whether it is active.

A last-modified time says when someone last touched the record in the old system. HighLevel stamps
its own ``dateUpdated`` when the record is written, so the old value would only sit in a custom
field that goes stale at the first edit. An 'Active' yes/no is the inverse of a deleted or archived
flag: it says which rows the old system still showed (an archived deal, a retired user), which
decides what migrates, not a value to keep. Both are skipped, the custom field kept as the alternative.
A creation time is the record's own history on a contact or a deal, but on a row that fills its
parent (a customer's phones, addresses) or on a task or note (kept only as a line of its body) it
says when the old system saved that row: bookkeeping, skipped too.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import concepts, tokens

_TIMES = frozenset({SemanticType.DATE, SemanticType.DATETIME})
_ACTIVE = frozenset({"active", "activo", "activa", "aktiv", "actif", "attivo"})
_FILLER = frozenset({"is", "es", "esta"})  # 'IsActive', 'Es activo'
STAMP_SKIP_CONFIDENCE = 0.72  # a reading of the header and the values: the reviewer may still keep it


def last_modified_stamp(column: ColumnProfile) -> bool:
    """The column's header reads as a last-modified time and its values are dates or times."""
    return column.semantic_type in _TIMES and "updated_at" in concepts(column.column)


def creation_stamp(column: ColumnProfile) -> bool:
    """The column's header reads as a creation time ('created_at', 'date_created', 'created_time')."""
    return concepts(column.column)[:1] == ("created_at",)


def active_flag(column: ColumnProfile) -> bool:
    """A yes/no column whose whole header says 'active' ('Active', 'IsActive', 'Activo')."""
    words = set(tokens(column.column)) - _FILLER
    return column.semantic_type is SemanticType.BOOLEAN and bool(words) and words <= _ACTIVE
