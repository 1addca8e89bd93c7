"""Two columns of one table that both name destination users ('Assign To' by first name beside
'Sold By' by e-mail): which one owns the record is a decision of the business, not of the values.

The owner field holds one user. When another column's values name users as well as the chosen
column's do, and name another user on a good share of rows, the proposal keeps its choice but asks
the engineer: the technician on the schedule and the salesperson who sold the job are both users,
and either may be the one a business calls the owner. Two spellings of the same user on every row
('Owner' and 'Owner Email') are no rivals, nor is the record's author, nor the technician beside the
deal's seller (``owner_roles``: the seller owns the deal).
"""

from __future__ import annotations

from assistant.highlevel.state import DestinationState, User
from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.links import names_author
from assistant.propose.fields.owner_roles import OWNER_FIELDS, seller_over_worker
from assistant.propose.fields.owner_roles import workers_beside_sellers as workers_beside_sellers
from assistant.propose.normalize import normalise
from assistant.propose.owner_values import MIN_DISTINCT, MIN_SHARE, user_share, user_spellings

RIVAL_OWNER_CONFIDENCE = 0.6
SELLER_OWNER_CONFIDENCE = 0.8
MIN_DISAGREEING = 0.2  # share of rows, both filled, naming different users


def _names_users(column: ColumnProfile, destination: DestinationState | None) -> bool:
    share, distinct = user_share(column, destination)
    return share >= MIN_SHARE and distinct >= MIN_DISTINCT


def _user_of(users: list[User]) -> dict[str, str]:
    """Spelling -> user id, for the spellings user_spellings accepts."""
    accepted = user_spellings(users)
    out: dict[str, str] = {}
    for u in users:
        full = u.name or " ".join(p for p in (u.firstName, u.lastName) if p)
        for spelling in (full, u.email, u.firstName or full.split(" ")[0]):
            key = normalise(spelling or "")
            if key in accepted:
                out[key] = u.id
    return out


def _disagree(ctx: TableContext, owner: str, rival: str) -> bool:
    users = [u for u in (ctx.destination.users if ctx.destination else []) if not u.deleted]
    if ctx.values is None or not users:
        return False
    user_of = _user_of(users)
    pairs = [
        (user_of.get(normalise(r.get(owner) or "")), user_of.get(normalise(r.get(rival) or "")))
        for r in ctx.values.rows(ctx.name, [owner, rival])
    ]
    both = [(a, b) for a, b in pairs if a and b]
    return bool(both) and sum(a != b for a, b in both) >= MIN_DISAGREEING * len(both)


def held_rival_owners(ctx: TableContext, maps: list[FieldMap], columns: list[ColumnProfile]) -> None:
    """Holds the owner map below the review threshold when another column names users too."""
    for fmap in maps:
        if fmap.target.field not in OWNER_FIELDS or fmap.target.object != ctx.primary:
            continue
        rivals = [
            c.column
            for c in columns
            if c.column not in fmap.source_columns
            and c.foreign_key is None
            and not names_author(c)
            and _names_users(c, ctx.destination)
            and len(fmap.source_columns) == 1
            and _disagree(ctx, fmap.source_columns[0], c.column)
        ]
        owner = fmap.source_columns[0]
        workers = {c: why for c in rivals if (why := seller_over_worker(owner, c))}
        if workers:  # a reading of the two headers, not of the values: never certain
            fmap.confidence = min(fmap.confidence, SELLER_OWNER_CONFIDENCE)
            fmap.evidence += [Evidence(source="values", detail=why) for why in workers.values()]
            for worker in (m for m in maps if m.source_columns[0] in workers):
                why = f"the users doing the work: the deal's owner is who sold it ('{owner}')"
                worker.evidence.append(Evidence(source="values", detail=why))
        rivals = [c for c in rivals if c not in workers]
        if not rivals:
            continue
        why = f"'{rivals[0]}' names users too: which of them owns the record is the engineer's call"
        fmap.confidence = min(fmap.confidence, RIVAL_OWNER_CONFIDENCE)
        fmap.evidence.append(Evidence(source="values", detail=why))
        fmap.rationale = f"{fmap.rationale}; {why}"
