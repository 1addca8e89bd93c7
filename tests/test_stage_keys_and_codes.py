"""Stage sets an export gives only by keys or codes, and status words placed by what they mean.

A deal's step key into a steps table that also keeps stamps (created, modified, deleted) is still a
stage list; a pipeline key beside a stage key is read, not mapped as a stage; a numeric status code
is read through the won and lost dates of its rows; 'Progress', 'To Price', 'Not Going Ahead',
'Prospect' and 'Work Order' land where their meaning or the order of the steps puts them.
"""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, StageValueMap
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject, TransformKind
from assistant.profile.models import TableProfile, ValueCount
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.objects import classify_tables
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_order import lifecycle_order
from assistant.propose.stage_pipelines import PipelineChoice
from assistant.propose.stages import _one
from tests.propose_factory import S, destination, table

THRESHOLD = 0.7
STEPS = ["First Contact", "Qualify", "Solution Demo", "Proposal", "Negotiate"]
STAMPS: list[tuple[str, S, dict[str, Any]]] = [
    ("is_deleted", S.BOOLEAN, {"distinct_count": 1}),
    ("created", S.DATETIME, {"distinct_count": 5}),
    ("modified", S.DATETIME, {"distinct_count": 5}),
    ("description", S.EMPTY, {"null_share": 1.0, "null_count": 5}),
]


def _steps() -> TableProfile:
    """Nine columns, four of them stamps or empty: a name, a key, an order, odds and a pipeline."""
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 5}),
        ("name", S.FREE_TEXT, {"distinct_count": 5}),
        ("percent", S.INTEGER, {"distinct_count": 5}),
        ("pipeline_id", S.IDENTIFIER, {"distinct_count": 1}),
        ("sort_order", S.INTEGER, {"distinct_count": 5}),
        *STAMPS,
    ]
    return table("steps", columns, rows=5, key="id")


def _opportunities(extra: list[tuple[str, S, dict[str, Any]]]) -> TableProfile:
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        ("value", S.MONEY, {"locale": "en"}),
        *extra,
    ]
    return table("opportunities", columns, rows=40, key="id")


STEP_KEY: tuple[str, S, dict[str, Any]] = (
    "step_id",
    S.FOREIGN_KEY,
    {"fk": ("steps", "id"), "distinct_count": 5},
)


def test_a_steps_table_with_stamps_is_still_the_stage_list_its_deals_point_at() -> None:
    decided = classify_tables([_steps(), _opportunities([STEP_KEY])])
    assert decided["steps"].kind == "pipeline"
    assert decided["opportunities"].object_map.targets[0].object == TargetObject.OPPORTUNITY


def _propose(tables: list[TableProfile], values: dict[str, list[dict[str, str | None]]]) -> MappingDocument:
    return propose_offline(ProposeInputs(tables, destination(), MemoryValues(values)))


def test_the_step_key_becomes_the_stage_through_the_step_names() -> None:
    values = {
        "steps": [{"id": f"s{i}", "name": n, "sort_order": str(i)} for i, n in enumerate(STEPS)],
        "opportunities": [{"step_id": f"s{i % 5}"} for i in range(40)],
    }
    doc = _propose([_steps(), _opportunities([STEP_KEY])], values)
    stage = next(f for f in doc.fields if f.id == "field:opportunities.step_id")
    assert (stage.target.field, stage.transform.kind) == ("pipelineStageId", TransformKind.VALUE_MAP)
    assert {s.source_value for s in doc.stages if s.source_column == "step_id"} == set(STEPS)


