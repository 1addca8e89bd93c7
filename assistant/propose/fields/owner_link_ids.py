"""Owner id columns whose ids sit inside a users table's links ('owner_id' -> '…/user/<id>/avatar').

A users list with no id column still names each user's id inside its avatar or self link, and the
records name their owner by that bare id. The profile finds no key to link the column to (the link
is no key), so without this the column reads as the old system's numbering of its users and is
dropped, and the records lose their owner. When the column's header says it holds a user's id and
its values are the ids inside those links, it is the record's owner: the owner matches are keyed by
the same ids (assistant.propose.link_user_ids), so each cell resolves to its HighLevel user.
An author ('created_by_id') owns nothing and is left to the rules for authors.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.links import OWNER_FIELD, names_author
from assistant.propose.link_user_ids import LinkedIds, ids_in_links, link_segments, says_user_id
from assistant.propose.linked_objects import nested_prefix
from assistant.propose.normalize import concepts

URL = SemanticType.URL
MIN_RESOLVED = 0.8  # most ids must be users' ids: a few coincidences are no link


def _best_users(
    ctx: TableContext, ids: set[str], tables: dict[str, TableProfile]
) -> tuple[float, str, LinkedIds] | None:
    """(share of ids found, users table, its link ids) for the users table whose links hold most ids."""
    assert ctx.values is not None
    best: tuple[float, str, LinkedIds] | None = None
    for name, decision in ctx.decisions.items():
        if decision.kind != "user" or name == ctx.name or name not in tables:
            continue
        linked = ids_in_links(tables[name], ctx.values, list(tables.values()))
        share = len(ids & set(linked.ids.values())) / len(ids) if linked else 0.0
        if linked and share >= MIN_RESOLVED and (best is None or share > best[0]):
            best = (share, name, linked)
    return best


def users_holding(
    ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]
) -> tuple[set[str], tuple[float, str, LinkedIds]] | None:
    """The column's distinct ids and the users table whose links hold most of them, if any."""
    assert ctx.values is not None
    ids = {v.value.strip() for v in ctx.values.distinct(ctx.name, col.column, limit=5000)} - {""}
    best = _best_users(ctx, ids, tables) if ids else None
    return (ids, best) if best is not None else None


def authored(column: ColumnProfile) -> bool:
    """'created_by_id', 'creator.user_id': the author, named on any level of the path, owns nothing."""
    return names_author(column) or any("creator" in concepts(part) for part in column.column.split("."))


def id_in_own_link(ctx: TableContext, col: ColumnProfile) -> bool:
    """A nested user's id whose own link beside it holds it ('owner.user_id' in 'owner.avatar_url'):
    the id is that user's key, not a detail of the user, so the owner map may read it."""
    prefix = nested_prefix(col.column)
    if ctx.values is None or prefix is None or ctx.primary not in OWNER_FIELD or authored(col):
        return False
    if not says_user_id(col.column):
        return False
    for link in (c.column for c in ctx.table.columns if c.semantic_type == URL):
        if nested_prefix(link) != prefix:
            continue
        rows = [r for r in ctx.values.rows(ctx.name, [col.column, link]) if r[col.column] and r[link]]
        if rows and all((r[col.column] or "").strip() in link_segments(r[link] or "") for r in rows):
            return True
    return False


def link_id_owner_map(
    ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]
) -> FieldMap | None:
    """The record's owner from a column of user ids found only inside a users table's links."""
    if ctx.values is None or col.foreign_key is not None or ctx.primary not in OWNER_FIELD:
        return None
    if not says_user_id(col.column) or authored(col):
        return None
    found = users_holding(ctx, col, tables)
    if found is None or not ctx.claim(ctx.primary, OWNER_FIELD[ctx.primary]):
        return None
    ids, (share, users, linked) = found
    detail = f"{share:.0%} of {len(ids)} distinct ids are the user ids inside {users}.{linked.column}"
    return make_map(
        ctx,
        [col.column],
        standard_target(ctx.primary, OWNER_FIELD[ctx.primary]),
        Transform(kind=K.OWNER, params={"table": users, "ids_inside": linked.column, "via": "owner matches"}),
        round(0.9 * share, 4),
        f"ids of the users in '{users}', found inside their '{linked.column}' links; resolved through "
        "the owner matches, which are keyed by the same ids",
        [*evidence_of(col), Evidence(source="values", detail=detail)],
        [Alternative(target="custom field (user ids)", score=0.3, value={"kind": "custom_new"})],
    )
