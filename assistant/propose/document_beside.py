"""Field maps of a native document made beside another record from the same row.

A quote that lands as an opportunity and, beside it, as a native estimate feeds both from the same
columns: the number names the opportunity and numbers the estimate, the total is the opportunity's
value and the estimate's stated total. The estimate's maps are proposed as if the table were only an
estimate, and kept when they land in the estimate's own keys; each carries the id of its column
with ``@estimate``, so it is accepted or rejected apart from the opportunity's map of that column.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, ObjectTarget
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.fields import TableContext, propose_table_fields
from assistant.propose.native_documents import BESIDE_ROLE
from assistant.propose.objects import ObjectDecision


def beside_target(ctx: TableContext) -> ObjectTarget | None:
    return next((t for t in ctx.decision.object_map.targets[1:] if t.role == BESIDE_ROLE), None)


def beside_maps(ctx: TableContext, tables: dict[str, TableProfile]) -> list[FieldMap]:
    """The native document's maps for a table whose object map adds one beside its record."""
    target = beside_target(ctx)
    if target is None:
        return []
    alone = ctx.decision.object_map.model_copy(update={"targets": [ObjectTarget(object=target.object)]})
    decision = ObjectDecision(ctx.decision.kind, target.object, alone)
    sub = TableContext(
        ctx.table,
        decision,
        ctx.decisions,
        ctx.catalog,
        ctx.destination,
        ctx.default_country,
        ctx.k,
        values=ctx.values,
    )
    suffix = f"@{target.object.value}"
    return [
        m.model_copy(update={"id": m.id + suffix})
        for m in propose_table_fields(sub, tables)
        if m.target.kind == FieldKind.STANDARD and m.target.object == target.object
    ]
