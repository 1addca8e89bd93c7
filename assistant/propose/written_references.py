"""Words under a reference header ('reference_number' = 'Brand video'): a reference someone wrote.

A document's reference field is a free box: a purchase order number on one quote, the project it is
for ('Headshots', 'Website photos') on the next. A small export repeats the same few projects, and
the profile calls the column a pick-list, yet nobody chose them from a list: the next quote names a
new project. A header whose only concept is a reference, holding phrases in everyday letters rather
than codes ('STD', 'NET30'), is written text. A header that also names a kind ('Type Code', 'Status
Code') is a coded choice and is left to the pick-list evidence.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import concepts


def _phrase(value: str) -> bool:
    """Everyday words ('Brand video'), not a code ('STD-2', 'NET30')."""
    return any(ch.islower() for ch in value) and not any(ch.isdigit() for ch in value)


def written_reference(column: ColumnProfile) -> bool:
    """True when a reference header holds phrases: what someone typed to tell the document apart."""
    if concepts(column.column) != ("reference",):
        return False
    values = [v.value.strip() for v in column.picklist or column.top_values if v.value.strip()]
    return bool(values) and all(_phrase(v) for v in values) and any(" " in v for v in values)
