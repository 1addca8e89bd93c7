"""Users known only by their links: a users list with no id column whose avatar or self link holds the id.

APIs often list users without an id field and expose each one through links instead
('https://…/company/user/6689b605d38ba1d6aaabf9c5/avatar?version=1'), while the records name their
owner by that bare id ('owner_id'). The id is the path segment that looks like a key (hex, a UUID or
digits) at the same place in every link, one distinct value per user, and that columns elsewhere
whose header says they hold a user's id use as values. Each user's key is then that segment, so the
owner matches are keyed by what the records hold; a user nobody references yet keeps its segment too.
A link whose segments never reappear as a user id elsewhere keys nothing: a picture link alone is
no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.signals import visible_columns
from assistant.propose.sourcedata import SourceValues

_ID_SEGMENT = re.compile(
    r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[a-f]*\d)[0-9a-f]{12,}|\d+", re.IGNORECASE
)
_USER_WORDS = frozenset({"user", "owner", "assigned", "assignee", "staff", "employee", "member", "rep"})
_ID_WORDS = frozenset({"id", "ids", "uuid", "guid", "key"})
MIN_USERS = 2  # one id found elsewhere may be a coincidence; two users referenced by it are a scheme
MIN_SHARE = 0.5  # at least half the users' links hold an id at that place (others keep the default picture)


@dataclass(frozen=True)
class LinkedIds:
    column: str  # the link column
    ids: dict[str, str]  # link cell (trimmed) -> the user id inside it

    @property
    def evidence(self) -> str:
        return f"user ids found inside {self.column}"


def link_segments(cell: str) -> list[str]:
    parts = urlsplit(cell.strip())
    return [s for s in parts.path.split("/") if s] if parts.scheme and parts.netloc else []


def says_user_id(column: str) -> bool:
    """A header saying the column holds a user's id ('owner_id', 'owner.user_id', 'Assigned User ID')."""
    words = tokens(column)
    return bool(words) and words[-1] in _ID_WORDS and bool(_USER_WORDS & set(words))


def _named_user_ids(tables: list[TableProfile], values: SourceValues, own: str) -> set[str]:
    """Values of columns of other tables whose header says they hold a user's id."""
    found: set[str] = set()
    for table in (t for t in tables if t.table != own):
        for col in (c for c in visible_columns(table) if says_user_id(c.column)):
            found |= {v.value.strip() for v in values.distinct(table.table, col.column, limit=5000)}
    return found


def _ids_at(cells: list[str], at: int) -> dict[str, str] | None:
    """Cell -> its segment at ``at`` when that segment is a key on nearly every cell and differs per cell
    (a user still on the default picture has no id in its link: it keeps the link as its key)."""
    ids: dict[str, str] = {}
    for cell in cells:
        parts = link_segments(cell)
        if at < len(parts) and _ID_SEGMENT.fullmatch(parts[at]):
            ids[cell] = parts[at]
    enough = len(ids) >= MIN_SHARE * len(cells)
    return ids if enough and len(set(ids.values())) == len(ids) else None


def ids_in_links(table: TableProfile, values: SourceValues, tables: list[TableProfile]) -> LinkedIds | None:
    """The users' ids inside one of the table's link columns, when the table has no id column of its own."""
    own_key = next((c for c in table.columns if c.column == table.primary_key), None)
    if own_key is not None and own_key.semantic_type != SemanticType.URL:
        return None  # a real key column: the records reference it
    named: set[str] | None = None
    best: tuple[int, LinkedIds] | None = None
    for col in visible_columns(table):
        if col.semantic_type != SemanticType.URL:
            continue
        cells = list({v.value.strip() for v in values.distinct(table.table, col.column, limit=5000)})
        if len(cells) < MIN_USERS:
            continue
        named = _named_user_ids(tables, values, table.table) if named is None else named
        for at in range(max(len(link_segments(c)) for c in cells)):
            ids = _ids_at(cells, at)
            hits = len(set(ids.values()) & named) if ids else 0
            if ids and hits >= MIN_USERS and (best is None or hits > best[0]):
                best = (hits, LinkedIds(col.column, ids))
    return best[1] if best else None
