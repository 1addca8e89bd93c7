"""The one stage every deal of a table starts at when no column of it names a stage or status.

HighLevel files every opportunity in a pipeline at a stage, so a deals export without a stage column
would hold every row back. The destination's only pipeline, or the one whose name names the table's
records ('Jobs' for a jobs table), and its first open stage are proposed for the whole table, below
the review threshold: nothing in the export says where the deals stand, so a human confirms or edits
it (``stage:<table>``, no column and no value). A table with a stage or status column never gets one.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import DestinationState, Pipeline, Stage
from assistant.mapping.items import FieldMap, ObjectMap, StageValueMap
from assistant.mapping.models import Alternative, Evidence, FieldKind, Status, TargetObject
from assistant.propose.stage_groups import bare
from assistant.propose.stage_match import OUTCOME, lead_stage_concept
from assistant.propose.stage_named_pipelines import names_records

WITHOUT_COLUMN = 0.5  # nothing in the export places the deals: always for a human to confirm
NO_PIPELINE_FITS = 0.2  # several pipelines and no name to choose by: flagged, the engineer picks
STAGE_KEYS = frozenset({"pipelineStageId", "pipelineId", "status"})  # columns that place a deal


def propose_table_stages(
    objects: Sequence[ObjectMap], fields: Sequence[FieldMap], destination: DestinationState | None
) -> list[StageValueMap]:
    pipelines = [p for p in (destination.pipelines if destination else []) if _first_open(p)]
    if not pipelines:  # nothing to propose into: the rows stay held with HighLevel's reason
        return []
    placed = {f.source_object for f in fields if _places_deals(f)}
    return [
        _proposal(om, pipelines)
        for om in objects
        if om.status != Status.REJECTED and _makes_deals(om) and om.source_object not in placed
    ]


def _makes_deals(om: ObjectMap) -> bool:
    """An opportunity of its own per row (not merged into another record's)."""
    return any(t.object == TargetObject.OPPORTUNITY and t.role is None for t in om.targets)


def _places_deals(fm: FieldMap) -> bool:
    return (
        fm.target.kind != FieldKind.SKIP
        and fm.target.object == TargetObject.OPPORTUNITY
        and fm.target.field in STAGE_KEYS
    )


def _first_open(pipeline: Pipeline) -> Stage | None:
    """The first stage by position that is no outcome (a pipeline may start with 'Lost')."""
    ordered = sorted(pipeline.stages, key=lambda s: s.position if s.position is not None else 10**6)
    return next((s for s in ordered if lead_stage_concept(bare(s.name)) not in OUTCOME), None)


def _choice(table: str, pipelines: list[Pipeline]) -> tuple[Pipeline | None, str]:
    if len(pipelines) == 1:
        return pipelines[0], f"'{pipelines[0].name}' is the destination's only pipeline"
    named = [p for p in pipelines if names_records(table, p)]
    if len(named) == 1:
        return named[0], f"'{named[0].name}' names the records of '{table}'"
    names = ", ".join(f"'{p.name}'" for p in pipelines)
    return None, f"the destination has {len(pipelines)} pipelines ({names}) and none is named for '{table}'"


def _alternative(pipeline: Pipeline, stage: Stage) -> Alternative:
    value = {"pipeline_id": pipeline.id, "stage_id": stage.id, "stage_name": stage.name}
    return Alternative(target=f"{pipeline.name} / {stage.name}", score=0.0, value=value)


def _proposal(om: ObjectMap, pipelines: list[Pipeline]) -> StageValueMap:
    table = om.source_object
    pipeline, why = _choice(table, pipelines)
    others = [(p, _first_open(p)) for p in pipelines if p is not pipeline]
    alternatives = [_alternative(p, s) for p, s in others if s is not None]
    base = {
        "id": f"stage:{table}",
        "source_object": table,
        "source_column": "",
        "source_value": "",
        "count": om.row_count,
        "alternatives": alternatives,
    }
    if pipeline is None:
        return StageValueMap(
            **base,
            flagged=True,
            confidence=NO_PIPELINE_FITS,
            rationale=f"no column of '{table}' names a stage and {why}: pick the pipeline and stage its "
            "deals start at",
            evidence=[Evidence(source="profile", detail=f"no column of '{table}' names a stage or status")],
        )
    stage = _first_open(pipeline)
    assert stage is not None  # only pipelines with an open stage are offered
    where = f"{pipeline.name} / {stage.name}"
    return StageValueMap(
        **base,
        pipeline_id=pipeline.id,
        pipeline_name=pipeline.name,
        stage_id=stage.id,
        stage_name=stage.name,
        confidence=WITHOUT_COLUMN,
        rationale=f"{why}; '{stage.name}' is its first open stage",
        evidence=[
            Evidence(
                source="profile",
                detail=f"no column names a stage: every deal would start at {where}; confirm",
            ),
            Evidence(source="destination", detail=why),
        ],
    )
