"""A people cell naming several people in plain text ('Felix Wagner, Noor Haddad'): the first one owns.

Board exports write a people column's assignees comma-separated in one cell. A HighLevel record has
one owner and the plan reads the whole cell as the owner key, so the cell is matched to the user its
first person names, as a JSON list's first person is; the others are named in the evidence. Each
part must read as a full name or an e-mail, so 'Wagner, Felix' (one person, last name first) is no list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.highlevel.state import User
from assistant.mapping.items import OwnerMatch
from assistant.mapping.models import Evidence
from assistant.propose.owner_match import match_owner

if TYPE_CHECKING:
    from assistant.propose.owners import SourceUser

_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b)\s*")
LISTED_FACTOR = 0.9  # the first of several is the owner by convention, not by the cell's own say


def _people(text: str) -> list[str]:
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    whole = all("@" in p or len(p.split()) >= 2 for p in parts)
    return parts if len(parts) >= 2 and whole else []


def first_listed(person: SourceUser, users: list[User]) -> OwnerMatch | None:
    """The match of the cell's first person, for the whole cell; None when it is no list or no user."""
    people = _people(person.name or person.email or "")
    if not people:
        return None
    first = people[0]
    one = replace(person, name=None if "@" in first else first, email=first if "@" in first else None)
    match = match_owner(one, users, None, None)
    if match.user_id is None:
        return None
    listed = Evidence(source="name", detail=f"{len(people)} people in one cell: {', '.join(people)}")
    return match.model_copy(
        update={
            "source_name": person.name,
            "source_email": person.email,
            "confidence": round(match.confidence * LISTED_FACTOR, 3),
            "rationale": f"the cell names {len(people)} people and a record has one owner, the first: "
            f"{match.rationale}",
            "evidence": [*match.evidence, listed],
        }
    )
