"""Columns whose cells list another table's keys as JSON (a deal's contact_ids: ["12", "15"]).

The profile finds no key in a list, so no foreign key is recorded, and the column looks like a
multi-select of ids. When most listed items are keys of one other table, the column is that table's
link: the record links to the first record listed (a HighLevel opportunity, task or note has one
contact), as a cell naming several keys with ';' does. When another column already gave the record
its link to that table (a deal's primary_contact_id beside its person_ids), the list only repeats
people the link reaches: it is skipped, never kept as a custom field of raw ids.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence, FieldKind
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, ForeignKey, TableProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.links import link_maps
from assistant.propose.fields.own_id_lists import own_id_list_skip
from assistant.propose.fields.owner_lists import MIN_IDS, MIN_RESOLVED, listed_ids
from assistant.propose.fields.rules import skip_map
from assistant.propose.references import source_key

LINK_ONLY = ("user", "lookup")  # users: owner lists; lookups: a list of codes is a multi-select


def _listed_table(
    ctx: TableContext, ids: set[str], tables: dict[str, TableProfile]
) -> tuple[float, str, str] | None:
    """(share resolved, table, key) of the other table whose keys most listed ids are."""
    assert ctx.values is not None
    best: tuple[float, str, str] | None = None
    for name, decision in ctx.decisions.items():
        key = source_key(tables[name]) if name in tables and name != ctx.name else None
        if key is None or decision.kind in LINK_ONLY:
            continue
        keys = {v.value.strip() for v in ctx.values.distinct(name, key, limit=50000)}
        share = len(ids & keys) / len(ids)
        if share >= MIN_RESOLVED and (best is None or share > best[0]):
            best = (share, name, key)
    return best


def id_list_maps(
    ctx: TableContext, col: ColumnProfile, tables: dict[str, TableProfile]
) -> list[FieldMap] | None:
    """The link map (or a skip) for a column of JSON lists of another table's keys, else None."""
    shown = [*col.samples, *(t.value for t in col.top_values)]
    if (
        ctx.values is None
        or col.foreign_key is not None
        or not any(v.lstrip().startswith("[") for v in shown)
    ):
        return None  # the profile's samples show a list first: most columns are read no further
    ids = listed_ids([v.value for v in ctx.values.distinct(ctx.name, col.column, limit=5000)])
    if ids is None or len(ids) < MIN_IDS:
        return None
    found = _listed_table(ctx, ids, tables)
    if found is None:  # ids of the table's own rows: a relation among them, never options
        return own_id_list_skip(ctx, col, ids, tables)
    share, target, key = found
    fk = ForeignKey(
        table=ctx.name, column=col.column, target_table=target, target_column=key, resolved_share=share
    )
    why = f"cells list ids (JSON); {share:.0%} of {len(ids)} listed ids are keys of {target}.{key}"
    linked = col.model_copy(update={"foreign_key": fk, "evidence": [*col.evidence, why]})
    field = f"{ctx.decisions[target].primary.value}Id"
    maps = link_maps(ctx, linked, tables)
    if maps and all(m.target.kind == FieldKind.STANDARD and m.transform.kind == K.LOOKUP for m in maps):
        return [
            m.model_copy(update={"evidence": [*m.evidence, Evidence(source="values", detail=why)]})
            for m in maps
        ]
    if ctx.is_claimed(ctx.primary, field):
        reason = f"lists records of '{target}' by id; another column already links the record to its {field}"
        return [skip_map(ctx, linked, reason, 0.7)]
    return None
