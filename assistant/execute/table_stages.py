"""The pipeline stage every deal of a table without a stage column starts at (``stage:<table>``).

HighLevel refuses an opportunity without a pipeline and a stage. A confirmed whole-table stage map
gives each of the table's opportunities that pipeline, stage and status as constants; a column that
places the deals (a stage or pipeline map) always comes first, and a table whose map is rejected or
undecided keeps its rows held with HighLevel's reason.
"""

from __future__ import annotations

import duckdb

from assistant.execute.specs import RecordSpec
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import lit


def table_stage(doc: MappingDocument, source_object: str) -> StageValueMap | None:
    """The confirmed stage of the whole table, when it names one."""
    return next(
        (
            s
            for s in doc.stages
            if s.whole_table and s.source_object == source_object and s.confirmed
            if s.pipeline_id and s.stage_id and not s.flagged
        ),
        None,
    )


def table_stage_outputs(doc: MappingDocument, spec: RecordSpec, keys: set[str]) -> list[Output]:
    """The pipeline, stage and status of a deal no column places (none when a column does)."""
    if spec.target != "opportunity" or spec.merge_into or "pipelineId" in keys:
        return []
    stage = table_stage(doc, spec.source_object)
    if stage is None:
        return []
    return [
        Output("pipelineId", lit(str(stage.pipeline_id))),
        Output("pipelineStageId", lit(str(stage.stage_id))),
        Output("status", lit(stage.opportunity_status.value)),  # a closed outcome another map gives wins
    ]


def plan_lines(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> list[str]:
    """Per table: how many of its opportunities start at the decided stage, and which decision says so."""
    out: list[str] = []
    for stage in doc.stages:
        if not stage.whole_table or table_stage(doc, stage.source_object) is not stage:
            continue
        columns = _placing_columns(doc, stage.source_object)
        if columns:  # the export now has a stage column: it places the deals, the old decision waits
            out.append(f"{stage.source_object}: {stage.id} is not used: {columns} places the deals")
            continue
        row = con.execute(
            """SELECT count(*) FROM exec.records WHERE target = 'opportunity' AND source_object = ?
            AND json_extract_string("values", '$.pipelineStageId') = ?""",
            [stage.source_object, stage.stage_id],
        ).fetchone()
        n = int(row[0]) if row else 0
        where = f"{stage.pipeline_name or stage.pipeline_id} / {stage.stage_name or stage.stage_id}"
        who = f" by {stage.decided_by}" if stage.decided_by else ""
        out.append(
            f"{stage.source_object}: {n} opportunities start at {where} ({stage.opportunity_status.value}), "
            f"as decided{who} in {stage.id}: no column of the table names a stage"
        )
    return out


def _placing_columns(doc: MappingDocument, source_object: str) -> str:
    """The confirmed columns that give the table's deals their pipeline ('' when none does)."""
    return ", ".join(
        repr(c)
        for f in doc.fields
        if f.confirmed
        and f.source_object == source_object
        and f.target.kind != FieldKind.SKIP
        and f.target.object == TargetObject.OPPORTUNITY
        and f.target.field in ("pipelineId", "pipelineStageId")
        for c in f.source_columns
    )
