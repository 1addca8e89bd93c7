"""An owner reached through another record's path ('quote.estimator.userid' on a job): that record's user.

A JSON export nests the records a row links to, users and all: a job carries its quote, and the
quote its estimator. The estimator is a user, so the link reads as an owner; but it is the quote's
user, and whether whoever estimated the quote also owns the job is the business's rule, not the
export's. The owner map is kept (often it is the owner) and held below the review threshold with
the reason. A path whose first step names a user ('owner.id', 'taskOwner.email') or the table's own
record by its name ('deal.owner.id' on deals) is the record's own owner and stays as it is.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import object_words, singular, tokens

BORROWED_OWNER_CONFIDENCE = 0.6
_SEPARATORS = (".", " / ")


def _first_step(column: str) -> str | None:
    cuts = [column.find(sep) for sep in _SEPARATORS if sep in column]
    return column[: min(cuts)] if cuts else None


def borrowed_from(ctx: TableContext, column: ColumnProfile) -> str | None:
    """The other record's step an owner column is reached through ('quote'), or None."""
    step = _first_step(column.column)
    if not step:
        return None
    named = set(object_words(step))
    own = {singular(w) for w in tokens(ctx.name)}  # 'deal.owner.id' on deals: the record's own path
    return step if named and "user" not in named and not {singular(w) for w in tokens(step)} & own else None


def held_borrowed_owner(ctx: TableContext, column: ColumnProfile, owner: FieldMap) -> FieldMap:
    """The owner map, held for review when its user belongs to another record the row links to."""
    step = borrowed_from(ctx, column)
    if step is None:
        return owner
    why = f"the user of the linked '{step}', which may not be whoever owns this record: the engineer decides"
    owner.confidence = min(owner.confidence, BORROWED_OWNER_CONFIDENCE)
    owner.evidence.append(Evidence(source="header", detail=why))
    owner.rationale = f"{owner.rationale}; {why}"
    return owner
