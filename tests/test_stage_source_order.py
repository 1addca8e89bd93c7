"""A stage value no stage name matches is placed by the source's own order: between the stages its
matched neighbours went to, below the review threshold, never when the export gives no order."""

from __future__ import annotations

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, StageValueMap, Transform
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stages import propose_stages

THRESHOLD = 0.7
Rows = list[dict[str, str | None]]


def _destination(*names: str) -> DestinationState:
    stages = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(names)]
    return DestinationState(
        location=Location(id="loc"), pipelines=[Pipeline(id="p", name="Sales", stages=stages)]
    )


def _stage_map(table: str, column: str, transform: Transform | None = None) -> FieldMap:
    target = FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineStageId")
    return FieldMap(
        id="f",
        confidence=0.9,
        rationale="stage",
        source_object=table,
        source_columns=[column],
        target=target,
        transform=transform or Transform(),
    )


def _profile(table: str, column: str, kind: SemanticType = SemanticType.INTEGER) -> TableProfile:
    col = ColumnProfile(table=table, column=column, position=1, semantic_type=kind)
    return TableProfile(table=table, row_count=0, column_count=1, columns=[col])


def _by_value(stages: list[StageValueMap]) -> dict[str, StageValueMap]:
    return {s.source_value: s for s in stages}


def _through_states(
    deals: Rows,
    column: str,
    states: tuple[str, Rows, str, str],
    destination: DestinationState,
    profiles: list[TableProfile],
) -> dict[str, StageValueMap]:
    """Stage proposals for a deals column holding ids of a states table (name, rows, key, display)."""
    table, rows, key, display = states
    transform = Transform(
        kind=TransformKind.VALUE_MAP, params={"table": table, "key": key, "display": display}
    )
    return _by_value(
        propose_stages(
            [_stage_map("deals", column, transform)],
            MemoryValues({"deals": deals, table: rows}),
            destination,
            profiles,
        )
    )


def _deals(probabilities: dict[str, str]) -> Rows:
    return [{"Stage": v, "Probability": p} for v, p in probabilities.items() for _ in range(3)]


def _placed(stage: StageValueMap, name: str) -> None:
    assert not stage.flagged and stage.stage_name == name and stage.confidence < THRESHOLD
    assert stage.opportunity_status == OpportunityStatus.OPEN
    assert any(e.source == "order" for e in stage.evidence)


def test_a_states_table_order_column_places_the_value_before_its_matched_neighbour() -> None:
    # listed out of order: the order column, not the rows, says 'Initial Contact' comes first
    states: Rows = [
        {"ID": "2", "NAME": "Needs Analysis", "STAGE_ORDER": "2"},
        {"ID": "1", "NAME": "Initial Contact", "STAGE_ORDER": "1"},
        {"ID": "3", "NAME": "Proposal/Price Quote", "STAGE_ORDER": "3"},
    ]
    deals: Rows = [{"STAGE_ID": i} for i in ("1", "2", "3", "1", "2")]
    got = _through_states(
        deals,
        column="STAGE_ID",
        states=("states", states, "ID", "NAME"),
        destination=_destination("New Enquiry", "Needs Assessment", "Quote Sent", "Won"),
        profiles=[_profile("states", "STAGE_ORDER")],
    )
    assert (
        got["Needs Analysis"].stage_name == "Needs Assessment"
        and got["Needs Analysis"].confidence >= THRESHOLD
    )
    _placed(got["Initial Contact"], "New Enquiry")


def test_win_probability_places_the_value_at_the_stage_already_reached_with_the_next_as_runner_up() -> None:
    rows = _deals({"Prospecting": "10", "Needs Analysis": "20", "Value Proposition": "50", "Proposal": "75"})
    got = _by_value(
        propose_stages(
            [_stage_map("deals", "Stage")],
            MemoryValues({"deals": rows}),
            _destination("Prospect", "Needs Assessment", "Proposal Sent", "Won", "Lost"),
            [_profile("deals", "Probability")],
        )
    )
    _placed(got["Value Proposition"], "Needs Assessment")
    assert got["Value Proposition"].alternatives[0].value["stage_name"] == "Proposal Sent"


def test_the_one_stage_between_the_neighbours_stages_is_the_placement() -> None:
    rows = _deals({"Prospecting": "10", "Zebra": "30", "Proposal": "60"})
    got = _by_value(
        propose_stages(
            [_stage_map("deals", "Stage")],
            MemoryValues({"deals": rows}),
            _destination("Prospect", "Qualified", "Proposal Sent", "Won"),
            [_profile("deals", "Probability")],
        )
    )
    _placed(got["Zebra"], "Qualified")


def test_without_an_order_in_the_export_the_value_stays_flagged() -> None:
    rows = _deals({"Prospecting": "10", "Zebra": "30", "Proposal": "60"})
    for profiles in (
        [],
        [_profile("deals", "Probability", SemanticType.FREE_TEXT)],
        [_profile("deals", "Amount")],
    ):
        got = _by_value(
            propose_stages(
                [_stage_map("deals", "Stage")],
                MemoryValues({"deals": rows}),
                _destination("Prospect", "Qualified", "Proposal Sent", "Won"),
                profiles,
            )
        )
        assert got["Zebra"].flagged and got["Zebra"].stage_id is None


