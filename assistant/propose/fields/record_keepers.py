"""Columns where the old system notes which of its users touched a record, or how its map cached it.

Three shapes recur in list-view exports of any platform:

- who created or last changed the record ('Created By', 'Modified By ID', 'updated_by'): the old
  system's audit trail. HighLevel keeps its own, and the person is rarely the record's owner;
- a user id beside the owner's name ('Assigned User ID' next to 'Assigned User Name'): ids of the
  old system's users ('1', a UUID) mean nothing to HighLevel, whose users have their own; the owner
  is matched by name or e-mail, never by the old id;
- a geocoder's status ('Geocode Status': OK / ZERO_RESULTS): whether the old map module found the
  address, which migrates itself.

These are only asked of columns no standard field took, so an owner column of ids a users table
resolves keeps its map.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens

S = SemanticType
_CHANGE_WORDS = frozenset({"created", "modified", "updated", "edited", "changed", "entered"})
_ACTOR_WORDS = frozenset({"by", "user", "staff", "author", "employee"})
_USER_WORDS = frozenset({"user", "owner", "assigned", "staff", "employee", "rep"})
_ID_WORDS = frozenset({"id", "ids", "uuid", "guid", "key"})
_GEOCODE_WORDS = frozenset({"geocode", "geocoded", "geocoding", "geo"})
_DATES = (S.DATE, S.DATETIME)
# an id: digits, or one unbroken run of letters, digits and dashes holding a digit ('1', a UUID)
_ID_VALUE = re.compile(r"(?=[^\s]*\d)[0-9A-Za-z][0-9A-Za-z_-]*")
_STATUS_CODE = re.compile(r"[A-Z][A-Z_]*")


def _values(col: ColumnProfile) -> list[str]:
    listed = [v.value for v in col.top_values] + list(col.samples)
    return [v.strip() for v in listed if v and v.strip()]


def _all_ids(col: ColumnProfile) -> bool:
    values = _values(col)
    return bool(values) and all(_ID_VALUE.fullmatch(v) for v in values)


def records_changes(col: ColumnProfile) -> bool:
    """'Created By', 'Modified By ID' over ids: which user created or changed the record, not when.
    A creator's name is readable and may be kept; the old system's id of one says nothing."""
    words = set(tokens(col.column.rsplit(".", 1)[-1]))
    changes = bool(words & _CHANGE_WORDS) and bool(words & _ACTOR_WORDS)
    return changes and col.semantic_type not in _DATES and _all_ids(col)


def user_ids(col: ColumnProfile) -> bool:
    """'Assigned User ID', 'owner_id' over ids: the old system's own numbering of its users."""
    words = set(tokens(col.column.rsplit(".", 1)[-1]))
    return bool(words & _USER_WORDS) and bool(words & _ID_WORDS) and _all_ids(col)


def geocoder_status(col: ColumnProfile) -> bool:
    """'Geocode Status' over upper-case codes (OK, ZERO_RESULTS): the map module's note on the address."""
    words = set(tokens(col.column.rsplit(".", 1)[-1]))
    values = _values(col)
    return bool(words & _GEOCODE_WORDS) and bool(values) and all(_STATUS_CODE.fullmatch(v) for v in values)


def record_keeper_reason(col: ColumnProfile) -> str | None:
    """Why a column without a standard home is the old system's note on its users or its map, or None."""
    if records_changes(col):
        return "who created or last changed the record in the old system: its audit trail, not the record's"
    if user_ids(col):
        return "ids of the old system's users: HighLevel users have their own, the owner is matched by name"
    if geocoder_status(col):
        return "the old map module's status for the address, which migrates itself"
    return None