def _pipelines_with_stages() -> list[TableProfile]:
    pipelines = table(
        "pipelines",
        [
            ("pipeline_id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 1}),
            ("name", S.FREE_TEXT, {}),
        ],
        rows=1,
        key="pipeline_id",
    )
    stages = table(
        "pipelines__stages",
        [
            ("stage_id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 5}),
            ("name", S.FREE_TEXT, {"distinct_count": 5}),
            ("pipeline_ref", S.FOREIGN_KEY, {"fk": ("pipelines", "pipeline_id"), "distinct_count": 1}),
        ],
        rows=5,
        key="stage_id",
        parent="pipelines",
    )
    deals = table(
        "deals",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("name", S.FREE_TEXT, {}),
            ("amount", S.MONEY, {"locale": "en"}),
            ("pipeline_id", S.FOREIGN_KEY, {"fk": ("pipelines", "pipeline_id"), "distinct_count": 1}),
            ("stage_id", S.FOREIGN_KEY, {"fk": ("pipelines__stages", "stage_id"), "distinct_count": 5}),
        ],
        rows=40,
        key="id",
    )
    return [pipelines, stages, deals]


def test_a_pipeline_key_beside_a_stage_key_is_read_and_the_stage_key_places_the_deal() -> None:
    values = {
        "pipelines": [{"pipeline_id": "p1", "name": "Sales Pipeline"}],
        "pipelines__stages": [
            {"stage_id": f"s{i}", "name": n, "pipeline_ref": "p1"} for i, n in enumerate(STEPS)
        ],
        "deals": [{"pipeline_id": "p1", "stage_id": f"s{i % 5}"} for i in range(40)],
    }
    doc = _propose(_pipelines_with_stages(), values)
    by_column = {f.source_columns[0]: f for f in doc.fields if f.source_object == "deals"}
    assert by_column["pipeline_id"].target.kind == FieldKind.SKIP
    assert by_column["stage_id"].target.field == "pipelineStageId"
    assert {s.source_value for s in doc.stages if s.source_column == "stage_id"} == set(STEPS)


DATES: list[tuple[str, S, dict[str, Any]]] = [
    ("status", S.INTEGER, {"values": {"1": 20, "2": 10, "3": 10}, "distinct_count": 3}),
    ("won_date", S.DATETIME, {"null_share": 0.75}),
    ("lost_date", S.DATETIME, {"null_share": 0.75}),
]


def _coded_rows() -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for i in range(40):
        code = "1" if i < 20 else "2" if i < 30 else "3"
        won, lost = ("2025-01-03" if code == "3" else None), ("2025-01-02" if code == "2" else None)
        rows.append({"status": code, "won_date": won, "lost_date": lost})
    return rows


def test_a_numeric_status_code_is_read_by_the_won_and_lost_dates_of_its_rows() -> None:
    doc = _propose([_opportunities(DATES)], {"opportunities": _coded_rows()})
    status = next(f for f in doc.fields if f.id == "field:opportunities.status")
    assert (status.target.field, status.transform.kind) == ("status", TransformKind.VALUE_MAP)
    assert status.transform.params["map"] == {"1": "open", "2": "lost", "3": "won"}


def test_a_code_whose_rows_disagree_is_no_outcome() -> None:
    rows = _coded_rows()
    for row in rows[:5]:  # a quarter of the open code's rows carry a lost date: the code says nothing sure
        row["lost_date"] = "2025-01-02"
    doc = _propose([_opportunities(DATES)], {"opportunities": rows})
    status = next(f for f in doc.fields if f.id == "field:opportunities.status")
    assert status.target.field != "status"


FMAP = FieldMap(
    id="f",
    confidence=0.9,
    rationale="status",
    source_object="jobs",
    source_columns=["status"],
    target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineStageId"),
)


def _pipeline(*names: str) -> Pipeline:
    return Pipeline(
        id="p", name="Jobs", stages=[Stage(id=n, name=n, position=i) for i, n in enumerate(names)]
    )


def _stage(value: str, pipeline: Pipeline) -> StageValueMap:
    return _one(FMAP, ValueCount(value=value, count=4), PipelineChoice(pipeline, "one pipeline"))


WORK = _pipeline("Needs Pricing", "Price Sent", "Work Underway", "Done", "Not Going Ahead")


def test_progress_and_pricing_words_match_the_stages_of_the_same_meaning() -> None:
    assert _stage("Progress", _pipeline("New Job", "Underway", "Closed Out")).stage_name == "Underway"
    assert _stage("To Price", WORK).stage_name == "Needs Pricing"


def test_a_rejected_quote_closes_at_the_not_going_ahead_stage_not_the_first() -> None:
    stage = _stage("Quote Rejected", WORK)
    assert (stage.stage_name, stage.opportunity_status) == ("Not Going Ahead", OpportunityStatus.LOST)


def test_active_work_and_an_archived_job_read_an_underway_stage_as_work_in_progress() -> None:
    active = _stage("Active", WORK)
    assert (active.stage_name, active.flagged) == ("Work Underway", False) and active.confidence < THRESHOLD
    archived = _stage("Archived", _pipeline("New Job", "Underway", "Work Finished", "Closed Out"))
    assert (archived.stage_name, archived.opportunity_status) == ("Closed Out", OpportunityStatus.WON)
    assert archived.confidence < THRESHOLD


def test_accepted_work_without_a_date_waits_at_the_stage_before_scheduling() -> None:
    trees = _pipeline("Renewal Queued", "Estimate Sent", "Approved - To Schedule", "Scheduled", "Work Done")
    stage = _stage("Work Order", trees)
    assert (stage.stage_name, stage.opportunity_status) == ("Approved - To Schedule", OpportunityStatus.OPEN)
    assert stage.confidence < THRESHOLD and stage.alternatives[0].value["stage_name"] == "Scheduled"
    plain = _stage("Job Order", _pipeline("Lead", "Quoted", "Booked", "Completed"))
    assert plain.stage_name == "Quoted" and plain.confidence < THRESHOLD


def test_a_prospect_comes_after_a_lead_in_the_usual_order_of_steps() -> None:
    ranks = lifecycle_order(["Lead", "Prospect", "Approved"])
    assert ranks["Lead"] < ranks["Prospect"]
