"""Links read from values: names of people or firms on another record are the contact it belongs to.

A deal export's 'Party' or 'Client' column often holds the related person's display name rather
than an id, under a header that names no field. Its values say what it is, so retrieval offers
the record's contact link beside the name fields: the choice stays with the rules or the model,
but the right target is on the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.highlevel.state import DestinationState
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.owner_values import with_user_evidence

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

T = TargetObject
S = SemanticType
LINK_SCORE = 0.4  # offered, not preferred: a name may also be the record's own title
_NAMES = {S.PERSON_NAME: ("contactId",), S.COMPANY_NAME: ("contactId", "companyId")}


def with_link_evidence(cands: list[Candidate], column: ColumnProfile) -> None:
    fields = _NAMES.get(column.semantic_type, ())
    if column.type_share < 0.6:
        return
    for cand in cands:
        if cand.value_kind == "lookup" and cand.field in fields and cand.object not in (T.CONTACT, T.COMPANY):
            cand.score = max(cand.score, LINK_SCORE)
            cand.evidence.append(
                f"{column.type_share:.0%} of values are {column.semantic_type.value}s: the related contact"
            )


def with_value_evidence(
    cands: list[Candidate], column: ColumnProfile, destination: DestinationState | None
) -> None:
    """Candidates the values call for whatever the header says: owners (users' names) and contact links."""
    with_user_evidence(cands, column, destination)
    with_link_evidence(cands, column)
