"""Which order of the source's statuses places the unmatched ones: a win probability set by hand on each
deal orders nothing, and unmatched steps as many as the stages between their neighbours pair in order."""

from __future__ import annotations

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import FieldMap, FieldTarget, StageValueMap, Transform
from assistant.mapping.models import FieldKind, OpportunityStatus, TargetObject, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_order_evidence import explained_share, follows_status, step_for_step
from assistant.propose.stages import propose_stages

THRESHOLD = 0.7
Rows = list[dict[str, str | None]]
STEPS = ["Piste", "Premier contact", "RDV / Visio", "Envoi de devis", "Negotiation"]
STAGES = ["Nouveau lead", "Premier échange", "Rendez-vous", "Proposition envoyée", "En négociation"]


def _destination() -> DestinationState:
    stages = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(STAGES)]
    return DestinationState(
        location=Location(id="loc"), pipelines=[Pipeline(id="p", name="Ventes", stages=stages)]
    )


def _profile(table: str, column: str) -> TableProfile:
    col = ColumnProfile(table=table, column=column, position=1, semantic_type=SemanticType.INTEGER)
    return TableProfile(table=table, row_count=0, column_count=1, columns=[col])


def _stages(probabilities: dict[str, list[str]]) -> dict[str, StageValueMap]:
    """A deals column of step ids resolved through a steps table listed in the pipeline's order."""
    steps: Rows = [{"id": str(i), "name": n} for i, n in enumerate(STEPS)]
    deals: Rows = [
        {"step": str(STEPS.index(n)), "probability": p} for n, ps in probabilities.items() for p in ps
    ]
    transform = Transform(
        kind=TransformKind.VALUE_MAP, params={"table": "steps", "key": "id", "display": "name"}
    )
    target = FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineStageId")
    fmap = FieldMap(
        id="f", confidence=0.9, rationale="stage", source_object="deals", source_columns=["step"],
        target=target, transform=transform,
    )  # fmt: skip
    got = propose_stages(
        [fmap],
        MemoryValues({"deals": deals, "steps": steps}),
        _destination(),
        [_profile("deals", "probability")],
    )
    return {s.source_value: s for s in got}


# each step's deals carry anything from 10 to 90, and the early steps the highest on average
BY_HAND = {
    "Piste": ["90", "75", "10", "90"],
    "Premier contact": ["10", "90", "75", "90"],
    "RDV / Visio": ["25", "90", "10", "50"],
    "Envoi de devis": ["10", "10", "75", "25"],
    "Negotiation": ["10", "50", "90", "25"],
}


def test_a_probability_set_by_hand_explains_little_of_its_spread_and_orders_nothing() -> None:
    shares = {k: [float(p) for p in v] for k, v in BY_HAND.items()}
    assert explained_share(shares) < 0.2 and not follows_status(shares)
    per_stage = {"a": [10.0, 10.0, 12.0], "b": [50.0, 50.0, 45.0], "c": [90.0, 90.0, 85.0]}
    assert follows_status(per_stage)
    assert explained_share({"a": [50.0, 50.0]}) == 0.0  # one number on every deal orders nothing


def test_unmatched_steps_as_many_as_the_stages_before_their_matched_neighbour_pair_in_order() -> None:
    got = _stages(BY_HAND)
    assert got["Negotiation"].stage_name == "En négociation" and got["Negotiation"].confidence >= THRESHOLD
    for step, stage in zip(STEPS[:4], STAGES[:4], strict=True):
        placed = got[step]
        assert (placed.stage_name, placed.opportunity_status) == (stage, OpportunityStatus.OPEN)
        assert not placed.flagged and placed.confidence < THRESHOLD  # the count agreeing is no proof
        assert "paired in order" in placed.rationale and "order of the states table" in placed.rationale


def test_fewer_unmatched_steps_than_stages_between_keep_the_one_of_several_placement() -> None:
    fewer = {k: v for k, v in BY_HAND.items() if k != "RDV / Visio"}
    got = _stages(fewer)
    assert all(
        "paired in order" not in got[s].rationale for s in ("Piste", "Premier contact", "Envoi de devis")
    )


def test_values_sharing_a_rank_are_never_paired_onto_one_stage() -> None:
    two = [Stage(id="a", name="Qualified"), Stage(id="b", name="Proposal Sent")]
    assert step_for_step(1.0, 0.0, 5.0, [1.0, 2.0], two) == two[0]
    assert step_for_step(2.0, 0.0, 5.0, [1.0, 2.0], two) == two[1]
    assert step_for_step(1.0, 0.0, 5.0, [1.0, 1.0], two) is None  # one usual step named twice
    assert step_for_step(1.0, 0.0, 5.0, [1.0, 2.0, 3.0], two) is None  # more values than stages
