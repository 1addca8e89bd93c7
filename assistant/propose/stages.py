"""Stage value maps: every distinct source status -> a destination pipeline stage and status.

Only stages that exist in the destination are proposed (pipelines cannot be created through
the v2 API); a value with no fitting stage is flagged for a human, never forced.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import DestinationState, Pipeline, Stage
from assistant.mapping.items import FieldMap, StageValueMap
from assistant.mapping.models import Alternative, Evidence, OpportunityStatus, TargetObject
from assistant.profile.models import TableProfile, ValueCount
from assistant.propose.sourcedata import SourceValues
from assistant.propose.stage_answers import holds_answers
from assistant.propose.stage_between import place_by_order
from assistant.propose.stage_claimed_pipelines import unclaimed_pipelines
from assistant.propose.stage_crowding import crowded
from assistant.propose.stage_ends import closeness, settled_status
from assistant.propose.stage_groups import bare, group_choices, prefix_groups
from assistant.propose.stage_match import (
    GOOD_STAGE,
    OUTCOME,
    SAME_CONCEPT,
    last_open_end,
    lead_stage_concept,
    outcome_of,
    stage_score,
)
from assistant.propose.stage_meaning import place_by_meaning
from assistant.propose.stage_named_pipelines import with_named_pipelines
from assistant.propose.stage_order import source_ranks
from assistant.propose.stage_pipelines import PipelineChoice, choices_by_value
from assistant.propose.stage_placement import placed_map
from assistant.propose.stage_shared import with_pipeline_guesses_held
from assistant.propose.stage_sources import pipeline_rows, source_values
from assistant.propose.stage_ties import settle_ties
from assistant.propose.stage_tracks import track_rows

# The vocabulary reads these values for certain (a closing outcome, a pause), so the proposal is
# confident although no stage carries the value's name; a value it cannot read stays for a human.
CLOSED_WITHOUT_STAGE = 0.8
PAUSED_OPEN = 0.76
OPEN_WITHOUT_STEP = 0.65  # how far an open deal got is unknown: the first stage, for the engineer to confirm


def _is_target(fmap: FieldMap, name: str) -> bool:
    return fmap.target.object == TargetObject.OPPORTUNITY and fmap.target.field == name


def propose_stages(
    fields: list[FieldMap],
    values: SourceValues,
    destination: DestinationState | None,
    profiles: Sequence[TableProfile] = (),
) -> list[StageValueMap]:
    out: list[StageValueMap] = []
    pipelines = destination.pipelines if destination else []
    staged_tables = [f.source_object for f in fields if _is_target(f, "pipelineStageId")]
    for fmap in fields:
        if not _is_target(fmap, "pipelineStageId"):
            continue
        pipeline_map = next(
            (f for f in fields if f.source_object == fmap.source_object and _is_target(f, "pipelineId")), None
        )
        found = source_values(fmap, values)
        rows = pipeline_rows(fmap, pipeline_map, values) or track_rows(fmap, values, profiles)
        # without a pipeline column, a pipeline named for another table's records is left to that table
        own = pipelines if rows else unclaimed_pipelines(fmap.source_object, staged_tables, pipelines)
        choices, by_source = choices_by_value(fmap.source_object, [v.value for v in found], rows, own)
        if not rows:  # no pipeline column: a prefix on the codes, or their words, may name the pipeline
            choices = with_named_pipelines(choices, pipelines)
            choices |= group_choices(prefix_groups([v.value for v in found]), pipelines)
        # a column of outcomes only (won / lost / open): its open value says no step, only 'not closed'
        outcome_only = bool(found) and all(outcome_of(bare(v.value)) for v in found)
        outcome_only &= not holds_answers([v.value for v in found])  # 'Pending' beside 'Accepted' was sent
        column = [_one(fmap, item, choices[item.value], pipelines, outcome_only) for item in found]
        if not rows:  # no pipeline column: a value without a stage of its own may sit in either pipeline
            column = with_pipeline_guesses_held(column, pipelines)
        column = settle_ties(column, pipelines)  # 'validated' fits 'Work Finished' and 'Approved' alike
        ranks, how = source_ranks(fmap, values, profiles, [v.value for v in found])
        out += crowded(place_by_order(column, ranks, how, pipelines))
        if pipeline_map is not None and by_source:
            _align_pipeline_map(pipeline_map, by_source)
    return out


def _align_pipeline_map(pipeline_map: FieldMap, by_source: dict[str, PipelineChoice]) -> None:
    """The pipeline column's value map follows the pipelines the stage values were placed in."""
    pipeline_map.transform.params.update(
        {
            "values": {name: c.pipeline.id for name, c in sorted(by_source.items()) if c.pipeline},
            "unmatched": sorted(name for name, c in by_source.items() if c.pipeline is None),
        }
    )


def _ordered(pipeline: Pipeline) -> list[Stage]:
    return sorted(pipeline.stages, key=lambda s: s.position if s.position is not None else 10**6)


