"""Which column of a deal table is its stage, and what its words mean: never a constant or a channel's
status, a quote's status whose 'Pending' awaits an answer, raw status codes for a human, and status
words read by meaning (screening, a customer, waiting on the customer, drafting, ongoing work)."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_match import GOOD_STAGE, lead_stage_concept, stage_score
from tests.propose_factory import S, table

THRESHOLD = 0.7
OPEN, WON, LOST = OpportunityStatus.OPEN, OpportunityStatus.WON, OpportunityStatus.LOST
DESIGN = ["Site Visit", "Proposal Out", "Client Approved", "Invoiced"]


def _destination(names: list[str]) -> DestinationState:
    stages = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(names)]
    return DestinationState(
        location=Location(id="loc"), pipelines=[Pipeline(id="p", name="Work", stages=stages)]
    )


def _propose(columns: dict[str, list[str]], stages: list[str]) -> MappingDocument:
    """A 'estimates' deal table: a key, a title, an amount and the given columns, one value per row."""
    rows = len(next(iter(columns.values())))
    specs: list[tuple[str, Any, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": rows}),
        ("title", S.FREE_TEXT, {"distinct_count": rows}),
        ("amount", S.MONEY, {"locale": "en"}),
    ]
    for name, values in columns.items():
        counts = {v: values.count(v) for v in values}
        kind = S.INTEGER if all(v.isdigit() for v in values) else S.PICKLIST
        specs.append((name, kind, {"values": counts, "distinct_count": len(counts)}))
    data = [
        {"ref": f"E{i}", "title": f"Estimate {i}", **{n: v[i] for n, v in columns.items()}}
        for i in range(rows)
    ]
    profiles = [table("estimates", specs, rows=rows, key="ref")]
    return propose_offline(ProposeInputs(profiles, _destination(stages), MemoryValues({"estimates": data})))


def _target(doc: MappingDocument, column: str) -> set[str]:
    return {f"{f.target.object}.{f.target.field}" for f in doc.fields if f.source_columns == [column]}


def _stages(doc: MappingDocument, column: str) -> dict[str, StageValueMap]:
    return {s.source_value: s for s in doc.stages if s.source_column == column}


QUOTE = {
    "TxnStatus": ["Pending", "Accepted", "Closed", "Rejected"] * 6,
    "PrintStatus": ["NotSet"] * 24,
    "EmailStatus": ["EmailSent", "NotSet", "NotSet"] * 8,
}


def test_a_constant_column_and_a_channels_status_are_never_the_stage_column() -> None:
    doc = _propose(QUOTE, DESIGN)
    assert "opportunity.pipelineStageId" in _target(doc, "TxnStatus")
    assert "opportunity.pipelineStageId" not in _target(doc, "PrintStatus") | _target(doc, "EmailStatus")
    assert not any(t.endswith(".status") for t in _target(doc, "PrintStatus") | _target(doc, "EmailStatus"))
    assert set(_stages(doc, "TxnStatus")) == {"Pending", "Accepted", "Closed", "Rejected"}


def test_pending_beside_a_customers_answers_was_sent_and_a_bare_close_follows_the_acceptance() -> None:
    stages = _stages(_propose(QUOTE, DESIGN), "TxnStatus")
    assert (stages["Pending"].stage_name, stages["Pending"].opportunity_status) == ("Proposal Out", OPEN)
    assert stages["Accepted"].stage_name == "Client Approved"
    assert (stages["Closed"].stage_name, stages["Closed"].opportunity_status) == ("Invoiced", WON)
    assert "closed after it is agreed" in stages["Closed"].rationale
    assert stages["Rejected"].opportunity_status == LOST


def test_pending_beside_won_and_lost_says_only_open() -> None:
    doc = _propose(
        {"status": ["pending", "won", "lost"] * 8}, ["New inquiry", "Proposal sent", "Won", "Lost"]
    )
    pending = _stages(doc, "status")["pending"]
    assert pending.stage_name == "New inquiry" and pending.confidence < THRESHOLD


def test_raw_status_codes_are_the_stage_column_below_the_threshold_each_code_for_a_human() -> None:
    doc = _propose(
        {"État": ["0", "1", "2", "3", "4", "1"] * 5}, ["À préparer", "Envoyé", "Accepté", "Facturé"]
    )
    stage = next(f for f in doc.fields if f.source_columns == ["État"])
    assert stage.target.field == "pipelineStageId" and stage.confidence < THRESHOLD
    assert any("numeric status codes with no labels" in e.detail for e in stage.evidence)
    codes = _stages(doc, "État")
    assert set(codes) == {"0", "1", "2", "3", "4"} and all(c.flagged for c in codes.values())


def test_status_words_read_by_meaning() -> None:
    read = {v: lead_stage_concept(v) for v in ("SCREENING", "Qualifying", "CUSTOMER", "ongoing", "Drafting")}
    assert read == {
        "SCREENING": "qualified",
        "Qualifying": "qualified",
        "CUSTOMER": "won",
        "ongoing": "in_progress",
        "Drafting": "quoting",
    }
    assert lead_stage_concept("waiting for the customer") == "pending"  # the customer owes the answer
    assert lead_stage_concept("On hold") == "on_hold"


def test_a_narrower_value_fits_the_broader_stage_but_not_the_other_way() -> None:
    waiting, approval = Stage(id="a", name="Waiting on Customer"), Stage(id="b", name="Awaiting Approval")
    assert stage_score("Pending Approval", waiting) >= GOOD_STAGE
    assert stage_score("Pending", approval) < GOOD_STAGE
    assert stage_score("In Progress", Stage(id="c", name="Quote Being Prepared")) >= GOOD_STAGE


def test_only_a_status_qualified_by_its_channel_is_a_channels_status() -> None:
    doc = _propose(
        {
            "Print Status": ["Printed", "NotSet", "NotSet"] * 8,
            "StatusText": ["Pending", "Accepted", "Rejected"] * 8,
        },
        DESIGN,
    )
    assert "opportunity.pipelineStageId" in _target(doc, "StatusText")  # the record's own status, in words
    assert not any(t.endswith((".status", ".pipelineStageId")) for t in _target(doc, "Print Status"))
