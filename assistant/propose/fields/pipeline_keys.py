"""A deal's pipeline key beside its stage key: the stage says the pipeline, the pipeline is no stage.

An API dump often gives a deal both ids: 'pipeline_id' into a list of pipelines and 'stage_id'
into the stages those pipelines hold (a nested list, or a table whose rows point back at the
pipeline). Both lists are pipeline tables to the proposer, but only the stage key places a deal:
read as a stage, the pipeline key would map every deal to a pipeline's name as if it were a step.
Each stage already belongs to one pipeline, so the stage maps carry the pipeline and this key is
read, not stored.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, TargetObject
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import SKIP_TARGET, TableContext, evidence_of, make_map

_PIPELINE_FIELD = {"kind": "standard", "object": "opportunity", "field": "pipelineId"}
BESIDE_STAGES = 0.85  # the stage column places the deal; a reviewer may still keep the pipeline id


def _belongs_to(rows: TableProfile | None, parent: str) -> bool:
    """The table's rows sit under ``parent``: nested in it, or each pointing at one of its rows."""
    if rows is None:
        return False
    pointing = any(c.foreign_key is not None and c.foreign_key.target_table == parent for c in rows.columns)
    return rows.parent_table == parent or pointing


def _stage_sibling(ctx: TableContext, column: ColumnProfile, tables: dict[str, TableProfile]) -> str | None:
    """The column of the same rows keying a pipeline table whose rows belong to this column's table."""
    fk = column.foreign_key
    if fk is None:
        return None
    for other in ctx.table.columns:
        key = other.foreign_key
        if other is column or key is None or key.target_table == fk.target_table:
            continue
        decision = ctx.decisions.get(key.target_table)
        stages = tables.get(key.target_table)
        if decision is not None and decision.kind == "pipeline" and _belongs_to(stages, fk.target_table):
            return other.column
    return None


def pipeline_beside_stage(
    ctx: TableContext, column: ColumnProfile, tables: dict[str, TableProfile]
) -> FieldMap | None:
    """A skip for a pipeline key whose rows' stage key already names the stage, else None."""
    if ctx.primary != TargetObject.OPPORTUNITY or (sibling := _stage_sibling(ctx, column, tables)) is None:
        return None
    assert column.foreign_key is not None  # checked by the sibling search
    return make_map(
        ctx,
        [column.column],
        SKIP_TARGET,
        Transform(),
        BESIDE_STAGES,
        f"keys a pipeline of '{column.foreign_key.target_table}' whose stages '{sibling}' points at: "
        "each stage map already carries its pipeline",
        evidence_of(column),
        [Alternative(target="opportunity.pipelineId", score=0.5, value=_PIPELINE_FIELD)],
    )
