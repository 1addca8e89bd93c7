"""Status codes whose prefix names their pipeline ('C1:NEW' beside 'NEW'), and the stage words that
read such codes by meaning (PREPARATION, PREPAYMENT_INVOICE, EXECUTING, LOSE)."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_groups import bare, prefix_groups
from assistant.propose.stage_match import GOOD_STAGE, last_open_end, stage_score
from tests.propose_factory import table

S = SemanticType
SALES = ["New Deal", "Preparing Proposal", "Deposit Invoiced", "In Progress", "Won", "Lost"]
SERVICE = ["New Request", "Preparing Contract", "Servicing", "Renewed", "Cancelled"]


def _pipeline(pid: str, name: str, stages: list[str]) -> Pipeline:
    return Pipeline(
        id=pid, name=name, stages=[Stage(id=f"{pid}-{i}", name=n, position=i) for i, n in enumerate(stages)]
    )


def _stages(codes: list[str]) -> dict[str, StageValueMap]:
    rows: list[dict[str, str | None]] = [{"ref": f"r{i}", "stage": c} for i, c in enumerate(codes * 2)]
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("stage", S.PICKLIST, {"values": dict.fromkeys(codes, 2)}),
    ]
    dest = DestinationState(
        location=Location(id="loc"),
        pipelines=[_pipeline("ps", "Sales Pipeline", SALES), _pipeline("pc", "Service Contracts", SERVICE)],
    )
    profiles = [table("deals", columns, rows=len(rows), key="ref")]
    doc = propose_offline(ProposeInputs(profiles, dest, MemoryValues({"deals": rows})))
    return {s.source_value: s for s in doc.stages}


def test_a_prefix_shared_by_several_codes_is_a_second_pipeline() -> None:
    found = _stages(["NEW", "PREPARATION", "WON", "LOSE", "C1:NEW", "C1:PREPARATION", "C1:WON", "C1:LOSE"])
    assert {found[c].pipeline_name for c in ("NEW", "PREPARATION", "WON", "LOSE")} == {"Sales Pipeline"}
    assert {found[c].pipeline_name for c in ("C1:NEW", "C1:PREPARATION", "C1:WON", "C1:LOSE")} == {
        "Service Contracts"
    }
    assert found["C1:NEW"].stage_name == "New Request"
    assert found["C1:PREPARATION"].stage_name == "Preparing Contract"
    assert (found["C1:LOSE"].stage_name, found["C1:LOSE"].opportunity_status) == (
        "Cancelled",
        OpportunityStatus.LOST,
    )
    # a won code with no stage of that name takes the last stage that is no loss, not 'Cancelled'
    assert (found["C1:WON"].stage_name, found["C1:WON"].opportunity_status) == (
        "Renewed",
        OpportunityStatus.WON,
    )


def test_a_colon_inside_ordinary_values_is_no_pipeline_prefix() -> None:
    assert prefix_groups(["Stage 1: Intro", "Stage 2: Demo"]) == {}
    assert prefix_groups(["NEW", "C1:NEW"]) == {}  # one prefixed code alone proves nothing
    assert bare("Stage 1: Intro") == "Stage 1: Intro"
    assert bare("C12:WON") == "WON"


def test_codes_read_by_meaning() -> None:
    def stage(name: str) -> Stage:
        return Stage(id=name, name=name, position=0)

    assert stage_score("PREPARATION", stage("Preparing Proposal")) >= GOOD_STAGE
    assert stage_score("PREPAYMENT_INVOICE", stage("Deposit Invoiced")) >= 0.85
    assert stage_score("EXECUTING", stage("In Progress")) >= 0.85
    assert stage_score("Contacted", stage("Reached Out")) >= 0.85
    assert stage_score("Unsuccessful", stage("Not Won")) >= 0.85
    assert stage_score("Converted", stage("Conversation")) < GOOD_STAGE  # a shared stem is not enough
    assert last_open_end([stage("Open"), stage("Renewed"), stage("Cancelled")]).name == "Renewed"
