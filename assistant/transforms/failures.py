"""Which filled values of a column a field map's transform would refuse, with the executor's own SQL.

A value fails when its cell is filled and the transform yields nothing but an error (see
``kinds``: an unconvertible value is reported and never sent). Messages that come with a
converted value (further phones kept as a note) are not failures. Transforms that look values up
in decisions or other records (owners, stages, tags, references) are not checked here: their own
review screens show what is undecided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from assistant.mapping.items import FieldMap
from assistant.mapping.models import TargetObject, TransformKind
from assistant.transforms import udfs
from assistant.transforms.context import context_for
from assistant.transforms.routed import route_condition, routed
from assistant.transforms.sqltext import ident
from assistant.transforms.values import is_stage_column, own_row_outputs, settled

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

EXAMPLES = 3


@dataclass(frozen=True)
class Failures:
    filled: int  # rows whose first source cell holds a value
    failed: int  # of those, rows the transform refuses
    examples: tuple[str, ...]  # up to three distinct reasons, most frequent first ("not a date: 31/02")
    can_fail: bool = True  # False: the transform refuses nothing (a copy, a template)


def failures_sql(
    fm: FieldMap,
    key: str,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    siblings: list[FieldMap] | None = None,
) -> str | None:
    """SQL giving (cell, reason) per row of the source table, reason NULL when the value converts;
    None when the transform is not one that reads its own row alone, "" when it refuses nothing."""
    stage = fm.transform.kind is TransformKind.VALUE_MAP and is_stage_column(fm, key)
    if key == "tags" or (stage and fm.target.object is TargetObject.OPPORTUNITY):
        return None  # decided on the tags and stages screens
    ctx = context_for(fm, key, profiles, default_region, siblings)
    outs = own_row_outputs(fm.transform.kind, ctx)
    if outs is None:
        return None
    outs = routed(settled(outs, fm, key), fm.transform.params)  # a typed entry: its kind's rows only
    refused = [f"CASE WHEN ({o.value}) IS NULL THEN {o.error} END" for o in outs if o.error]
    if not refused:
        return ""  # nothing to refuse
    reason = f"coalesce({', '.join(refused)})"
    when = route_condition(fm.transform.params)
    cell = ctx.cell() if when is None else f"CASE WHEN {when} THEN {ctx.cell()} END"
    return f"SELECT {cell} AS cell, {reason} AS reason FROM raw.{ident(fm.source_object)} AS src"


def transform_failures(
    con: duckdb.DuckDBPyConnection,
    fm: FieldMap,
    key: str,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    siblings: list[FieldMap] | None = None,
) -> Failures | None:
    """How many filled values fail, with examples; None when not checkable (see ``failures_sql``)."""
    rows = failures_sql(fm, key, profiles, default_region, siblings)
    if rows is None:
        return None
    if not rows:
        return Failures(0, 0, (), can_fail=False)
    udfs.register(con)
    found = con.execute(
        f"""WITH r AS MATERIALIZED ({rows}),
        reasons AS (SELECT reason, count(*) AS n FROM r WHERE cell IS NOT NULL AND reason IS NOT NULL
                    GROUP BY reason)
        SELECT (SELECT count(cell) FROM r), (SELECT coalesce(sum(n), 0) FROM reasons),
               (SELECT coalesce(list(reason ORDER BY n DESC, reason), []) FROM reasons)"""
    ).fetchone()
    if found is None:
        return Failures(0, 0, ())
    return Failures(int(found[0]), int(found[1]), tuple(str(r) for r in found[2][:EXAMPLES]))
