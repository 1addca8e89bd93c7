"""One user described by several columns of a record: 'assignedUserId' beside 'assignedUserName', or
a sales rep's 'Login du commercial', 'Prénom du commercial' and 'Nom du commercial'.

Exports that flatten the record's user write its key, login, e-mail or name parts side by side under
one header stem. Read one at a time, the key takes the owner field (its ids name no HighLevel user),
the name becomes a pick-list, and the rep's first name is taken for the contact's own. They are one
person: when the columns share a stem, pair one-to-one on the rows, and one of them names destination
users, that one (the surest kind: e-mail, then login, then full name, then first name) feeds the owner
field and the others are skipped as parts of the same user. When a link to a users table already
feeds the owner ('estimator.userid'), the name parts of its stem are that user's and are skipped.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.highlevel.state import User
from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.label_keys import one_to_one
from assistant.propose.fields.links import OWNER_FIELD
from assistant.propose.fields.owner_part_words import FINDERS, Groups, header_part
from assistant.propose.fields.rules import skip_map
from assistant.propose.normalize import concepts, normalise
from assistant.propose.owner_logins import by_login
from assistant.propose.owner_values import MIN_DISTINCT, MIN_SHARE, user_spellings

OWNERS = "owner matches"


def _user_share(ctx: TableContext, col: ColumnProfile, users: list[User]) -> float:
    """Share of the column's distinct values naming one destination user (by spelling or login)."""
    assert ctx.values is not None
    cells = {v.value.strip() for v in ctx.values.distinct(ctx.name, col.column)} - {""}
    if len(cells) < MIN_DISTINCT:
        return 0.0
    spellings = user_spellings(users)
    hits = sum(normalise(c) in spellings or len(by_login(c, users)) == 1 for c in cells)
    return hits / len(cells)


def owner_parts(ctx: TableContext, columns: list[ColumnProfile], maps: list[FieldMap]) -> set[str]:
    """Adds the owner map and the parts' skip maps to ``maps``; returns the columns they cover."""
    users = [u for u in (ctx.destination.users if ctx.destination else []) if not u.deleted]
    if ctx.values is None or not users or ctx.primary not in OWNER_FIELD:
        return set()
    groups: Groups = defaultdict(list)
    for col in columns:
        if (found := header_part(col.column)) is not None and col.foreign_key is None:
            groups[found[0]].append((found[1], col))
    if (fed := _fed_owner(ctx, maps)) is not None:  # 'estimator.userid' links the owner already
        return _parts_beside(ctx, fed, groups, maps)
    for stem, parts in groups.items():
        named = concepts(" ".join(stem))
        if len(parts) < 2 or ("creator" in named and "owner" not in named):  # an author is no owner
            continue
        finders = _ranked(ctx, parts, users)
        if not finders:
            continue
        part, share, finder = finders[0]
        rows = ctx.values.rows(ctx.name, [c.column for _, c in parts])
        others = [c for _, c in parts if c is not finder and one_to_one(rows, finder.column, c.column)]
        if not others or not ctx.claim(ctx.primary, OWNER_FIELD[ctx.primary]):
            continue
        maps.append(_owner_map(ctx, finder, part, share, [c.column for c in others]))
        why = f"part of the user '{finder.column}' names, the record's owner: that user carries it"
        maps += [skip_map(ctx, c, why, 0.7) for c in others]
        return {finder.column, *(c.column for c in others)}
    return set()


def _fed_owner(ctx: TableContext, maps: list[FieldMap]) -> str | None:
    """The one column already feeding the record's owner field, if any."""
    field = OWNER_FIELD[ctx.primary]
    fed = [m.source_columns for m in maps if m.target.object == ctx.primary and m.target.field == field]
    return fed[0][0] if len(fed) == 1 and len(fed[0]) == 1 else None


def _parts_beside(ctx: TableContext, fed: str, groups: Groups, maps: list[FieldMap]) -> set[str]:
    """Skips the name parts of the user whose link already feeds the owner ('estimator.surname')."""
    found = header_part(fed)
    parts = groups.get(found[0], []) if found else []
    assert ctx.values is not None
    rows = ctx.values.rows(ctx.name, [fed, *(c.column for _, c in parts)])
    others = [c for p, c in parts if p != "key" and one_to_one(rows, fed, c.column)]
    why = f"part of the user '{fed}' names, the record's owner: that user carries it"
    maps += [skip_map(ctx, c, why, 0.7) for c in others]
    return {c.column for c in others}


def _ranked(
    ctx: TableContext, parts: list[tuple[str, ColumnProfile]], users: list[User]
) -> list[tuple[str, float, ColumnProfile]]:
    """The parts whose values name users, surest kind first."""
    scored = [(p, _user_share(ctx, c, users), c) for p, c in parts if p in FINDERS]
    kept = [(p, share, c) for p, share, c in scored if share >= MIN_SHARE]
    return sorted(kept, key=lambda t: (FINDERS.index(t[0]), -t[1], t[2].position))


def _owner_map(ctx: TableContext, col: ColumnProfile, part: str, share: float, parts: list[str]) -> FieldMap:
    beside = ", ".join(f"'{p}'" for p in parts)
    found = f"{share:.0%} of its distinct values name HighLevel users; {beside} beside it: the same user"
    return make_map(
        ctx,
        [col.column],
        standard_target(ctx.primary, OWNER_FIELD[ctx.primary]),
        Transform(kind=K.OWNER, params={"match": "email" if part == "email" else "name", "via": OWNERS}),
        round(0.5 + 0.4 * share, 4),
        "names the record's user, whose other parts stand beside it; matched to the destination's users",
        [*evidence_of(col), Evidence(source="values", detail=found)],
        [Alternative(target="custom field (user name)", score=0.3, value={"kind": "custom_new"})],
    )
