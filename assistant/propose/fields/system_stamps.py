"""Times the old system stamped on its own records: when a row was last changed there.

A last-modified time says when someone last touched the record in the old system. HighLevel stamps
its own ``dateUpdated`` when the record is written, so the old value would only sit in a custom
field that goes stale at the first edit. It is skipped, the custom field kept as the alternative.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import concepts

_TIMES = frozenset({SemanticType.DATE, SemanticType.DATETIME})
STAMP_SKIP_CONFIDENCE = 0.72  # a reading of the header and the values: the reviewer may still keep it


def last_modified_stamp(column: ColumnProfile) -> bool:
    """The column's header reads as a last-modified time and its values are dates or times."""
    return column.semantic_type in _TIMES and "updated_at" in concepts(column.column)
