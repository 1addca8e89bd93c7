"""Free text that is only display names (people's or firms', one or a list) names related contacts.

A deal's 'Customer' holding 'Cedar Consulting' on one row and 'Summit Realty, Ruby Foster' on the
next, or an event's attendees as 'Emma Lopez; Mason Ellis', is neither all people's names nor all
firms', so the profile reads it as free text. Every value being one or more capitalised names is
the evidence: the record's contact link is offered, as it is for a column of people's names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

LINK_SCORE = 0.4  # offered, not preferred: a name may also be the record's own title
MIN_SHARE = 0.8
MIN_VALUES = 4
MAX_WORDS = 4
_PARTS = re.compile(r"\s*[,;]\s*")
_OWN_RECORDS = (TargetObject.CONTACT, TargetObject.COMPANY)  # their names are their own, not a link


def _is_display_name(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= MAX_WORDS and all(w[0].isupper() and w.isalpha() for w in words)


def display_name_share(column: ColumnProfile) -> float:
    """Share of the distinct values that are one or more display names and nothing else."""
    values = [v.value for v in (column.picklist or column.top_values) if v.value.strip()]
    if len(values) < MIN_VALUES:
        return 0.0
    return sum(all(_is_display_name(p) for p in _PARTS.split(v.strip())) for v in values) / len(values)


def with_display_name_evidence(cands: list[Candidate], column: ColumnProfile) -> None:
    if column.semantic_type != SemanticType.FREE_TEXT or column.foreign_key is not None:
        return
    share = display_name_share(column)
    if share < MIN_SHARE:
        return
    for cand in cands:
        if cand.field == "contactId" and cand.object not in _OWN_RECORDS and cand.score < LINK_SCORE:
            cand.score = LINK_SCORE
            cand.evidence.append(f"{share:.0%} of values are display names: the related contacts")
