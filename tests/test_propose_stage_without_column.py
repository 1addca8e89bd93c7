"""A deals table no column places: one stage proposed for the whole table, below the threshold."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, ObjectMap, ObjectTarget, StageValueMap
from assistant.mapping.models import FieldKind, Status, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_without_column import propose_table_stages
from tests.propose_factory import S, people_table, table

THRESHOLD = 0.7


def _destination(*pipelines: Pipeline) -> DestinationState:
    return DestinationState(location=Location(id="loc1", name="Demo"), pipelines=list(pipelines))


SALES = Pipeline(
    id="p-sales",
    name="Sales Pipeline",
    stages=[
        Stage(id="s-lost", name="Closed Lost", position=0),  # an outcome first: never where a deal starts
        Stage(id="s-new", name="New Lead", position=1),
        Stage(id="s-won", name="Closed Won", position=2),
    ],
)
JOBS = Pipeline(id="p-jobs", name="Jobs", stages=[Stage(id="j-1", name="To Schedule", position=0)])
SERVICE = Pipeline(id="p-svc", name="Service", stages=[Stage(id="v-1", name="Booked", position=0)])


def _export(stage_column: bool) -> list[Any]:
    columns: list[tuple[str, S, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("deal name", S.FREE_TEXT, {}),
        ("contact id", S.FOREIGN_KEY, {"fk": ("contacts", "id")}),
        ("amount", S.MONEY, {"locale": "en"}),
    ]
    if stage_column:
        columns.append(("stage", S.PICKLIST, {"values": {"New Lead": 3, "Closed Won": 2}}))
    return [people_table("contacts"), table("deals", columns, rows=5, key="id")]


def _stages(stage_column: bool, destination: DestinationState) -> dict[str, StageValueMap]:
    rows = [{"id": str(n), "stage": "Closed Won" if n < 2 else "New Lead"} for n in range(5)]
    values = MemoryValues({"deals": rows if stage_column else []})
    doc = propose_offline(ProposeInputs(_export(stage_column), destination, values))
    return {s.id: s for s in doc.stages}


def test_a_deals_table_without_a_stage_column_gets_the_only_pipelines_first_open_stage() -> None:
    found = _stages(False, _destination(SALES))["stage:deals"]
    assert (found.source_column, found.source_value, found.count) == ("", "", 5) and found.whole_table
    assert (found.pipeline_id, found.stage_id, found.opportunity_status.value) == ("p-sales", "s-new", "open")
    assert found.confidence < THRESHOLD and not found.flagged and found.status == Status.PROPOSED
    assert found.evidence[0].detail == (
        "no column names a stage: every deal would start at Sales Pipeline / New Lead; confirm"
    )
    assert found.source_label == "every row of deals"


def test_a_table_with_a_stage_column_gets_no_whole_table_stage() -> None:
    stages = _stages(True, _destination(SALES))
    assert "stage:deals" not in stages
    assert {s.source_value for s in stages.values()} == {"New Lead", "Closed Won"}


def _deals(name: str, role: str | None = None) -> ObjectMap:
    target = ObjectTarget(object=TargetObject.OPPORTUNITY, role=role)
    return ObjectMap(id=f"object:{name}", source_object=name, row_count=4, targets=[target])


def test_the_pipeline_named_for_the_table_is_chosen_else_the_engineer_picks_one() -> None:
    dest = _destination(SALES, JOBS, SERVICE)
    named, unnamed = propose_table_stages([_deals("jobs"), _deals("deals")], [], dest)
    assert (named.pipeline_name, named.stage_name, named.flagged) == ("Jobs", "To Schedule", False)
    assert "'Jobs' names the records of 'jobs'" in named.rationale
    # three pipelines, none named for 'deals': no guess, each pipeline's first open stage to pick from
    assert unnamed.flagged and unnamed.stage_id is None and unnamed.confidence < THRESHOLD
    assert [a.target for a in unnamed.alternatives] == [
        "Sales Pipeline / New Lead",
        "Jobs / To Schedule",
        "Service / Booked",
    ]


def test_merged_rejected_or_placed_tables_and_a_location_without_pipelines_get_none() -> None:
    rejected = _deals("quotes").model_copy(update={"status": Status.REJECTED})
    merged = _deals("estimates", role="merge_into_parent")
    placed = FieldMap(
        id="field:deals.outcome",
        source_object="deals",
        source_columns=["outcome"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="status"),
    )
    assert propose_table_stages([rejected, merged, _deals("deals")], [placed], _destination(SALES)) == []
    assert propose_table_stages([_deals("deals")], [], _destination()) == []