def test_neighbours_whose_stages_contradict_the_order_place_nothing() -> None:
    rows = _deals({"Proposal": "10", "Zebra": "30", "Prospecting": "60"})
    got = _by_value(
        propose_stages(
            [_stage_map("deals", "Stage")],
            MemoryValues({"deals": rows}),
            _destination("Prospect", "Qualified", "Proposal Sent", "Won"),
            [_profile("deals", "Probability")],
        )
    )
    assert got["Zebra"].flagged and got["Zebra"].stage_id is None


def test_without_an_export_order_the_usual_order_of_named_steps_places_the_value() -> None:
    # no order column, no probability: 'Contacted' (qualified) usually comes after a new lead and
    # before a proposal, and this pipeline has no stage for it
    rows: Rows = [{"Stage": v} for v in ("New", "Contacted", "Proposal Sent", "Won") for _ in range(2)]
    got = _by_value(
        propose_stages(
            [_stage_map("deals", "Stage")],
            MemoryValues({"deals": rows}),
            _destination("New Lead", "Proposal Sent", "Won", "Lost"),
            [],
        )
    )
    _placed(got["Contacted"], "New Lead")
    assert got["Contacted"].alternatives[0].value["stage_name"] == "Proposal Sent"
    assert "usual order" in got["Contacted"].rationale


def test_an_order_two_matched_values_contradict_places_nothing() -> None:
    # 'Qualification' comes after 'Proposal' in this order yet matched an earlier stage: the order
    # (a states table listed alphabetically, say) says nothing about where 'Zebra' belongs
    rows = _deals({"Prospecting": "10", "Zebra": "15", "Proposal": "20", "Qualification": "30"})
    got = _by_value(
        propose_stages(
            [_stage_map("deals", "Stage")],
            MemoryValues({"deals": rows}),
            _destination("Prospect", "Qualified", "Proposal Sent", "Won"),
            [_profile("deals", "Probability")],
        )
    )
    assert got["Qualification"].stage_name == "Qualified"
    assert got["Zebra"].flagged and got["Zebra"].stage_id is None


def test_a_value_listed_after_a_won_one_is_no_open_stage() -> None:
    # the states table's rows are its order: 'Partial invoice' follows the win, past every open stage
    states: Rows = [
        {"ID": "1", "NAME": "Enviado"},
        {"ID": "2", "NAME": "Aceptado"},
        {"ID": "3", "NAME": "Partial invoice"},
    ]
    deals: Rows = [{"STATE": i} for i in ("1", "2", "3")]
    got = _through_states(
        deals,
        column="STATE",
        states=("states", states, "ID", "NAME"),
        destination=_destination("Nuevo", "Presupuesto enviado", "Negociación", "Ganado"),
        profiles=[],
    )
    assert got["Aceptado"].opportunity_status == OpportunityStatus.WON
    assert got["Partial invoice"].flagged and got["Partial invoice"].stage_id is None


def test_a_states_tables_win_probability_orders_its_states() -> None:
    # listed alphabetically, each state with the probability of winning a deal there
    # (a walkthrough names no step the vocabulary knows: only the order places the presentation there)
    states: Rows = [
        {"id": "a", "label": "Appointment Booked", "probability": "0.4"},
        {"id": "b", "label": "Contract Out", "probability": "0.9"},
        {"id": "c", "label": "Lead In", "probability": "0.1"},
        {"id": "d", "label": "Presentation Given", "probability": "0.6"},
    ]
    deals: Rows = [{"dealstage": i} for i in "abcd"]
    got = _through_states(
        deals,
        column="dealstage",
        states=("stages", states, "id", "label"),
        destination=_destination(
            "New Lead", "Appointment Set", "Product Walkthrough", "Contract Sent", "Won"
        ),
        profiles=[_profile("stages", "probability", SemanticType.DECIMAL)],
    )
    assert got["Lead In"].stage_name == "New Lead" and got["Contract Out"].stage_name == "Contract Sent"
    _placed(got["Presentation Given"], "Product Walkthrough")


def test_the_records_win_probability_outranks_a_states_tables_bare_rows() -> None:
    # the states table lists its states alphabetically with no number: the deals' probability orders them
    states: Rows = [
        {"id": "a", "label": "Appointment Booked"},
        {"id": "b", "label": "Contract Out"},
        {"id": "c", "label": "Lead In"},
        {"id": "d", "label": "Presentation Given"},
    ]
    chances = {"a": "40", "b": "90", "c": "10", "d": "60"}
    deals: Rows = [{"dealstage": i, "Probability": p} for i, p in chances.items()]
    got = _through_states(
        deals,
        column="dealstage",
        states=("stages", states, "id", "label"),
        destination=_destination(
            "New Lead", "Appointment Set", "Product Walkthrough", "Contract Sent", "Won"
        ),
        profiles=[_profile("deals", "Probability")],
    )
    _placed(got["Presentation Given"], "Product Walkthrough")
    assert "win probability" in got["Presentation Given"].rationale
