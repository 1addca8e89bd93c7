"""Stage maps pick a pipeline per column (or per pipeline column's value), and flag what fits nowhere."""

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


def _pipeline(pid: str, name: str, stages: list[str]) -> Pipeline:
    return Pipeline(
        id=pid,
        name=name,
        stages=[Stage(id=f"{pid}-{i}", name=n, position=i) for i, n in enumerate(stages)],
    )


def _dest(*pipelines: Pipeline) -> DestinationState:
    return DestinationState(location=Location(id="loc"), pipelines=list(pipelines))


def _stages(
    rows: list[dict[str, str | None]], dest: DestinationState, with_pipeline: bool
) -> tuple[dict[str, StageValueMap], MappingDocument]:
    statuses = sorted({str(r["stage"]) for r in rows})
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("ref", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("stage", S.PICKLIST, {"values": dict.fromkeys(statuses, 2)}),
    ]
    if with_pipeline:
        names = sorted({str(r["pipeline"]) for r in rows})
        columns.append(("pipeline", S.PICKLIST, {"values": dict.fromkeys(names, 3)}))
    profiles = [table("opportunities", columns, rows=len(rows), key="ref")]
    doc = propose_offline(ProposeInputs(profiles, dest, MemoryValues({"opportunities": rows})))
    return {s.source_value: s for s in doc.stages}, doc


SALES = _pipeline("ps", "Sales", ["Qualification", "Discovery", "Proposal", "Closed Won", "Closed Lost"])
RENEWALS = _pipeline("pr", "Renewals", ["Upcoming Renewal", "In Discussion", "Renewed", "Churned"])


def _rows(pairs: list[tuple[str, str]]) -> list[dict[str, str | None]]:
    return [{"ref": f"r{i}", "stage": s, "pipeline": p} for i, (s, p) in enumerate(pairs)]


def test_each_value_follows_the_pipeline_its_rows_name_and_an_unknown_pipeline_is_flagged() -> None:
    rows = _rows(
        [("Discovery Call", "Acquisition")] * 3
        + [("Proposal Sent", "Acquisition")] * 2
        + [("Won", "Acquisition"), ("Lost", "Acquisition")]
        + [("Up for Renewal", "Renewals"), ("Negotiating", "Renewals"), ("Cancelled", "Renewals")]
        + [("Kickoff", "Alliances"), ("Signed", "Alliances"), ("Memo Drafted", "Alliances")]
    )
    stages, doc = _stages(rows, _dest(SALES, RENEWALS), with_pipeline=True)
    # 'Acquisition' names no destination pipeline, but its values fit Sales: they go there.
    assert {stages[v].pipeline_name for v in ("Discovery Call", "Proposal Sent", "Won", "Lost")} == {"Sales"}
    assert (
        stages["Won"].stage_name == "Closed Won" and stages["Won"].opportunity_status == OpportunityStatus.WON
    )
    # Renewal values use vocabulary concepts, not spelling: 'Up for Renewal' is the upcoming renewal.
    assert (stages["Up for Renewal"].pipeline_name, stages["Up for Renewal"].stage_name) == (
        "Renewals",
        "Upcoming Renewal",
    )
    assert stages["Negotiating"].stage_name == "In Discussion"
    assert stages["Cancelled"].stage_name == "Churned"
    assert stages["Cancelled"].opportunity_status == OpportunityStatus.LOST  # a decision, not a cold lead
    # 'Signed' reads as won, yet its pipeline has no destination: flagged, never forced into Sales.
    for value in ("Kickoff", "Signed", "Memo Drafted"):
        assert stages[value].flagged and stages[value].stage_id is None, value
        assert "Alliances" in stages[value].rationale
    pipeline_map = next(f for f in doc.fields if f.target.field == "pipelineId")
    assert pipeline_map.transform.params["values"] == {"Acquisition": "ps", "Renewals": "pr"}
    assert pipeline_map.transform.params["unmatched"] == ["Alliances"]


