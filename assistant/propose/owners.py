"""Owner matches: source users / technicians / agents -> destination users (e-mail, then name)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.highlevel.state import DestinationState, User
from assistant.mapping.items import FieldMap, OwnerMatch
from assistant.mapping.models import Alternative, Evidence, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.normalize import normalise
from assistant.propose.objects import ObjectDecision
from assistant.propose.signals import lead_concept, visible_columns
from assistant.propose.sourcedata import SourceValues

NAME_MIN = 85


@dataclass(frozen=True)
class SourceUser:
    table: str
    key: str
    name: str | None
    email: str | None


def _full_name(row: dict[str, str | None], cols: dict[str, str]) -> str | None:
    """The person's whole name: a full-name column, or given name + surname columns put together."""
    head_col = cols.get("full_name") or cols.get("name") or cols.get("first_name")
    head = (row.get(head_col) or "").strip() if head_col else ""
    surname = (row.get(cols["last_name"]) or "").strip() if "last_name" in cols else ""
    if surname and surname.lower() not in head.lower():
        head = f"{head} {surname}".strip()
    return head or None


def users_from_table(table: TableProfile, values: SourceValues) -> list[SourceUser]:
    cols: dict[str, str] = {}
    for col in visible_columns(table):
        lead = lead_concept(col)
        if lead in ("full_name", "name", "first_name", "last_name", "email") and lead not in cols:
            cols[lead] = col.column
    key = table.primary_key or cols.get("email") or cols.get("name") or cols.get("full_name")
    if key is None:
        return []
    rows = values.rows(table.table, list(dict.fromkeys([key, *cols.values()])))
    users = []
    for row in rows:
        if row.get(key):
            email = row.get(cols["email"]) if "email" in cols else None
            users.append(SourceUser(table.table, str(row[key]), _full_name(row, cols), email))
    return users


def users_from_columns(fields: list[FieldMap], values: SourceValues) -> list[SourceUser]:
    """Distinct owner values of columns mapped by name or e-mail (no users table behind them)."""
    out: list[SourceUser] = []
    for fmap in fields:
        if fmap.transform.kind != TransformKind.OWNER or "table" in fmap.transform.params:
            continue
        by_email = fmap.transform.params.get("match") == "email"
        for item in values.distinct(fmap.source_object, fmap.source_columns[0]):
            value = item.value.strip()
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
            people += users_from_table(table, values)
    people += users_from_columns(fields, values)
    users = [u for u in (destination.users if destination else []) if not u.deleted]
    fallback = destination.user_by_email(fallback_email) if destination and fallback_email else None
    seen: dict[str, OwnerMatch] = {}
    known: set[str] = set()
    for person in people:
        # One entry per person: 'Kevin Nguyen' in jobs and in leads is the user row already listed.
        names = {normalise(x) for x in (person.name, person.email) if x}
        if names & known:
            continue
        known |= names
        match = match_owner(person, users, fallback, fallback_email)
        seen.setdefault(match.id, match)
    return list(seen.values())


def _user_name(user: User) -> str:
    return user.name or " ".join(p for p in (user.firstName, user.lastName) if p)


def match_owner(
    person: SourceUser, users: list[User], fallback: User | None, fallback_email: str | None
) -> OwnerMatch:
    base = {
        "id": f"owner:{person.table}.{person.key}",
        "source_object": person.table,
        "source_key": person.key,
        "source_name": person.name,
        "source_email": person.email,
    }
    if person.email:
        hit = next(
            (u for u in users if (u.email or "").strip().lower() == person.email.strip().lower()), None
        )
        if hit is not None:
            return OwnerMatch(
                **base,
                user_id=hit.id,
                user_name=_user_name(hit),
                user_email=hit.email,
                method="email",
                confidence=0.97,
                rationale="same e-mail (case-insensitive)",
                evidence=[Evidence(source="destination", detail=f"user {hit.id} has {hit.email}")],
            )
    ranked = sorted(
        (
            (fuzz.token_sort_ratio(normalise(person.name), normalise(_user_name(u))), u)
            for u in users
            if person.name and _user_name(u)
        ),
        key=lambda pair: -pair[0],
    )
    alternatives = [
        Alternative(target=f"{_user_name(u)} <{u.email}>", score=round(s / 100, 3), value={"user_id": u.id})
        for s, u in ranked[:3]
    ]
    if ranked and ranked[0][0] >= NAME_MIN:
        score, hit = ranked[0]
        return OwnerMatch(
            **base,
            user_id=hit.id,
            user_name=_user_name(hit),
            user_email=hit.email,
            method="name",
            confidence=round(0.9 * score / 100, 3),
            alternatives=alternatives[1:],
            rationale=f"name '{person.name}' matches '{_user_name(hit)}' ({score:.0f}/100); "
            "e-mail differs or is missing",
            evidence=[Evidence(source="name", detail=f"similarity {score:.0f}")],
        )
    evidence = [Evidence(source="destination", detail="no user with this e-mail or a similar name")]
    if fallback is not None:
        return OwnerMatch(
            **base,
            method="fallback",
            fallback_user_id=fallback.id,
            confidence=0.35,
            alternatives=alternatives,
            evidence=evidence,
            rationale=f"unmatched: records go to the fallback owner {fallback.email} until a "
            "HighLevel user is created for this person",
        )
    note = (
        f"fallback owner {fallback_email} is not a destination user"
        if fallback_email
        else "no fallback owner is set (propose.fallback_owner_email)"
    )
    return OwnerMatch(
        **base,
        method="none",
        confidence=0.2,
        alternatives=alternatives,
        evidence=evidence,
        rationale=f"unmatched and {note}: create the user or pick one",
    )
