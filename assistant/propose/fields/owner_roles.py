"""Which of two user columns of a deal or job owns it: the one who sold it, not the one doing the work.

A job list may name two users on every row: the salesperson who sold the job ('Sold By', 'Sales
Rep', 'Salesperson', 'Closed By') and the technician or crew scheduled to do it ('Assign To',
'Technician', 'Crew'). HighLevel's opportunity has one owner, and an opportunity is a sales record:
its owner is the user accountable for winning it, whom its pipeline reports and follow-ups count
under. The technician is the work's schedule, a job detail kept as text or a pick-list. So when both
kinds of column name users, the seller's column takes the owner field; a job list with only an
assignee ('Assigned To' alone) still gives the owner to it. A column headed 'owner' is neither: it
already says which user owns the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

OWNER_FIELDS = frozenset({"assignedTo", "assignedUserId"})
# words of a header naming who sold the record (single words, or pairs read together)
_SELLER_WORDS = frozenset({"sold", "seller", "salesperson", "salesman", "saleswoman", "salesrep", "closer",
                           "vendedor", "vendedora", "vendido"})  # fmt: skip
_SELLER_PAIRS = frozenset({("sales", "rep"), ("sales", "agent"), ("sales", "person"), ("closed", "by")})
# words of a header naming who does the work
_WORKER_WORDS = frozenset({"assign", "assigned", "assignee", "technician", "technicians", "tech",
                           "techs", "crew", "worker", "workers", "installer", "tecnico", "asignado",
                           "asignada"})  # fmt: skip


def names_seller(header: str) -> bool:
    words = tokens(header)
    pairs = set(pairwise(words))
    return bool(set(words) & _SELLER_WORDS or pairs & _SELLER_PAIRS)


def names_worker(header: str) -> bool:
    words = set(tokens(header))
    return bool(words & _WORKER_WORDS) and "owner" not in words and not names_seller(header)


def workers_beside_sellers(
    pool: Sequence[tuple[float, ColumnProfile, Candidate]], primary: TargetObject
) -> set[tuple[str, str, str]]:
    """(column, object, field) of a worker column's owner candidate when a seller column of the same
    deal or job is a candidate for its owner field too: the seller's column takes it."""
    if primary != TargetObject.OPPORTUNITY:
        return set()
    owners = [(col, cand) for _, col, cand in pool if cand.object == primary and cand.field in OWNER_FIELDS]
    sold = {cand.field for col, cand in owners if names_seller(col.column)}
    return {
        (col.column, cand.object.value, cand.field)
        for col, cand in owners
        if cand.field in sold and names_worker(col.column)
    }


def seller_over_worker(owner: str, rival: str) -> str | None:
    """Why a worker column beside the seller's owner column is no rival for the owner, or None."""
    if not (names_seller(owner) and names_worker(rival)):
        return None
    return (
        f"'{rival}' names users too, the ones doing the work: an opportunity's owner is the user "
        f"who sold it ('{owner}')"
    )