def test_a_value_of_a_pipeline_the_destination_lacks_offers_existing_stages_instead() -> None:
    alliances = [("Kickoff", "Alliances"), ("Signed", "Alliances"), ("Memo Drafted", "Alliances")]
    rows = _rows([("Lead In", "Acquisition")] * 3 + alliances)
    stages, _doc = _stages(rows, _dest(SALES, RENEWALS), with_pipeline=True)
    signed = stages["Signed"]
    assert signed.flagged and signed.stage_id is None
    assert "HighLevel's API cannot create pipelines: an admin creates it before the run" in signed.rationale
    assert signed.alternatives[0].target == "Sales / Closed Won"  # a won outcome: the won stage first
    assert signed.alternatives[0].value == {
        "pipeline_id": "ps",
        "stage_id": "ps-3",
        "stage_name": "Closed Won",
    }
    existing = {f"{p.name} / {s.name}" for p in (SALES, RENEWALS) for s in p.stages}
    for value in ("Kickoff", "Memo Drafted"):  # best-scoring stages of existing pipelines, best first
        offered = stages[value].alternatives
        assert len(offered) == 3 and {a.target for a in offered} <= existing
        assert [a.score for a in offered] == sorted((a.score for a in offered), reverse=True)


def test_a_small_export_s_pipeline_of_another_name_needs_most_values_and_two_to_fit() -> None:
    """Twelve deals: 'Partnerships' shows only 'Signed' (a won outcome every pipeline has a stage for)
    and 'Agreement Drafted'; 'Referrals' only 'Won'. Neither is evidence that the pipeline is Sales."""
    business = [
        ("Discovery Call", "New Business"),
        ("Proposal Sent", "New Business"),
        ("Lost", "New Business"),
    ]
    rows = _rows(
        [*business, ("Signed", "Partnerships"), ("Agreement Drafted", "Partnerships"), ("Won", "Referrals")]
    )
    stages, doc = _stages(rows, _dest(SALES, RENEWALS), with_pipeline=True)
    pipeline_map = next(f for f in doc.fields if f.target.field == "pipelineId")
    assert pipeline_map.transform.params["values"] == {"New Business": "ps"}
    assert pipeline_map.transform.params["unmatched"] == ["Partnerships", "Referrals"]
    for value in ("Signed", "Agreement Drafted", "Won"):
        assert stages[value].flagged and stages[value].stage_id is None, value


def test_without_a_pipeline_column_one_pipeline_serves_the_whole_value_set() -> None:
    quotes = _pipeline("pq", "Quotes", ["New", "Quote Sent", "Negotiation", "Accepted", "Lost"])
    upkeep = _pipeline("pm", "Maintenance", ["Pending renewal", "Renewed", "Dropped"])
    rows = [
        {"ref": f"r{i}", "stage": s, "pipeline": None}
        for i, s in enumerate(["Draft", "Pending", "Sent", "Accepted", "Rejected", "Sent"])
    ]
    stages, _doc = _stages(rows, _dest(quotes, upkeep), with_pipeline=False)
    assert {s.pipeline_name for s in stages.values()} == {"Quotes"}
    # 'Pending' shares a word with 'Pending renewal' elsewhere but stays with its column's pipeline:
    # a pending quote awaits the customer's answer, i.e. it was sent.
    assert stages["Pending"].stage_name == "Quote Sent" and not stages["Pending"].flagged


def test_a_value_with_no_similar_stage_is_flagged_not_forced() -> None:
    rows = [
        {"ref": f"r{i}", "stage": s, "pipeline": None} for i, s in enumerate(["Discovery", "Zeta review"])
    ]
    stages, _doc = _stages(rows, _dest(SALES), with_pipeline=False)
    assert stages["Discovery"].stage_name == "Discovery"
    odd = stages["Zeta review"]
    assert odd.flagged and odd.stage_id is None and odd.pipeline_name == "Sales" and odd.confidence < 0.5


def test_stage_score_reads_concepts_across_languages() -> None:
    def score(value: str, stage: str) -> float:
        return stage_score(value, Stage(id="s", name=stage))

    assert score("Up for Renewal", "Upcoming Renewal") >= 0.9
    assert score("Angebot gesendet", "Proposal Sent") >= 0.9  # German 'offer sent'
    assert score("Gagné", "Won") >= 0.9 and score("Perso", "Lost") >= 0.9  # French, Italian
    assert score("Expired", "Accepted") < 0.6  # opposite outcomes never match
    assert 0.6 <= score("Expired", "Churned") < 0.9  # related closed outcomes half-match
    assert score("Cancelled", "Churned") >= 0.9  # both a customer's no: HighLevel's lost
