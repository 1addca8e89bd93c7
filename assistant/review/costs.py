"""What each proposal costs when it is not carried, read once while the review loads.

The counts come from the plan's own loss computation (``assistant.mapping.loss``) run on two
what-if copies of the document: every object carried with every field and stage value left
behind (what each field or stage proposal holds), and every object left behind (what each
object map holds). Multi-value cells are counted in the raw column with the profile's separator.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.loss import Loss, decision_losses
from assistant.mapping.models import Status
from assistant.review.context import ReviewContext


@dataclass(frozen=True)
class Costs:
    losses: dict[str, Loss]  # item id -> what it leaves behind when not carried
    multi_value: dict[str, tuple[int, int]]  # field id -> (cells with several values, filled cells)


def proposal_costs(
    con: duckdb.DuckDBPyConnection, document: MappingDocument, context: ReviewContext
) -> Costs:
    carried = _what_if(document, objects=Status.ACCEPTED, others=Status.REJECTED)
    dropped = _what_if(document, objects=Status.REJECTED, others=None)
    losses = {x.item_id: x for x in decision_losses(con, carried) if not x.item_id.startswith("object:")}
    losses |= {x.item_id: x for x in decision_losses(con, dropped) if x.item_id.startswith("object:")}
    multi = {f.id: n for f in document.fields if (n := _multi_value(con, f, context)) is not None}
    return Costs(losses, multi)


def _what_if(document: MappingDocument, *, objects: Status, others: Status | None) -> MappingDocument:
    """A shallow copy with the objects (and fields and stage values) set to a status; only read."""
    changes: dict[str, object] = {
        "objects": [o.model_copy(update={"status": objects}) for o in document.objects]
    }
    if others is not None:
        changes["fields"] = [f.model_copy(update={"status": others}) for f in document.fields]
        changes["stages"] = [v.model_copy(update={"status": others}) for v in document.stages]
    return document.model_copy(update=changes)


def _multi_value(
    con: duckdb.DuckDBPyConnection, item: FieldMap, context: ReviewContext
) -> tuple[int, int] | None:
    column = context.column(item.source_object, item.source_columns[0])
    if column is None or not column.separator or column.separator == "json":
        return None
    table = '"' + item.source_object.replace('"', '""') + '"'
    name = '"' + column.column.replace('"', '""') + '"'
    try:
        row = con.execute(
            f"SELECT count(*) FILTER (WHERE contains({name}, ?)), count(nullif(trim({name}), '')) "
            f"FROM raw.{table}",
            [column.separator],
        ).fetchone()
    except duckdb.Error:  # a column renamed since it was profiled
        return None
    return (int(row[0]), int(row[1])) if row else None


def cost_line(costs: Costs | None, item_id: str) -> str | None:
    """``if not carried: 166 filled values stay in the source``, or None when it costs nothing."""
    loss = costs.losses.get(item_id) if costs else None
    if loss is None:
        return None
    parts = [f"{loss.records} source records"] if loss.records else []
    parts += [f"{loss.values} filled values"] if loss.values else []
    return f"if not carried: {' and '.join(parts)} stay in the source" if parts else None


def multi_value_line(costs: Costs | None, item_id: str, separator: str | None) -> str | None:
    counts = costs.multi_value.get(item_id) if costs else None
    if not counts or not counts[1]:
        return None
    several, filled = counts
    share = f"{several / filled:.0%} of filled cells hold several values"
    return f"{share} ({several} of {filled}, separated by '{separator}')"
