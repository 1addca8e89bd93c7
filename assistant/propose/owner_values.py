"""Owner columns read from their values: cells naming HighLevel users, one at a time or as a list.

A job's assigned team often arrives as a nested array (a child table of names) or as a JSON list
of names or e-mails in one cell, under a header that says nothing ('Team', 'Name'). When most of
a column's distinct values name destination users (full name, e-mail, or a first name only one
user has), the values say it is an owner column whatever the header says.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from assistant.highlevel.state import DestinationState, User
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import concepts, normalise
from assistant.propose.owner_groups import group_evidence

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

MIN_SHARE = 0.5  # most distinct values must name a user: a few coincidences do not make an owner column
MIN_DISTINCT = 2
# A header may say 'owner' ('comercial', 'rep') over people's names that are no users (trade names):
# when the destination lists users and not one of several distinct names is among them, the values
# say the column holds no HighLevel users, and its owner reading falls below a standard field's bar.
MIN_UNMATCHED = 3
UNMATCHED_SCORE = 0.5


def cell_items(value: str) -> list[str]:
    """The people one cell names: the items of a JSON list, else the cell itself."""
    text = value.strip()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            return [text]
        if isinstance(items, list):
            return [str(i).strip() for i in items if i is not None and str(i).strip()]
    return [text] if text else []


def user_spellings(users: list[User]) -> set[str]:
    """Every way a cell may name a user: full name, e-mail, and first names no other user shares."""
    out: set[str] = set()
    firsts = Counter(normalise(u.firstName or u.name.split(" ")[0]) for u in users if u.firstName or u.name)
    for u in users:
        full = u.name or " ".join(p for p in (u.firstName, u.lastName) if p)
        out |= {normalise(x) for x in (full, u.email) if x}
        first = normalise(u.firstName or full.split(" ")[0]) if full else ""
        if first and firsts[first] == 1:
            out.add(first)
    out.discard("")
    return out


def user_share(column: ColumnProfile, destination: DestinationState | None) -> tuple[float, int]:
    """Share of the column's distinct people that name a destination user, and how many there are."""
    users = [u for u in (destination.users if destination else []) if not u.deleted]
    if not users:
        return 0.0, 0
    people = {normalise(i) for v in (column.picklist or column.top_values) for i in cell_items(v.value)}
    people.discard("")
    if len(people) < MIN_DISTINCT:
        return 0.0, len(people)
    return len(people & user_spellings(users)) / len(people), len(people)


_EVIDENCE = "distinct values name HighLevel users"


def users_listed(destination: DestinationState | None) -> bool:
    return any(not u.deleted for u in (destination.users if destination else []))


def names_users(cand: Candidate) -> bool:
    """Whether the candidate's owner reading rests on values that name destination users."""
    return any(_EVIDENCE in e for e in cand.evidence)


def with_user_evidence(
    cands: list[Candidate], column: ColumnProfile, destination: DestinationState | None
) -> None:
    """Raise owner fields when the values name users (as e-mails say email), lower them when none does."""
    named_concepts = concepts(column.column)
    if "creator" in named_concepts and "owner" not in named_concepts:
        return  # 'created_by_name' names users too, but the author of a record is not its assignee
    share, distinct = user_share(column, destination)
    named = column.semantic_type in (SemanticType.PERSON_NAME, SemanticType.EMAIL)  # not keys ('S1')
    group = group_evidence(column.column, share, distinct) if users_listed(destination) else None
    if (named and share == 0 and distinct >= MIN_UNMATCHED) or group:
        for cand in cands:
            if cand.value_kind == "owner":
                cand.score = min(cand.score, UNMATCHED_SCORE)
                cand.evidence.append(group or f"none of {distinct} distinct values names a HighLevel user")
        return
    if share < MIN_SHARE:
        return
    for cand in cands:
        if cand.value_kind == "owner":
            cand.score = max(cand.score, round(0.5 + 0.4 * share, 4))
            cand.concept = cand.concept or "owner"
            cand.evidence.append(f"{share:.0%} of {distinct} {_EVIDENCE}")
