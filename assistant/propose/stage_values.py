"""A deal column whose values are the destination's stage names is the stage, whatever its header.

'Milestone', 'Phase' or 'Fase' may hold New / Proposal / Won: when most of a pick-list's distinct
values name a stage of the destination's pipelines, the values are the evidence the header lacks.
"""

from __future__ import annotations

from assistant.highlevel.state import DestinationState
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.stage_match import stage_score

S = SemanticType
MIN_STAGE_SCORE = 0.85  # a value this close to a stage's name names it
MIN_SHARE = 0.6  # most distinct values must name a stage
MIN_VALUES = 3


def stage_value_share(column: ColumnProfile, destination: DestinationState | None) -> float:
    values = [v.value for v in (column.picklist or column.top_values) if v.value.strip()]
    stages = [s for p in (destination.pipelines if destination else []) for s in p.stages]
    if len(values) < MIN_VALUES or not stages:
        return 0.0
    named = sum(max(stage_score(v, s) for s in stages) >= MIN_STAGE_SCORE for v in values)
    return named / len(values)


def with_stage_evidence(
    column: ColumnProfile, cands: list[Candidate], destination: DestinationState | None, primary: TargetObject
) -> list[Candidate]:
    """The candidates, with the stage field raised (or added) when the values name destination stages."""
    if primary != TargetObject.OPPORTUNITY or column.semantic_type != S.PICKLIST or column.foreign_key:
        return cands
    share = stage_value_share(column, destination)
    if share < MIN_SHARE:
        return cands
    score = round(0.5 + 0.4 * share, 4)
    evidence = f"{share:.0%} of values are stage names of the destination's pipelines"
    others = [c for c in cands if c.field != "pipelineStageId"]
    old = next((c for c in cands if c.field == "pipelineStageId"), None)
    stage = Candidate(
        kind=FieldKind.STANDARD,
        object=TargetObject.OPPORTUNITY,
        field="pipelineStageId",
        label="pipelineStageId",
        score=max(score, old.score if old else 0.0),
        name_score=old.name_score if old else 0.0,
        concept="stage",
        value_kind="stage",
        evidence=[*(old.evidence if old else []), evidence],
    )
    return sorted([stage, *others], key=lambda c: -c.score)
