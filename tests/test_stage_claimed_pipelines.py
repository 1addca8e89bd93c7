"""A pipeline named for another table's records is left to that table; 'Not Started' is not underway."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_claimed_pipelines import unclaimed_pipelines
from assistant.propose.stage_match import GOOD_STAGE, stage_score
from tests.propose_factory import table

S = SemanticType


def _pipeline(pid: str, name: str, stages: list[str]) -> Pipeline:
    return Pipeline(
        id=pid, name=name, stages=[Stage(id=f"{pid}-{i}", name=n, position=i) for i, n in enumerate(stages)]
    )


QUOTES = _pipeline("pq", "Quotes", ["Quote Being Prepared", "Waiting on Customer", "Quote Won", "Quote Lost"])
WORK = _pipeline(
    "pw", "Field Work", ["Booked In", "Underway", "On Hold", "Work Complete", "Invoiced & Closed"]
)


def test_a_pipeline_named_for_another_tables_records_is_left_to_it() -> None:
    assert unclaimed_pipelines("tasks", ["quotes", "tasks"], [QUOTES, WORK]) == [WORK]
    assert unclaimed_pipelines("quotes", ["quotes", "tasks"], [QUOTES, WORK]) == [QUOTES, WORK]
    # nothing named for another table: every pipeline stays a choice
    assert unclaimed_pipelines("tasks", ["tasks"], [QUOTES, WORK]) == [QUOTES, WORK]
    # the only pipeline with stages is never taken away
    assert unclaimed_pipelines("tasks", ["quotes", "tasks"], [QUOTES]) == [QUOTES]


def _deals(name: str, statuses: list[str]) -> tuple[Any, list[dict[str, str | None]]]:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("amount", S.MONEY, {}),
        ("status", S.PICKLIST, {"values": dict.fromkeys(statuses, 2)}),
    ]
    rows: list[dict[str, str | None]] = [
        {"ref": f"{name}{i}", "title": f"t{i}", "amount": "10", "status": s}
        for i, s in enumerate(statuses * 2)
    ]
    return table(f"{name}", columns, rows=len(rows), key="ref"), rows


def test_generic_job_statuses_go_to_the_pipeline_no_other_table_is_named_for() -> None:
    quotes, quote_rows = _deals("quotes", ["In Progress", "Pending Approval", "Approved", "Rejected"])
    # statuses whose words fit the quote stages as well as the work stages
    jobs, job_rows = _deals("deals", ["In Progress", "Pending", "Completed"])
    dest = DestinationState(location=Location(id="loc"), pipelines=[QUOTES, WORK])
    values = MemoryValues({"quotes": quote_rows, "deals": job_rows})
    doc = propose_offline(ProposeInputs([quotes, jobs], dest, values))
    placed = {(s.source_object, s.source_value): s.pipeline_name for s in doc.stages}
    assert placed[("deals", "In Progress")] == "Field Work"
    assert placed[("deals", "Completed")] == "Field Work"
    assert placed[("quotes", "Approved")] == "Quotes"


def test_not_started_is_not_the_underway_stage() -> None:
    underway, booked = WORK.stages[1], WORK.stages[0]
    assert stage_score("Not Started", underway) < GOOD_STAGE
    assert stage_score("In Progress", underway) >= GOOD_STAGE
    assert stage_score("Not Started", underway) <= stage_score("Not Started", booked) + 0.1
