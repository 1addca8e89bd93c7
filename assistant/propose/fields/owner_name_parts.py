"""The surname half of an owner split over two columns ('Assigned To [First Name]' / '[Last Name]').

Some exports give the user a record is assigned to as two columns, first name and last name. The
first name feeds the owner (matched to a destination user); the last name beside it is the same
person's other half. Kept as a custom field it would repeat, on every record, a part of the
owner's name the owner already carries. A column is read so when its header, without the word
naming the name part, names an owner ('Assigned To') and is the header of a first-name column of
the table, and the record's owner field is already fed.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts, tokens

_LAST = frozenset({"last", "surname", "family"})
_FIRST = frozenset({"first", "given", "forename"})
_NAME_WORDS = frozenset({"name", "names"})
OWNER_FIELD = "assignedTo"


def _rest(column: str, part: frozenset[str]) -> tuple[str, ...] | None:
    """The header's words without the name-part words, when it names that part."""
    words = tokens(column)
    if not part & set(words):
        return None
    return tuple(w for w in words if w not in part and w not in _NAME_WORDS)


def owner_surname_of(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The first-name column feeding the owner whose surname this column holds, or None."""
    if f"{ctx.primary.value}.{OWNER_FIELD}" not in ctx.claimed:
        return None
    rest = _rest(col.column, _LAST)
    if not rest or "owner" not in concepts(" ".join(rest)):  # 'Contact Last Name' names no user
        return None
    return next((c.column for c in ctx.table.columns if _rest(c.column, _FIRST) == rest), None)


def owner_surname_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    first = owner_surname_of(ctx, col)
    if first is None:
        return None
    return f"the surname of the user '{first}' names, which feeds the owner: the user carries it"
