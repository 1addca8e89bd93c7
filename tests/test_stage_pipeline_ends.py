"""Where a pipeline is won, which column names the stage, and which pipeline a second track's statuses
belong to: read from the pipeline's order, the export's columns and the words' meaning."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_match import stage_score
from tests.propose_factory import table

S = SemanticType
OPEN, WON, LOST = OpportunityStatus.OPEN, OpportunityStatus.WON, OpportunityStatus.LOST


def _pipeline(pid: str, name: str, stages: list[str]) -> Pipeline:
    return Pipeline(
        id=pid, name=name, stages=[Stage(id=f"{pid}-{i}", name=n, position=i) for i, n in enumerate(stages)]
    )


def _propose(
    columns: list[tuple[str, SemanticType, dict[str, Any]]],
    rows: list[dict[str, str | None]],
    *pipelines: Pipeline,
) -> tuple[dict[str, StageValueMap], MappingDocument]:
    profiles = [table("deals", columns, rows=len(rows), key="ref")]
    dest = DestinationState(location=Location(id="loc"), pipelines=list(pipelines))
    doc = propose_offline(ProposeInputs(profiles, dest, MemoryValues({"deals": rows})))
    return {s.source_value: s for s in doc.stages}, doc


def _status_column(statuses: list[str]) -> list[tuple[str, SemanticType, dict[str, Any]]]:
    return [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("stage", S.PICKLIST, {"values": dict.fromkeys(sorted(set(statuses)), 3)}),
    ]


def _one_column(statuses: list[str], *pipelines: Pipeline) -> dict[str, StageValueMap]:
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Job {i}", "stage": s} for i, s in enumerate(statuses * 3)
    ]
    return _propose(_status_column(statuses), rows, *pipelines)[0]


def _at(m: StageValueMap) -> tuple[str | None, OpportunityStatus]:
    return m.stage_name, m.opportunity_status


WORK = _pipeline("pw", "Jobs", ["New Lead", "Contract Signed", "Work Complete", "Invoiced", "Paid"])


def test_a_won_sounding_status_with_a_later_completion_is_a_step_of_the_work() -> None:
    stages = _one_column(["Lead", "Signed Contract", "Job Completed", "Invoiced", "Paid & Closed"], WORK)
    assert _at(stages["Signed Contract"]) == ("Contract Signed", OPEN)
    assert _at(stages["Job Completed"]) == ("Work Complete", OPEN)  # the stage its words name
    assert _at(stages["Invoiced"]) == ("Invoiced", OPEN)
    assert "'Paid' completes the work later" in stages["Invoiced"].rationale
    assert _at(stages["Paid & Closed"]) == ("Paid", WON)  # the last completion is the win


def test_a_sales_pipeline_s_single_won_stage_still_wins() -> None:
    sales = _pipeline("ps", "Sales", ["New", "Proposal Sent", "Closed Won", "Closed Lost"])
    stages = _one_column(["New", "Proposal", "Won", "Lost"], sales)
    assert _at(stages["Won"]) == ("Closed Won", WON)
    assert _at(stages["Lost"]) == ("Closed Lost", LOST)


def test_the_stage_before_a_pipeline_s_losses_is_its_win() -> None:
    renewals = _pipeline("pr", "Renewals", ["Upcoming Renewal", "Renewal Quote Sent", "Renewed", "Cancelled"])
    stages = _one_column(["Renewal Due", "Quote Sent", "Renewed", "Churned"], renewals)
    assert _at(stages["Renewed"]) == ("Renewed", WON)
    assert _at(stages["Renewal Due"]) == ("Upcoming Renewal", OPEN)
    assert _at(stages["Churned"]) == ("Cancelled", LOST)


def test_stage_synonyms_of_quotes_dispatch_requests_and_claims() -> None:
    quotes = _pipeline("pq", "Quotes", ["New Request", "Quote Sent", "Quote Opened", "Approved"])
    stages = _one_column(["Estimate Requested", "Estimate Provided", "Viewed"], quotes)
    assert stages["Estimate Requested"].stage_name == "New Request"
    assert stages["Estimate Provided"].stage_name == "Quote Sent"
    assert stages["Viewed"].stage_name == "Quote Opened" and not stages["Viewed"].flagged
    service = _pipeline(
        "pj", "Service", ["To Schedule", "Insurance Claim", "Tech Assigned", "En Route", "In Progress"]
    )
    stages = _one_column(["Dispatched", "On The Way", "Claim Filed", "Started"], service)
    assert {v: stages[v].stage_name for v in ("Dispatched", "On The Way", "Claim Filed")} == {
        "Dispatched": "Tech Assigned",
        "On The Way": "En Route",
        "Claim Filed": "Insurance Claim",
    }
    assert all(stages[v].opportunity_status == OPEN for v in stages)


def test_a_pipeline_column_no_field_reads_still_tells_the_statuses_tracks_apart() -> None:
    sales = _pipeline("ps", "Sales Pipeline", ["New Lead", "Proposal Sent", "Closed Won", "Closed Lost"])
    renewals = _pipeline("pr", "Renewals", ["Upcoming Renewal", "Renewal Quote Sent", "Renewed", "Cancelled"])
    pairs = [("New", "51"), ("Proposal", "51"), ("Won", "51"), ("Lost", "51")] * 3
    pairs += [("Renewal Due", "77"), ("Quote Sent", "77"), ("Renewed", "77"), ("Churned", "77")] * 2
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Deal {i}", "stage": s, "pipeline_id": p} for i, (s, p) in enumerate(pairs)
    ]
    columns = [*_status_column([s for s, _p in pairs]), ("pipeline_id", S.IDENTIFIER, {})]
    stages, _doc = _propose(columns, rows, sales, renewals)
    # 'Quote Sent' alone would fit the sales pipeline's 'Proposal Sent', 'Churned' its 'Closed Lost'
    assert (stages["Quote Sent"].pipeline_name, stages["Quote Sent"].stage_name) == (
        "Renewals",
        "Renewal Quote Sent",
    )
    assert (stages["Churned"].pipeline_name, stages["Churned"].stage_name) == ("Renewals", "Cancelled")
    assert (stages["Proposal"].pipeline_name, stages["Proposal"].stage_name) == (
        "Sales Pipeline",
        "Proposal Sent",
    )


def test_a_stage_key_beside_the_stage_name_yields_the_stage_to_the_name() -> None:
    sales = _pipeline(
        "ps", "Sales", ["Qualified", "Info Gathering", "Demo", "Quote Sent", "Closed Won", "Closed Lost"]
    )
    named = {"11": "Qualified Lead", "12": "Presentation", "13": "Proposal", "14": "Won", "15": "Lost"}
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Deal {i}", "deal_stage_id": k, "deal_stage.name": n, "deal_stage.id": k}
        for i, (k, n) in enumerate(list(named.items()) * 4)
    ]
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("deal_stage_id", S.IDENTIFIER, {}),
        ("deal_stage.name", S.PICKLIST, {"values": dict.fromkeys(named.values(), 4)}),
        ("deal_stage.id", S.IDENTIFIER, {}),
    ]
    stages, doc = _propose(columns, rows, sales)
    stage_field = next(f for f in doc.fields if f.target.field == "pipelineStageId")
    assert stage_field.source_columns == ["deal_stage.name"]
    for key in ("deal_stage_id", "deal_stage.id"):
        skipped = next(f for f in doc.fields if key in f.source_columns)
        assert skipped.target.kind.value == "skip" and "deal_stage.name" in skipped.rationale, key
    assert _at(stages["Presentation"]) == ("Demo", OPEN)
    assert _at(stages["Won"]) == ("Closed Won", WON)


def test_a_status_naming_another_pipeline_s_records_goes_to_that_pipeline() -> None:
    estimates = _pipeline("pe", "Estimates", ["New Request", "Site Visit Booked", "Estimate Sent"])
    jobs = _pipeline("pj", "Jobs", ["Awaiting Scheduling", "Booked", "Work Underway", "Done"])
    stages = _one_column(
        [
            "new",
            "estimate_scheduled",
            "estimate_sent",
            "unscheduled",
            "scheduled",
            "in_progress",
            "completed",
        ],
        estimates,
        jobs,
    )
    assert (stages["estimate_sent"].pipeline_name, stages["estimate_sent"].stage_name) == (
        "Estimates",
        "Estimate Sent",
    )
    assert stages["estimate_scheduled"].pipeline_name == "Estimates"
    assert any("names the records of 'Estimates'" in e.detail for e in stages["estimate_sent"].evidence)
    # the column serves both pipelines, and only the estimates' has a stage for a new record
    assert (stages["new"].pipeline_name, stages["new"].stage_name) == ("Estimates", "New Request")
    # the job's own steps stay with the pipeline the whole column fits
    assert {stages[v].pipeline_name for v in ("unscheduled", "scheduled", "completed")} == {"Jobs"}


def test_a_bare_outcome_in_a_column_serving_two_pipelines_asks_which_pipeline() -> None:
    estimates = _pipeline("pe", "Estimates", ["New Request", "Site Visit Booked", "Estimate Sent"])
    jobs = _pipeline("pj", "Jobs", ["Awaiting Scheduling", "Booked", "Work Underway", "Done"])
    stages = _one_column(["estimate_sent", "scheduled", "completed", "lost"], estimates, jobs)
    lost = stages["lost"]
    assert lost.opportunity_status == OpportunityStatus.LOST and not lost.flagged
    # a lost estimate and a lost job read the same: the pipeline is a question for the engineer
    assert lost.confidence < 0.7 and "is a guess" in lost.rationale
    assert stages["scheduled"].confidence >= 0.9  # a value naming its stage keeps its confidence
    alone = _one_column(["scheduled", "completed", "lost"], jobs)  # one pipeline: nothing to guess
    assert alone["lost"].confidence >= 0.7


def test_a_status_sharing_only_the_step_with_a_stage_another_status_names_stays_below_the_threshold() -> None:
    roofing = _pipeline(
        "pr", "Roofing", ["New Lead", "Inspection Booked", "Materials Ordered", "In Production"]
    )
    stages = _one_column(["Lead", "Inspection Scheduled", "Build Scheduled", "Materials Ordered"], roofing)
    sure = stages["Inspection Scheduled"]
    assert sure.stage_name == "Inspection Booked" and sure.confidence >= 0.9
    # 'Build' is another thing being scheduled: the shared step alone is a guess a reviewer confirms
    guess = stages["Build Scheduled"]
    assert not guess.flagged and guess.confidence < 0.7
    assert "shares only the step with 'Inspection Booked'" in guess.rationale
    assert stages["Materials Ordered"].confidence >= 0.9


def test_a_presentation_is_a_demo_and_a_scheduled_demo_is_still_a_scheduled_step() -> None:
    def score(value: str, stage: str) -> float:
        return stage_score(value, Stage(id="s", name=stage))

    assert score("Presentation", "Demo") >= 0.9
    assert score("Presentation", "Proposal Sent") < 0.6
    assert 0.6 <= score("Scheduled", "Demo Scheduled") < 0.9  # a related step, not the same one


def test_a_deal_status_of_outcomes_only_also_places_the_deal_in_the_pipeline() -> None:
    sales = _pipeline("ps", "Sales", ["New inquiry", "Proposal sent", "Negotiation", "Won", "Lost"])
    statuses = ["pending", "won", "lost"]
    columns = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("status", S.PICKLIST, {"values": dict.fromkeys(statuses, 3)}),
    ]
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Deal {i}", "status": s} for i, s in enumerate(statuses * 3)
    ]
    stages, doc = _propose(columns, rows, sales)
    # HighLevel files every deal at a stage: with no stage column the outcome column places it
    status_map = next(f for f in doc.fields if f.source_columns == ["status"])
    assert status_map.target.field == "pipelineStageId"
    assert _at(stages["won"]) == ("Won", WON) and _at(stages["lost"]) == ("Lost", LOST)
    # 'pending' says only 'not closed': the first stage, for the engineer to confirm
    assert _at(stages["pending"]) == ("New inquiry", OPEN) and stages["pending"].confidence < 0.7


def test_an_outcome_column_beside_a_stage_column_stays_the_status() -> None:
    sales = _pipeline("ps", "Sales", ["New inquiry", "Proposal sent", "Won", "Lost"])
    columns = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("stage", S.PICKLIST, {"values": dict.fromkeys(["New inquiry", "Proposal sent", "Won", "Lost"], 3)}),
        ("status", S.PICKLIST, {"values": dict.fromkeys(["open", "won", "lost"], 4)}),
    ]
    rows: list[dict[str, str | None]] = [
        {"ref": f"r{i}", "title": f"Deal {i}", "stage": st, "status": o}
        for i, (st, o) in enumerate([("New inquiry", "open"), ("Proposal sent", "open"), ("Won", "won")] * 4)
    ]
    _stages, doc = _propose(columns, rows, sales)
    by_column = {f.source_columns[0]: f.target.field for f in doc.fields}
    assert by_column["stage"] == "pipelineStageId" and by_column["status"] != "pipelineStageId"


def test_a_negated_step_with_no_waiting_stage_sits_at_the_stage_before_the_step() -> None:
    work = _pipeline("pw", "Jobs", ["New Request", "Scheduled", "In Progress", "Done"])
    stages = _one_column(["Unscheduled", "Scheduled", "In Progress", "Done"], work)
    short = stages["Unscheduled"]
    assert short.stage_name == "New Request" and not short.flagged and short.confidence < 0.7
    assert "has not reached 'Scheduled'" in short.rationale
