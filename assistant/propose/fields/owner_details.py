"""Columns of a nested user object flattened beside the record's own ('owner.is_admin', 'user.id').

A JSON export often nests the record's owner, author or assignee whole: 'owner': {id, name, email,
is_admin, ...} arrives as 'owner.id', 'owner.name', 'owner.email', 'owner.is_admin'. They describe
that user, not the record: its admin flags, ids and times are no custom fields of a contact, and
its name is no contact's name. Only what finds the user in the destination feeds the record's owner
field: the e-mail (the sure match), else the user's name, else a link the profile resolved to a
users table. An author ('created_by.email') is no owner: nothing of it is read. A nested list of
such users (a job's 'techs_assigned') reads the same way, except that halves of a name are no way
to one owner among several. Spreadsheet exports flatten the same object with ' / ' ('Created by /
Name', 'Created by / Source'): read as a path alike.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost, is_nested
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts

T = TargetObject
_USER_WORDS = frozenset({"owner", "creator"})
_NAME_LEADS = frozenset({"name", "full_name"})
_HALF_NAMES = frozenset({"first_name", "last_name"})
MIN_OWN_COLUMNS = 2  # the record must have columns of its own, or the whole row is the user
_SEPARATORS = (".", " / ")


def _split(column: str) -> tuple[str, str] | None:
    """(object path, leaf) of a flattened nested column, by the separator that comes last."""
    cuts = [(column.rfind(sep), sep) for sep in _SEPARATORS if sep in column]
    if not cuts:
        return None
    at, sep = max(cuts)
    return column[:at], column[at + len(sep) :]


def _user_prefix(column: str, table: TableProfile) -> str | None:
    """The dotted path (or the nested list's name) that holds a user, if any."""
    if (path := _split(column)) is not None and _USER_WORDS & set(concepts(path[0])):
        return path[0]
    child = innermost(table.table)[1] if table.parent_table and is_nested(table.table) else ""
    if child and _USER_WORDS & set(concepts(child)):
        return ""
    return None


def _under(column: str, prefix: str) -> bool:
    return not prefix or any(column.startswith(prefix + sep) for sep in _SEPARATORS)


def _same_link(column: ColumnProfile, table: TableProfile, prefix: str) -> str | None:
    """A column outside the nested object linking to the same rows ('user_id' beside 'user.id')."""
    fk = column.foreign_key
    assert fk is not None
    for other in table.columns:
        theirs = other.foreign_key
        if theirs is None or _under(other.column, prefix) or other.column.startswith("_"):
            continue
        if "." in other.column:  # another nested user ('assignee.id' beside 'owner.id') is another role
            continue
        if (theirs.target_table, theirs.target_column) == (fk.target_table, fk.target_column):
            return other.column
    return None


def _leaf_lead(column: str) -> str | None:
    path = _split(column)
    found = concepts(path[1] if path else column)
    return found[0] if found else None


def owner_detail_reason(column: ColumnProfile, table: TableProfile, primary: TargetObject) -> str | None:
    """Why a column of a nested user object is not migrated (None: not one, or it finds the owner)."""
    if primary == T.USER:
        return None  # a users table's own columns
    prefix = _user_prefix(column.column, table)
    if prefix is None:
        return None
    visible = [c.column for c in table.columns if not c.column.startswith("_")]
    if prefix and sum(not _under(c, prefix) for c in visible) < MIN_OWN_COLUMNS:
        return None  # every column is under the prefix: the row itself is the user
    whose = f"'{prefix}'" if prefix else f"the nested list '{table.table}'"
    if "owner" not in concepts(prefix or table.table):
        return f"describes the author in {whose}, a user who is not the record's owner"
    if column.foreign_key is not None:
        twin = _same_link(column, table, prefix)
        return f"the link '{twin}' already names the user in '{prefix}'" if twin else None
    siblings = {_leaf_lead(c) for c in visible if _under(c, prefix) and c != column.column}
    lead = _leaf_lead(column.column)
    if lead == "email" or (lead in _NAME_LEADS and "email" not in siblings):
        return None  # what finds the user: the owner field reads it
    if prefix and lead in _HALF_NAMES and not ({"email"} | _NAME_LEADS) & siblings:
        return None  # first and last name are all there is to find the user by
    return f"describes the user in {whose}, not the record: only what finds that user is read"
