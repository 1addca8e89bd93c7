"""People named under a category row ('Salesperson': 'Priya' in a line's tracking list {Name, Option}).

Accounting and job exports tag records with category / option pairs: each row of a nested list says
which category ('Department', 'Salesperson') and which option of it. A column holds no owner, yet
the rows of a category whose name says owner (a salesperson, a sales rep, an assignee) hold people
all the same. When their options name destination users, they are listed as people to match like
any owner column's values, so the reviewer sees who the category names (Priya and Tom are users,
Dan is not). Options of the other categories ('Signage', 'Install') are never read as people.
"""

from __future__ import annotations

from assistant.highlevel.state import DestinationState
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import concepts, normalise
from assistant.propose.owner_values import MIN_DISTINCT, MIN_SHARE, user_spellings
from assistant.propose.signals import visible_columns
from assistant.propose.sourcedata import SourceValues

S = SemanticType
_TEXT = (S.PICKLIST, S.PERSON_NAME, S.FREE_TEXT)
MAX_CATEGORIES = 12  # a category column names a few kinds of thing; more is a column of values


def _owner_label(label: str) -> bool:
    named = concepts(label)
    return "owner" in named and "creator" not in named


def _categories(col: ColumnProfile) -> set[str]:
    """The category names of a column that says owner on some of its rows, or none."""
    labels = {v.value.strip() for v in col.picklist}
    if not 2 <= len(labels) <= MAX_CATEGORIES:
        return set()
    owners = {label for label in labels if _owner_label(label)}
    return owners if owners != labels else set()  # every row a person: an owner column, read elsewhere


def _people(
    table: TableProfile,
    values: SourceValues,
    cat: ColumnProfile,
    others: list[ColumnProfile],
    spellings: set[str],
) -> tuple[int, set[str]]:
    """How many users, and which options, the owner categories name in the column naming most users."""
    kinds = _categories(cat)
    best: tuple[int, set[str]] = (0, set())
    for opt in others if kinds else []:
        rows = values.rows(table.table, [cat.column, opt.column])
        people = {(r[opt.column] or "").strip() for r in rows if (r[cat.column] or "").strip() in kinds}
        people.discard("")
        named = sum(normalise(p) in spellings for p in people)
        if named > best[0]:
            best = (named, people)
    return best


def people_in_categories(
    tables: list[TableProfile], values: SourceValues, destination: DestinationState | None
) -> list[tuple[str, str]]:
    """(table, person) for each option of an owner category whose options mostly name users."""
    users = [u for u in (destination.users if destination else []) if not u.deleted]
    if not users:
        return []
    spellings = user_spellings(users)
    out: list[tuple[str, str]] = []
    for table in tables:
        text = [c for c in visible_columns(table) if c.semantic_type in _TEXT and c.foreign_key is None]
        for cat in text:
            named, people = _people(table, values, cat, [c for c in text if c is not cat], spellings)
            if len(people) >= MIN_DISTINCT and named >= MIN_SHARE * len(people):
                out += [(table.table, p) for p in sorted(people)]
    return out
