"""Status words that name no stage ('Today', 'Active', 'Archived', 'Pending') are placed by meaning,
below the review threshold with the runner-up beside them, instead of flagged with nothing."""

from __future__ import annotations

import pytest

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, StageValueMap
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject
from assistant.profile.models import ValueCount
from assistant.propose.stage_pipelines import PipelineChoice
from assistant.propose.stages import _one

THRESHOLD = 0.7
FMAP = FieldMap(
    id="f",
    confidence=0.9,
    rationale="status",
    source_object="work",
    source_columns=["state"],
    target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineStageId"),
)


def _pipeline(*names: str) -> Pipeline:
    stages = [Stage(id=n, name=n, position=i) for i, n in enumerate(names)]
    return Pipeline(id="p", name="Work", stages=stages)


WORK = _pipeline("To Schedule", "Scheduled", "In Progress", "Needs Invoicing", "Completed")
QUOTES = _pipeline("Draft", "Estimate Sent", "Revision Requested", "Accepted")
DEALS = _pipeline("Open", "Demo booked", "Proposal sent", "Closed won", "Closed lost")
INTAKE = _pipeline("Submitted", "Scheduled", "In Progress", "Awaiting Approval", "Completed")


def _stage(value: str, pipeline: Pipeline) -> StageValueMap:
    return _one(FMAP, ValueCount(value=value, count=4), PipelineChoice(pipeline, "one pipeline"))


def _proposed_below_threshold(stage: StageValueMap, name: str, status: OpportunityStatus) -> None:
    assert not stage.flagged and stage.stage_name == name and stage.opportunity_status == status
    assert 0.5 <= stage.confidence < THRESHOLD


@pytest.mark.parametrize("value", ["Today", "Active", "Late", "Overdue", "Heute", "En retard", "Atrasado"])
def test_work_under_way_lands_in_progress_with_scheduled_as_runner_up(value: str) -> None:
    stage = _stage(value, WORK)
    _proposed_below_threshold(stage, "In Progress", OpportunityStatus.OPEN)
    assert stage.alternatives[0].value["stage_name"] == "Scheduled"


def test_an_active_deal_lands_at_the_stage_named_open_not_a_booked_step() -> None:
    _proposed_below_threshold(_stage("Active", DEALS), "Open", OpportunityStatus.OPEN)


def test_under_way_without_an_in_progress_or_open_stage_is_the_scheduled_one() -> None:
    pipeline = _pipeline("To Schedule", "Scheduled", "Completed")
    _proposed_below_threshold(_stage("Late", pipeline), "Scheduled", OpportunityStatus.OPEN)


@pytest.mark.parametrize("value", ["Archived", "Archivado", "Archiviert"])
def test_an_archived_job_on_a_pipeline_of_work_is_completed_and_won(value: str) -> None:
    _proposed_below_threshold(_stage(value, WORK), "Completed", OpportunityStatus.WON)


def test_an_archived_quote_stays_for_a_human() -> None:
    stage = _stage("Archived", QUOTES)  # put away unanswered or declined: the words do not tell
    assert stage.flagged and stage.stage_id is None and stage.confidence < THRESHOLD


def test_an_archived_job_stays_flagged_when_the_pipeline_does_not_end_in_a_completion() -> None:
    stage = _stage("Archived", _pipeline("Scheduled", "In Progress", "Completed", "Follow-up"))
    assert stage.flagged and stage.stage_id is None


def test_pending_with_no_waiting_stage_is_the_first_open_stage() -> None:
    stage = _stage("Pending", INTAKE)
    _proposed_below_threshold(stage, "Submitted", OpportunityStatus.OPEN)
    assert stage.alternatives[0].value["stage_name"] == "Scheduled"


@pytest.mark.parametrize("value", ["Zebra", "Stage 7", "Action Required"])
def test_words_that_say_nothing_stay_flagged(value: str) -> None:
    stage = _stage(value, WORK)
    assert stage.flagged and stage.stage_id is None and stage.confidence < THRESHOLD
