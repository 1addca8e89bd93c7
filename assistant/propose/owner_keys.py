"""Owner ids named elsewhere in the export: 'Account Owner Id' whose UUIDs reappear beside a name.

An export may give a record's owner as a bare user id ('Account Owner Id', 'owner_id') with no users
table to resolve it, while the same ids reappear in another column beside the person's name (a row's
'Created by / Workspace Member' next to 'Created by / Name': the workspace member who created it).
Each id then names the person its twin column always names, and that name finds the HighLevel user.
An id the export never names stays listed, unmatched, for a human: guessing would give records away.
Only an id column whose header says owner and whose values pair one-to-one with a name column is
read so; an author's id ('created_by_id') owns nothing.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.mapping.items import FieldMap
from assistant.mapping.models import TransformKind
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import concepts, tokens
from assistant.propose.signals import visible_columns
from assistant.propose.sourcedata import SourceValues

_ID_WORDS = frozenset({"id", "uid", "uuid", "key"})
_NAME_CONCEPTS = frozenset({"name", "full_name"})
MIN_KEYS = 2  # one id beside one name pairs with anything
Person = tuple[str, str, str | None]  # (table, id, the name found beside it)


def _owner_id(col: ColumnProfile) -> bool:
    named = concepts(col.column)
    words = tokens(col.column)
    return bool(words) and words[-1] in _ID_WORDS and "owner" in named and "creator" not in named


def _names_people(col: ColumnProfile) -> bool:
    """People's names by their values, or by a header saying name over a short list ('Created by / Name')."""
    return col.semantic_type == SemanticType.PERSON_NAME or bool(_NAME_CONCEPTS & set(concepts(col.column)))


def _pairs(rows: list[dict[str, str | None]], key: str, name: str) -> dict[str, str] | None:
    """Id -> name when each id always comes with one name and each name with one id, over enough ids."""
    names: dict[str, set[str]] = defaultdict(set)
    ids: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        k, n = (row[key] or "").strip(), (row[name] or "").strip()
        if k and n:
            names[k].add(n)
            ids[n.casefold()].add(k)
    if len(names) < MIN_KEYS or any(len(v) > 1 for v in (*names.values(), *ids.values())):
        return None
    return {k: next(iter(n)) for k, n in names.items()}


def _names_beside(
    tables: list[TableProfile], values: SourceValues, keys: set[str], own: tuple[str, str]
) -> dict[str, str]:
    """Id -> the person's name a column of the same ids always stands beside, anywhere in the export."""
    found: dict[str, str] = {}
    for table in tables:
        people = [c for c in visible_columns(table) if _names_people(c)]
        for col in visible_columns(table):
            kept = {v.value.strip() for v in (*col.picklist, *col.top_values)}
            if (table.table, col.column) == own or not kept & keys or col.column == table.primary_key:
                continue
            for name in (p for p in people if p.column != col.column):
                pairs = _pairs(values.rows(table.table, [col.column, name.column]), col.column, name.column)
                if pairs is not None:
                    found |= {k: n for k, n in pairs.items() if k in keys and k not in found}
                    break
    return found


def people_from_keys(
    tables: list[TableProfile], fields: list[FieldMap], values: SourceValues
) -> list[Person]:
    """The people behind owner id columns no owner map reads, named by the columns beside their ids."""
    owners = [f for f in fields if f.transform.kind == TransformKind.OWNER]
    read = {(f.source_object, c) for f in owners for c in f.source_columns}
    out: list[Person] = []
    for table in tables:
        for col in visible_columns(table):
            if (table.table, col.column) in read or col.foreign_key is not None or not _owner_id(col):
                continue
            keys = {v.value.strip() for v in values.distinct(table.table, col.column)} - {""}
            if len(keys) < MIN_KEYS:
                continue
            named = _names_beside(tables, values, keys, (table.table, col.column))
            if named:  # ids nothing names stay listed: the reviewer sees them unmatched
                out += [(table.table, k, named.get(k)) for k in sorted(keys)]
    return out