def _elsewhere(value: str, pipelines: Sequence[Pipeline]) -> list[Alternative]:
    """Stages of existing pipelines a value could go to instead of a pipeline HighLevel lacks."""
    ranked = sorted(
        ((stage_score(value, s), p, s) for p in pipelines for s in _ordered(p)),
        key=lambda t: -t[0],  # stable: ties keep the pipeline's order, first stage first
    )
    return [
        Alternative(
            target=f"{p.name} / {s.name}",
            score=round(score, 3),
            value={"pipeline_id": p.id, "stage_id": s.id, "stage_name": s.name},
        )
        for score, p, s in ranked[:3]
    ]


def _one(
    fmap: FieldMap,
    item: ValueCount,
    choice: PipelineChoice,
    pipelines: Sequence[Pipeline] = (),
    outcome_only: bool = False,
) -> StageValueMap:
    column = fmap.source_columns[0]
    value = bare(item.value)  # read without a pipeline prefix ('C1:WON' is a won)
    concept = lead_stage_concept(value)
    status = OUTCOME.get(concept or "", OpportunityStatus.OPEN)
    base = {
        "id": f"stage:{fmap.source_object}.{column}={item.value}",
        "source_object": fmap.source_object,
        "source_column": column,
        "source_value": item.value,
        "count": item.count,
        "opportunity_status": status,
    }
    evidence = [
        Evidence(source="values", detail=f"'{item.value}' on {item.count} records"),
        Evidence(source="vocabulary", detail=f"reads as {concept or 'no known status'}"),
        Evidence(source="destination", detail=choice.reason),
    ]
    pipeline = choice.pipeline
    if pipeline is None:  # the admin creates the pipeline (a setup step of the plan), or one of these
        return StageValueMap(
            **base,
            flagged=True,
            confidence=0.2,
            evidence=evidence,
            alternatives=_elsewhere(value, pipelines),
            rationale=choice.reason,
        )
    stages = _ordered(pipeline)
    ranked = sorted(stages, key=lambda s: closeness(value, s), reverse=True)
    best, score = ranked[0], stage_score(value, ranked[0])
    alternatives = [
        Alternative(
            target=f"{pipeline.name} / {s.name}",
            score=round(stage_score(value, s), 3),
            value={"pipeline_id": pipeline.id, "stage_id": s.id, "stage_name": s.name},
        )
        for s in ranked[1:4]
    ]
    if outcome_only and status == OpportunityStatus.OPEN and score < SAME_CONCEPT:
        stage, confidence = stages[0], OPEN_WITHOUT_STEP
        why = (
            f"'{item.value}' says only that the deal is still open (the column holds outcomes, no steps): "
            f"it starts at the first stage of '{pipeline.name}'"
        )
    elif score >= GOOD_STAGE:
        stage, confidence, why = best, 0.5 + 0.45 * score, f"'{item.value}' matches stage '{best.name}'"
        status, settled = settled_status(status, concept, best, pipeline, stages)
        why += settled
        base["opportunity_status"] = status
    elif status == OpportunityStatus.WON:
        stage, confidence, why = (
            last_open_end(stages),
            0.62,
            "a won outcome with no stage of that name: the last stage",
        )
    elif status != OpportunityStatus.OPEN:  # the vocabulary names the outcome: HighLevel's status holds it
        stage, confidence = stages[0], CLOSED_WITHOUT_STAGE
        why = (
            f"'{item.value}' reads as {status.value} and '{pipeline.name}' has no {status.value} stage: "
            f"status {status.value} carries the outcome, the record sits at the first stage"
        )
    elif concept == "new":
        stage, confidence, why = stages[0], 0.72, f"'{item.value}' is a starting state: the first stage"
    elif concept == "on_hold":  # a paused deal is still open; no order tells how far it got
        stage, confidence = stages[0], PAUSED_OPEN
        why = (
            f"'{item.value}' is a pause, not an outcome: HighLevel keeps a paused deal open (abandoned "
            f"means it went cold), so it stays open at the first stage of '{pipeline.name}'"
        )
    else:
        flagged = StageValueMap(
            **base,
            pipeline_id=pipeline.id,
            pipeline_name=pipeline.name,
            flagged=True,
            confidence=0.3,
            evidence=evidence,
            alternatives=alternatives or [],
            rationale=f"no stage of '{pipeline.name}' fits '{item.value}' (best "
            f"'{best.name}' {score:.2f}); needs a decision",
        )
        placed = place_by_meaning(value, concept, stages)
        return flagged if placed is None else placed_map(flagged, placed, pipeline)
    evidence.append(Evidence(source="destination", detail=f"stage '{stage.name}' similarity {score:.2f}"))
    return StageValueMap(
        **base,
        pipeline_id=pipeline.id,
        pipeline_name=pipeline.name,
        stage_id=stage.id,
        stage_name=stage.name,
        confidence=round(confidence, 3),
        rationale=why,
        evidence=evidence,
        alternatives=alternatives,
    )
