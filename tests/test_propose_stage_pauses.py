"""A paused status with no stage of its name stays open in the pipeline instead of being held back."""

from __future__ import annotations

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject
from assistant.profile.models import ValueCount
from assistant.propose.stage_pipelines import PipelineChoice
from assistant.propose.stages import _one

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


def test_on_hold_lands_open_at_the_first_stage_with_its_reason() -> None:
    stage = _one(FMAP, ValueCount(value="On Hold", count=7), PipelineChoice(PIPELINE, "one pipeline"))
    assert not stage.flagged and stage.stage_id == "s1"
    assert stage.opportunity_status == OpportunityStatus.OPEN
    assert 0.5 < stage.confidence < 0.7 and "pause" in stage.rationale


def test_cancelled_lands_with_a_closed_status_not_held() -> None:
    stage = _one(FMAP, ValueCount(value="Cancelled", count=3), PipelineChoice(PIPELINE, "one pipeline"))
    assert not stage.flagged and stage.stage_id is not None
    assert stage.opportunity_status in (OpportunityStatus.LOST, OpportunityStatus.ABANDONED)


def test_an_unknown_status_is_still_held_for_a_decision() -> None:
    stage = _one(FMAP, ValueCount(value="Zebra", count=2), PipelineChoice(PIPELINE, "one pipeline"))
    assert stage.flagged and stage.stage_id is None
