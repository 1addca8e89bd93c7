"""A status that fits two stages alike: settled by the column's other values or their meaning, else held
below the review threshold."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
OPEN, WON = OpportunityStatus.OPEN, OpportunityStatus.WON
THRESHOLD = 0.7


def _stages(statuses: list[str], names: list[str]) -> dict[str, StageValueMap]:
    pipeline = Pipeline(
        id="pv", name="Visits", stages=[Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(names)]
    )
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("status", S.PICKLIST, {"values": dict.fromkeys(statuses, 3)}),
    ]
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Job {i}", "status": s} for i, s in enumerate(statuses * 3)
    ]
    dest = DestinationState(location=Location(id="loc"), pipelines=[pipeline])
    profiles = [table("jobs", columns, rows=len(rows), key="ref")]
    doc = propose_offline(ProposeInputs(profiles, dest, MemoryValues({"jobs": rows})))
    return {s.source_value: s for s in doc.stages}


VISITS = ["To Plan", "Planned", "On Site", "Work Finished", "Approved"]


def test_a_sign_off_takes_the_later_of_two_won_stages_and_the_completion_the_earlier() -> None:
    stages = _stages(["created", "scheduled", "started", "completed", "validated"], VISITS)
    assert (stages["validated"].stage_name, stages["validated"].opportunity_status) == ("Approved", WON)
    assert (stages["completed"].stage_name, stages["completed"].opportunity_status) == ("Work Finished", OPEN)
    assert "signed off after it is done" in stages["validated"].rationale
    assert stages["validated"].alternatives[0].target == "Visits / Work Finished"  # the stage it left


def test_a_value_tied_between_two_stages_with_nothing_to_settle_it_is_held_for_review() -> None:
    stages = _stages(["created", "scheduled", "done"], VISITS)
    done = stages["done"]
    assert done.confidence < THRESHOLD
    assert "'Work Finished' and 'Approved' alike" in done.rationale


def test_a_stage_another_value_names_by_its_words_leaves_the_tied_value_the_other() -> None:
    quotes = ["Draft", "Quote Sent", "Approved", "Converted to Invoice"]
    stages = _stages(["draft", "sent", "accepted", "invoiced"], quotes)
    assert stages["invoiced"].stage_name == "Converted to Invoice"
    assert stages["accepted"].stage_name == "Approved"
    assert stages["accepted"].confidence >= THRESHOLD  # settled: no coin toss left
    assert any(e.detail.startswith("stage 'Approved' similarity") for e in stages["accepted"].evidence)


ROOFING = ["New Inquiry", "Estimate in Progress", "Contract Signed", "Build Complete", "Invoice Sent", "Paid"]


def test_a_tied_value_whose_words_name_a_free_stage_goes_there() -> None:
    # 'invoiced' reads as won like 'approved': left alone, both would crowd 'Contract Signed'
    stages = _stages(["lead", "approved", "completed", "invoiced", "paid"], ROOFING)
    assert (stages["invoiced"].stage_name, stages["invoiced"].opportunity_status) == ("Invoice Sent", OPEN)
    assert "'Invoice Sent' does" in stages["invoiced"].rationale
    assert stages["approved"].stage_name == "Contract Signed"
