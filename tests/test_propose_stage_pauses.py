"""Stage values read by meaning: a pause stays open, a cancellation closes as lost, both confidently;
a value the vocabulary cannot read stays below the review threshold for a human."""

from __future__ import annotations

import pytest

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, StageValueMap
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject
from assistant.profile.models import ValueCount
from assistant.propose.stage_pipelines import PipelineChoice
from assistant.propose.stages import _one

THRESHOLD = 0.7  # propose.confidence_threshold's default
PIPELINE = Pipeline(
    id="p1",
    name="Jobs",
    stages=[Stage(id="s2", name="In Progress", position=1), Stage(id="s1", name="Scheduled", position=0)],
)
FMAP = FieldMap(
    id="f",
    confidence=0.9,
    rationale="status",
    source_object="jobs",
    source_columns=["status"],
    target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineStageId"),
)


def _stage(value: str) -> StageValueMap:
    return _one(FMAP, ValueCount(value=value, count=7), PipelineChoice(PIPELINE, "one pipeline"))


@pytest.mark.parametrize("value", ["On Hold", "Hold", "Paused", "En pausa", "Zurückgestellt", "Suspendido"])
def test_a_pause_lands_open_at_the_first_stage_above_the_threshold(value: str) -> None:
    stage = _stage(value)
    assert not stage.flagged and stage.stage_id == "s1"
    assert stage.opportunity_status == OpportunityStatus.OPEN
    assert stage.confidence >= THRESHOLD and "pause" in stage.rationale


@pytest.mark.parametrize("value", ["Cancelled", "Canceled", "Cancelada", "Storniert", "Annulé"])
def test_a_cancellation_closes_as_lost_above_the_threshold(value: str) -> None:
    stage = _stage(value)
    assert not stage.flagged and stage.stage_id == "s1"
    assert stage.opportunity_status == OpportunityStatus.LOST
    assert stage.confidence >= THRESHOLD and "status lost carries the outcome" in stage.rationale


def test_an_expired_value_closes_as_abandoned() -> None:
    stage = _stage("Expired")
    assert stage.opportunity_status == OpportunityStatus.ABANDONED and not stage.flagged


@pytest.mark.parametrize("value", ["Zebra", "Stage 7", "Holdings review"])
def test_a_value_without_evidence_stays_below_the_threshold(value: str) -> None:
    stage = _stage(value)
    assert stage.flagged and stage.stage_id is None and stage.confidence < THRESHOLD
