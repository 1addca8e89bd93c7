"""Labels headed as tags on a record HighLevel cannot tag (an opportunity holds no tags).

They have two readings, a text field on the record or tags on its contact, and neither is sure
enough to pass without a person: the custom field stays below the review threshold, with why.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.signals import lead_concept
from assistant.propose.targets import TargetField

UNTAGGABLE_CONFIDENCE = 0.6


def untaggable_reason(catalog: list[TargetField], col: ColumnProfile, holder: TargetObject) -> str | None:
    """Why a tags column's custom field needs a person, or None when the record takes tags (or no tags)."""
    if lead_concept(col) != "tags" or any(f.object == holder and f.name == "tags" for f in catalog):
        return None
    return f"HighLevel {holder.value}s hold no tags: a person chooses this field or the linked contact's tags"
