"""A record named by its number alone, when the column that would complete the name is mostly blank.

Without a title column a record's name is composed from its number and its customer ('{Job #}
{Client}'). A customer column blank on most rows (a company name only a few clients give) would
leave most names the bare number anyway, and would keep the column from its own field (the
contact's company name), so the number alone names the record.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target

# HighLevel needs a name and the number is all there is: a reviewer may know a better column
NUMBER_NAME_CONFIDENCE = 0.6


def number_name(
    ctx: TableContext, refs: list[ColumnProfile], field: str, blank: ColumnProfile
) -> tuple[FieldMap, str]:
    """The name map from the record's number, and the column it takes (so no other map copies it)."""
    key = ctx.table.primary_key
    ref = max(refs, key=lambda c: (c.column == key, c.unique_share, -c.position))
    ctx.claim(ctx.primary, field)
    why = (
        f"'{ref.column}' names the {ctx.primary.value}: '{blank.column}', the other part a name would "
        f"take, is blank on {blank.null_share:.0%} of rows"
    )
    evidence = [*evidence_of(ref), Evidence(source="vocabulary", detail="reference alone")]
    target = standard_target(ctx.primary, field)
    fmap = make_map(ctx, [ref.column], target, Transform(), NUMBER_NAME_CONFIDENCE, why, evidence, [])
    return fmap, ref.column
