"""A column naming a team, not a person ('Assigned Teams': Installations, HVAC Service).

Field-service exports list a job's assigned team beside its assigned team members. Both headers say
'assigned', so both read as the owner; but HighLevel's owner is one user, and a team is a group of
them. When the header names a group (team, crew, department) and no member of it, and not one of
the column's values names a destination user, the values confirm the header: no owner reading. A
crew listed by its people's names ('Marcus Reyes, Jenna Price') names users and keeps its reading.
"""

from __future__ import annotations

from assistant.propose.normalize import tokens

GROUP_WORDS = frozenset({"team", "teams", "crew", "crews", "group", "groups", "department", "departments",
                         "squad", "squads", "division", "branch"})  # fmt: skip
MEMBER_WORDS = frozenset({"member", "members", "user", "users", "tech", "techs", "technician",
                          "technicians", "employee", "employees", "staff", "person", "people"})  # fmt: skip
GROUP_SCORE = 0.5  # below a standard field's bar: the column becomes a field of its own


def names_a_group(column: str) -> bool:
    """'Assigned Teams', 'crew': a header naming a group of people and none of its members."""
    words = set(tokens(column.rsplit(".", 1)[-1]))
    return bool(words & GROUP_WORDS) and not words & MEMBER_WORDS


def group_evidence(column: str, share: float, distinct: int) -> str | None:
    """Why the owner reading falls, when the header names a group and no value names a user."""
    if share > 0 or distinct < 1 or not names_a_group(column):
        return None
    return f"names a group of people and none of its {distinct} distinct values names a HighLevel user"
