"""A stage column whose stage maps close deals won or lost is scored as stage + status."""

from __future__ import annotations

from pathlib import Path

from assistant.evals.gold import parse_gold
from assistant.evals.predictions import PredTarget, predictions_from_document
from assistant.evals.scorer import score_document
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, StageValueMap, Transform
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject, TransformKind

STAGE = PredTarget("standard", object="opportunity", field="pipelineStageId")
STATUS = PredTarget("standard", object="opportunity", field="status")
READINGS = ["opportunity.status", ["opportunity.pipelineStageId", "opportunity.status"]]
GOLD = {"fields": {"deals": {"status": {"any_of": READINGS}}}}


def _on(field: str, column: str = "status") -> FieldMap:
    values = "stages" if field == "pipelineStageId" else {"Won": "won", "Open": "open"}
    return FieldMap(
        id=f"field:deals.{column}", source_object="deals", source_columns=[column], confidence=0.9,
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field=field),
        transform=Transform(kind=TransformKind.VALUE_MAP, params={"map": values}),
    )  # fmt: skip


def _stage(value: str, name: str, outcome: OpportunityStatus, flagged: bool = False) -> StageValueMap:
    return StageValueMap(
        id=f"stage:deals.status={value}", source_object="deals", source_column="status", source_value=value,
        pipeline_id="p1", pipeline_name="Sales", stage_id=None if flagged else f"s_{value}",
        stage_name=None if flagged else name, opportunity_status=outcome, flagged=flagged,
    )  # fmt: skip


def _document(fields: list[FieldMap], *stages: StageValueMap) -> MappingDocument:
    return MappingDocument(project="t", fields=fields, stages=list(stages))


def test_a_bare_outcome_column_placed_on_won_and_lost_stages_writes_the_status_too() -> None:
    doc = _document(
        [_on("pipelineStageId")],
        _stage("pending", "New", OpportunityStatus.OPEN),
        _stage("won", "Won", OpportunityStatus.WON),
        _stage("lost", "Lost", OpportunityStatus.LOST),
    )
    pred = predictions_from_document(doc)
    assert pred.fields[("deals", "status")] == {STAGE, STATUS}
    scores = score_document(parse_gold(GOLD, Path("gold.yaml"), "t"), pred)
    assert (scores.fields.tp, scores.fields.fp, scores.fields.fn) == (2, 0, 0)


def test_open_stages_only_or_a_flagged_outcome_write_no_status() -> None:
    doc = _document(
        [_on("pipelineStageId")],
        _stage("new", "New", OpportunityStatus.OPEN),
        _stage("won", "Won", OpportunityStatus.WON, flagged=True),  # flagged: the executor sends no stage
    )
    assert predictions_from_document(doc).fields[("deals", "status")] == {STAGE}


def test_a_status_column_beside_the_stage_column_keeps_the_status_pair() -> None:
    status = _on("status", column="outcome")
    doc = _document([_on("pipelineStageId"), status], _stage("won", "Won", OpportunityStatus.WON))
    pred = predictions_from_document(doc)
    assert pred.fields[("deals", "status")] == {STAGE}
    assert pred.fields[("deals", "outcome")] == {STATUS}
