"""Columns whose cells list keys of the table's own rows as JSON (a company's children: ["62ef…"]).

A list of ids that are, nearly all, keys of other rows of the same table ties records of one list to
each other (a company's people, a task's sub-tasks). HighLevel has no field holding such a relation,
and a multi-select of raw ids would only copy codes nobody reads, so the column is skipped with the
reason; the reviewer keeps it as text if the relation matters. The other end of such a relation
usually points back (the people's company link), which carries it where HighLevel has room for it.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.owner_lists import MIN_RESOLVED
from assistant.propose.fields.rules import skip_map
from assistant.propose.references import source_key

CONFIDENCE = 0.8  # the ids resolve on this export's own rows: no other reading of them is left


def own_id_list_skip(
    ctx: TableContext, col: ColumnProfile, ids: set[str], tables: dict[str, TableProfile]
) -> list[FieldMap] | None:
    """A skip for a column of JSON lists whose ids are the table's own keys, else None."""
    key = source_key(tables[ctx.name]) if ctx.name in tables else None
    if ctx.values is None or key is None or key == col.column or not ids:
        return None
    keys = {v.value.strip() for v in ctx.values.distinct(ctx.name, key, limit=50000)}
    share = len(ids & keys) / len(ids)
    if share < MIN_RESOLVED:
        return None
    reason = (
        f"lists other rows of '{ctx.name}' by id ({share:.0%} of {len(ids)} listed ids are its {key}): "
        "a relation between its own records, which no HighLevel field holds"
    )
    return [skip_map(ctx, col, reason, CONFIDENCE)]
