"""Owner columns whose cells list source user ids as JSON (a job's assigned technicians: [51, 52]).

The profile finds no key in a list, so no foreign key is recorded; the list's items are keys of a
table read as users all the same. The record gets the first person listed (a HighLevel record has
one owner), and each id reaches its HighLevel user through that table's owner matches (e-mail,
then name), as a single id column would.
"""

from __future__ import annotations

import json

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.links import OWNER_FIELD
from assistant.propose.fields.owner_claims import owner_doubt as owner_doubt  # the table ranks owners by it
from assistant.propose.fields.owner_id_names import name_beside_owner_id
from assistant.propose.fields.owner_link_ids import link_id_owner_map
from assistant.propose.references import source_key

MIN_LISTS = 0.8  # most filled cells must be JSON lists: one stray bracket is no list column
MIN_RESOLVED = 0.8  # most listed ids must be keys of the users table: a few coincidences are no link
MIN_IDS = 2


def listed_ids(cells: list[str]) -> set[str] | None:
    """The distinct items of a column of JSON lists of plain values, or None when it is no such column."""
    filled = [c.strip() for c in cells if c.strip()]
    items: set[str] = set()
    lists = 0
    for cell in filled:
        try:
            parsed = json.loads(cell) if cell.startswith("[") else None
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and all(isinstance(i, str | int) for i in parsed):
            lists += 1
            items |= {str(i).strip() for i in parsed if str(i).strip()}
    return items if filled and lists >= MIN_LISTS * len(filled) else None


def owner_list_map(ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]) -> FieldMap | None:
    """An owner map for a column of JSON lists whose items are keys of a users table."""
    if (linked := link_id_owner_map(ctx, col, tables) or name_beside_owner_id(ctx, col, tables)) is not None:
        return linked  # bare ids inside users' links, or the name beside such an id
    if ctx.values is None or col.foreign_key is not None or ctx.primary not in OWNER_FIELD:
        return None
    ids = listed_ids([v.value for v in ctx.values.distinct(ctx.name, col.column, limit=5000)])
    if ids is None or len(ids) < MIN_IDS:
        return None
    best: tuple[float, str, str] | None = None
    for name, decision in ctx.decisions.items():
        key = source_key(tables[name]) if decision.kind == "user" and name in tables else None
        if key is None or name == ctx.name:
            continue
        keys = {v.value.strip() for v in ctx.values.distinct(name, key, limit=50000)}
        share = len(ids & keys) / len(ids)
        if share >= MIN_RESOLVED and (best is None or share > best[0]):
            best = (share, name, key)
    if best is None or not ctx.claim(ctx.primary, OWNER_FIELD[ctx.primary]):
        return None
    share, users, key = best
    found = f"cells list ids (JSON); {share:.0%} of {len(ids)} listed ids are keys of {users}.{key}"
    return make_map(
        ctx,
        [col.column],
        standard_target(ctx.primary, OWNER_FIELD[ctx.primary]),
        Transform(kind=K.OWNER, params={"table": users, "key": key, "via": "owner matches"}),
        round(0.9 * share, 4),
        f"lists users of '{users}' by id; the record gets the first one listed, resolved through "
        "the owner matches",
        [*evidence_of(col), Evidence(source="values", detail=found)],
        [Alternative(target="custom field (user ids)", score=0.3, value={"kind": "custom_new"})],
    )
