"""Owner matches: source users / technicians / agents -> destination users (e-mail, then name)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, OwnerMatch
from assistant.mapping.models import Evidence, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.link_user_ids import ids_in_links
from assistant.propose.normalize import normalise
from assistant.propose.objects import ObjectDecision
from assistant.propose.owner_categories import people_in_categories
from assistant.propose.owner_cells import first_listed
from assistant.propose.owner_keys import people_from_keys
from assistant.propose.owner_match import match_owner
from assistant.propose.owner_values import cell_items
from assistant.propose.signals import lead_concept, visible_columns
from assistant.propose.sourcedata import SourceValues


@dataclass(frozen=True)
class SourceUser:
    table: str
    key: str
    name: str | None
    email: str | None
    found: str | None = None  # how the key was found, when it is no cell of its own


def _full_name(row: dict[str, str | None], cols: dict[str, str]) -> str | None:
    """The person's whole name: a full-name column, or given name + surname columns put together, else
    a column merely called a name (which may name something else: 'business_role_name')."""
    head_col = cols.get("full_name") or cols.get("first_name") or cols.get("name")
    head = (row.get(head_col) or "").strip() if head_col else ""
    surname = (row.get(cols["last_name"]) or "").strip() if "last_name" in cols else ""
    if surname and surname.lower() not in head.lower():
        head = f"{head} {surname}".strip()
    return head or None


def users_from_table(
    table: TableProfile, values: SourceValues, tables: list[TableProfile] | None = None
) -> list[SourceUser]:
    cols: dict[str, str] = {}
    for col in visible_columns(table):
        lead = lead_concept(col)
        if lead in ("full_name", "name", "first_name", "last_name", "email") and lead not in cols:
            cols[lead] = col.column
    linked = ids_in_links(table, values, tables or [])  # no id column: the id inside each user's link
    key = linked.column if linked else table.primary_key
    key = key or cols.get("email") or cols.get("name") or cols.get("full_name")
    if key is None:
        return []
    rows = values.rows(table.table, list(dict.fromkeys([key, *cols.values()])))
    users = []
    for row in rows:
        if row.get(key):
            email = row.get(cols["email"]) if "email" in cols else None
            own = linked.ids.get(str(row[key]).strip()) if linked else None
            found = linked.evidence if linked and own else None
            users.append(SourceUser(table.table, own or str(row[key]), _full_name(row, cols), email, found))
    return users


def users_from_columns(fields: list[FieldMap], values: SourceValues) -> list[SourceUser]:
    """Distinct owner values of columns mapped by name or e-mail (no users table behind them)."""
    out: list[SourceUser] = []
    for fmap in fields:
        if fmap.transform.kind != TransformKind.OWNER or "table" in fmap.transform.params:
            continue
        listed = {
            i: None
            for v in values.distinct(fmap.source_object, fmap.source_columns[0])
            for i in cell_items(v.value)
        }
        for value in listed:  # a cell may list several people (JSON): each one is a person to match
            by_email = fmap.transform.params.get("match") == "email" or "@" in value
            out.append(
                SourceUser(
                    fmap.source_object, value, None if by_email else value, value if by_email else None
                )
            )
    return out


def propose_owners(
    tables: list[TableProfile],
    decisions: dict[str, ObjectDecision],
    fields: list[FieldMap],
    values: SourceValues,
    destination: DestinationState | None,
    fallback_email: str | None,
) -> list[OwnerMatch]:
    people: list[SourceUser] = []
    for table in tables:
        if decisions.get(table.table) is not None and decisions[table.table].kind == "user":
            people += users_from_table(table, values, tables)
    people += users_from_columns(fields, values)
    people += [
        SourceUser(table, key, name, None) for table, key, name in people_from_keys(tables, fields, values)
    ]
    people += [
        SourceUser(table, p, p, None) for table, p in people_in_categories(tables, values, destination)
    ]
    users = [u for u in (destination.users if destination else []) if not u.deleted]
    fallback = destination.user_by_email(fallback_email) if destination and fallback_email else None
    seen: dict[str, OwnerMatch] = {}
    known: set[str] = set()
    matched: set[str] = set()
    for person in people:
        # One entry per person: 'Kevin Nguyen' in jobs and in leads is the user row already listed,
        # and a cell holding a listed user's key ('S1') is that user too. A key no entry spells yet
        # (an owner id named beside a listed user's name) is listed too, or cells holding it resolve nowhere.
        names = {normalise(x) for x in (person.name, person.email) if x}
        spellings = names | {normalise(person.key)}
        if names & known and normalise(person.key) in known | names:
            continue
        known |= spellings
        match = match_owner(person, users, fallback, fallback_email)
        if match.user_id is None:  # 'Felix Wagner, Noor Haddad': the first person owns the record
            match = first_listed(person, users) or match
        if person.found:
            match.evidence.append(Evidence(source="values", detail=person.found))
        if match.user_id:
            matched |= spellings
        seen.setdefault(match.id, match)
    _note_matched_share(fields, values, matched)
    return list(seen.values())


def _note_matched_share(fields: list[FieldMap], values: SourceValues, matched: set[str]) -> None:
    """On each owner column: how many of its names are HighLevel users (none: maybe no people at all)."""
    for fmap in fields:
        if fmap.transform.kind != TransformKind.OWNER or "table" in fmap.transform.params:
            continue
        cells = values.distinct(fmap.source_object, fmap.source_columns[0])
        distinct = {normalise(i) for v in cells for i in cell_items(v.value)}
        distinct.discard("")
        hits = len(distinct & matched)
        detail = f"{hits} of {len(distinct)} distinct values name a HighLevel user"
        fmap.evidence.append(Evidence(source="owners", detail=detail))
