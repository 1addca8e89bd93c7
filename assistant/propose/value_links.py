"""Targets read from values: names of people or firms name a contact, call outcomes a call status.

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
from assistant.propose.company_links import with_company_link_evidence
from assistant.propose.display_names import with_display_name_evidence
from assistant.propose.history_words import call_status_of
from assistant.propose.normalize import tokens
from assistant.propose.owner_values import with_user_evidence

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

T = TargetObject
S = SemanticType
LINK_SCORE = 0.4  # offered, not preferred: a name may also be the record's own title
# headers of a record-state flag (as fields.system_stamps and fields.lost_flags read them)
_STATE_FLAGS = frozenset({"active", "activo", "activa", "aktiv", "actif", "attivo", "archived", "inactive"})
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


def with_message_evidence(cands: list[Candidate], column: ColumnProfile) -> None:
    """On a history row: call outcomes ('answered', 'vm-left') are its call status, sentences its body."""
    values = column.picklist or column.top_values
    total = sum(v.count for v in values)
    outcomes = sum(v.count for v in values if call_status_of(v.value)) / total if total else 0.0
    # short texts repeat ('Thanks!'), so length and free wording say 'body', not uniqueness
    sentences = column.semantic_type in (S.FREE_TEXT, S.MULTI_VALUE) and (column.avg_length or 0) >= 10
    for cand in cands:
        if cand.object != T.MESSAGE:
            continue
        if cand.field == "callStatus" and outcomes >= 0.6:
            cand.score = max(cand.score, round(0.5 + 0.4 * outcomes, 4))
            cand.evidence.append(f"{outcomes:.0%} of values are call outcomes")
        elif cand.field == "message" and sentences:
            cand.score = max(cand.score, LINK_SCORE)
            cand.evidence.append("values are free sentences: the message body")


def with_state_flag_evidence(cands: list[Candidate], column: ColumnProfile) -> None:
    """A yes/no 'Active' or 'Archived' flag on a deal: an archived deal may be a lost one, so the
    deal's status is offered (see ``fields.lost_flags``, which proposes it where a lost reason says so)."""
    words = set(tokens(column.column)) - {"is"}
    if column.semantic_type is not S.BOOLEAN or not words or not words <= _STATE_FLAGS:
        return
    for cand in cands:
        if cand.object == T.OPPORTUNITY and cand.field == "status":
            cand.score = max(cand.score, LINK_SCORE)
            cand.evidence.append("a yes/no record-state flag: an archived deal may be a lost one")


def with_value_evidence(
    cands: list[Candidate], column: ColumnProfile, destination: DestinationState | None
) -> None:
    """Candidates the values call for whatever the header says: owners (users' names) and contact links."""
    with_user_evidence(cands, column, destination)
    with_link_evidence(cands, column)
    with_company_link_evidence(cands, column)
    with_display_name_evidence(cands, column)
    with_message_evidence(cands, column)
    with_state_flag_evidence(cands, column)
