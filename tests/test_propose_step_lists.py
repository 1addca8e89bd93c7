"""A short list of named steps that a status-like column of the deals points at is the stage list,
whatever its name says ('deal_phases' also says deals); deals never merge into such a list."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import TargetObject, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.objects import classify_tables
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

T = TargetObject
PHASES = ["Nieuw", "Contact", "Offerte", "Onderhandeling", "Gewonnen"]


def _steps(name: str, extra: list[tuple[str, S, dict[str, Any]]]) -> TableProfile:
    columns = [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 5}),
               ("name", S.FREE_TEXT, {"distinct_count": 5}), *extra]  # fmt: skip
    return table(name, columns, rows=5, key="id")


def _deals(link: str, target: str) -> TableProfile:
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("estimated_value.amount", S.MONEY, {"locale": "en"}),
        (link, S.FOREIGN_KEY, {"fk": (target, "id"), "distinct_count": 5}),
    ]
    return table("deals", columns, rows=45, key="id")


def _phases() -> TableProfile:
    return _steps("deal_phases", [("probability", S.DECIMAL, {"distinct_count": 5})])


def test_a_phase_list_the_deals_point_at_is_a_pipeline_and_the_deals_stay_deals() -> None:
    decided = classify_tables([_phases(), _deals("current_phase.id", "deal_phases")])
    assert decided["deal_phases"].kind == "pipeline"
    deals = decided["deals"].object_map
    assert (deals.targets[0].object, deals.targets[0].role, deals.parent_object) == (
        T.OPPORTUNITY,
        None,
        None,
    )
    reasons = [e.detail for e in decided["deal_phases"].object_map.evidence]
    assert any("named steps" in r and "deals.current_phase.id" in r for r in reasons)


def test_the_phase_column_becomes_the_stage_through_the_phase_names() -> None:
    values = {
        "deal_phases": [{"id": f"p{i}", "name": n} for i, n in enumerate(PHASES)],
        "deals": [{"current_phase.id": f"p{i % 5}"} for i in range(45)],
    }
    doc: MappingDocument = propose_offline(
        ProposeInputs(
            [_phases(), _deals("current_phase.id", "deal_phases")], destination(), MemoryValues(values)
        )
    )
    stage = next(f for f in doc.fields if f.id == "field:deals.current_phase.id")
    assert (stage.target.field, stage.transform.kind) == ("pipelineStageId", TransformKind.VALUE_MAP)
    assert stage.transform.params["display"] == "name"
    assert {s.source_value for s in doc.stages if s.source_column == "current_phase.id"} == set(PHASES)


def test_deals_never_merge_into_a_short_named_list_they_share_by_the_dozen() -> None:
    """No stage word and no probability: the list may be anything, but no deal hangs off it."""
    decided = classify_tables([_steps("deal_templates", []), _deals("template_id", "deal_templates")])
    deals = decided["deals"].object_map
    assert (deals.targets[0].object, deals.targets[0].role, deals.parent_object) == (
        T.OPPORTUNITY,
        None,
        None,
    )
