"""A stage value no stage name matched, placed from other evidence (its meaning, the source's order).

Such a placement chooses between neighbouring stages, so it stays below the review threshold
with the stage a reviewer would weigh against it first among the alternatives: a proposal to
confirm, not a flag with nothing in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import Alternative, Evidence, OpportunityStatus

RUNNER_UP_GAP = 0.1  # the runner-up trails the placement: a tie would hide which one was meant


@dataclass(frozen=True)
class Placement:
    """Where a value lands, how sure that is, why, and the stage a reviewer would weigh against it."""

    stage: Stage
    status: OpportunityStatus
    confidence: float
    why: str
    runner_up: Stage | None = None
    source: str = "vocabulary"


def _alternative(pipeline: Pipeline, stage: Stage, score: float) -> Alternative:
    return Alternative(
        target=f"{pipeline.name} / {stage.name}",
        score=round(max(score, 0.0), 3),
        value={"pipeline_id": pipeline.id, "stage_id": stage.id, "stage_name": stage.name},
    )


def placed_map(flagged: StageValueMap, placement: Placement, pipeline: Pipeline) -> StageValueMap:
    """The flagged proposal, now pointing at the placement's stage with its confidence and reason."""
    stage = placement.stage
    alternatives = [a for a in flagged.alternatives if a.value.get("stage_id") != stage.id]
    if placement.runner_up is not None and placement.runner_up.id != stage.id:
        runner_up = _alternative(pipeline, placement.runner_up, placement.confidence - RUNNER_UP_GAP)
        alternatives = [runner_up, *(a for a in alternatives if a.target != runner_up.target)]
    return flagged.model_copy(
        update={
            "stage_id": stage.id,
            "stage_name": stage.name,
            "opportunity_status": placement.status,
            "flagged": False,
            "confidence": round(placement.confidence, 3),
            "rationale": placement.why,
            "evidence": [*flagged.evidence, Evidence(source=placement.source, detail=placement.why)],
            "alternatives": alternatives[:3],
        }
    )
