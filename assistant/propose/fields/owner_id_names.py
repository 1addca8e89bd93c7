"""A nested owner's name beside the id that already gives the record its owner ('owner.name').

An API nests the record's owner whole: {user_id, name, email, avatar_url}. When the id is read as the
owner (its own link holds it, and the users' links hold the same ids: see owner_link_ids), the name
beside it names the same user a second way. The profile links that name to the users table by name,
which would make it a second owner column competing for the one owner field, or a text field
repeating the user; it is skipped instead, as a nested object's name beside its key is.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import SKIP_TARGET, TableContext, evidence_of, make_map
from assistant.propose.fields.owner_link_ids import id_in_own_link, users_holding
from assistant.propose.linked_objects import nested_prefix

NAME_BESIDE_CONFIDENCE = 0.8  # the same confidence as a nested object's name beside its key


def _owner_id_beside(ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]) -> str | None:
    """The id column of the same nested user that is read as the owner, when ``col`` names that user."""
    fk, prefix = col.foreign_key, nested_prefix(col.column)
    if fk is None or not fk.by_names or prefix is None:
        return None
    for other in ctx.table.columns:
        if other is col or nested_prefix(other.column) != prefix or not id_in_own_link(ctx, other):
            continue
        found = users_holding(ctx, other, tables)
        if found is not None and found[1][1] == fk.target_table:
            return other.column
    return None


def name_beside_owner_id(
    ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]
) -> FieldMap | None:
    """A skip for a nested owner's name whose id beside it is the record's owner."""
    key = _owner_id_beside(ctx, col, tables) if ctx.values is not None else None
    if key is None:
        return None
    why = f"the name of the user whose id '{key}' beside it gives the record its owner"
    evidence = [*evidence_of(col), Evidence(source="links", detail=why)]
    return make_map(
        ctx, [col.column], SKIP_TARGET, Transform(), NAME_BESIDE_CONFIDENCE, f"skipped: {why}", evidence, []
    )
