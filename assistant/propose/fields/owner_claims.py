"""Which of a record's user columns owns it, when several name users: the one assigned, filled on most rows.

Two shapes recur in exports of any platform:

- a role filled on some rows only ('ProjectManager.Name' on project jobs, blank on the service jobs)
  beside one filled on every row ('Salesperson.Name'). A record has one owner, and most records have
  one: the column that leaves a record without owner is a role of some records, not the owner.
- a bare user column beside the same header qualified as the assignment ('Quote User' beside
  'Quote Assigned User', 'User' beside 'Assigned User'): the qualified one is whom the record is
  assigned to, the bare one the user who entered it, the old system's audit trail. The bare column
  yields the owner field and is skipped as such.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts, tokens
from assistant.propose.owner_values import MIN_SHARE, user_share

OWNER_FIELDS = frozenset({"assignedTo", "assignedUserId"})
EMPTY_WEIGHT = 0.15  # as for a contact's phone or e-mail: of two alike columns the filled one is main
BARE_WEIGHT = 0.2  # enough to yield to the assigned column whatever the values' small differences
_ASSIGN_WORDS = frozenset({"assigned", "assignee", "owner", "responsible", "asignado", "asignada"})


def assigned_variant(column: str, others: Sequence[str]) -> str | None:
    """The column among ``others`` that is ``column``'s header qualified as the assignment, if any."""
    mine = set(tokens(column))
    if not mine or mine & _ASSIGN_WORDS:
        return None
    for other in others:
        theirs = set(tokens(other))
        if other != column and mine < theirs and (theirs - mine) & _ASSIGN_WORDS:
            return other
    return None


def owner_doubt(
    item: tuple[float, ColumnProfile, Candidate], cands: Mapping[str, Sequence[Candidate]]
) -> float:
    """How much weaker a column's claim on the owner field is than its score says (0: no doubt);
    ``cands`` holds every column's candidates, the rivals among them."""
    _score, col, cand = item
    if cand.field not in OWNER_FIELDS:
        return 0.0
    rivals = [c for c, of in cands.items() if c != col.column and any(o.field == cand.field for o in of)]
    bare = BARE_WEIGHT if assigned_variant(col.column, rivals) else 0.0
    return EMPTY_WEIGHT * col.null_share + bare


def entered_by_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a bare user column beside its assigned variant is not migrated, or None."""
    if "owner" not in concepts(col.column):
        return None
    assigned = assigned_variant(col.column, [c.column for c in ctx.table.columns])
    share, _distinct = user_share(col, ctx.destination)
    if assigned is None or share < MIN_SHARE:
        return None
    return (
        f"the user beside '{assigned}', whom the record is assigned to: the one who entered it in the "
        "old system, its audit trail rather than its owner"
    )
