"""A deal's 'step' holding the ids of a short {id, name} list: the ids link even when five digits that
repeat read as ZIP codes, 'step' names the stage, and the list is the pipeline's, not records."""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.models import TargetObject, TransformKind
from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.objects import classify_tables
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_match import outcome_of
from assistant.workspace import Workspace
from tests.propose_factory import S, destination, table
from tests.test_profile_data import _varchar_table

STEPS = ["Lead", "First call", "Meeting", "Quote out", "Negotiation"]


def _profiles(tmp_path: Path) -> list[TableProfile]:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    _varchar_table(con, "steps", [{"id": str(28311 + i), "name": n} for i, n in enumerate(STEPS)])
    deals = [{"id": str(9140200 + i), "title": f"Deal {i}", "step": str(28311 + i % 5)} for i in range(30)]
    _varchar_table(con, "opportunities", deals)
    try:
        return profile_workspace(ws)
    finally:
        ws.close()


def test_five_digit_step_ids_that_repeat_still_link_to_the_list_the_header_names(tmp_path: Path) -> None:
    profiles = {p.table: p for p in _profiles(tmp_path)}
    step = next(c for c in profiles["opportunities"].columns if c.column == "step")
    assert step.foreign_key is not None
    assert (step.foreign_key.target_table, step.foreign_key.target_column) == ("steps", "id")
    assert step.extra["value_type"] == SemanticType.POSTAL_CODE.value  # the shape it was read as first


def test_step_alone_names_the_stage_but_a_next_step_is_a_to_do() -> None:
    assert concepts("step") == ("stage",)
    assert "stage" not in concepts("Next Step") and "stage" not in concepts("NextStep")


def _deals_and_steps() -> list[TableProfile]:
    steps = table(
        "steps",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 5}),
            ("name", S.FREE_TEXT, {"distinct_count": 5}),
        ],
        rows=5,
        key="id",
    )
    deals = table(
        "opportunities",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("title", S.FREE_TEXT, {}),
            ("amount", S.MONEY, {"locale": "en"}),
            ("step", S.FOREIGN_KEY, {"fk": ("steps", "id"), "distinct_count": 5}),
        ],
        rows=40,
        key="id",
    )
    return [steps, deals]


def test_a_bare_step_list_a_deal_column_named_step_points_at_is_the_pipeline() -> None:
    decided = classify_tables(_deals_and_steps())
    assert decided["steps"].kind == "pipeline"
    values = {
        "steps": [{"id": str(28311 + i), "name": n} for i, n in enumerate(STEPS)],
        "opportunities": [{"id": f"d{i}", "step": str(28311 + i % 5)} for i in range(40)],
    }
    doc = propose_offline(ProposeInputs(_deals_and_steps(), destination(), MemoryValues(values)))
    step = next(f for f in doc.fields if f.source_object == "opportunities" and f.source_columns == ["step"])
    assert step.target.object == TargetObject.OPPORTUNITY and step.target.field == "pipelineStageId"
    assert step.transform.kind == TransformKind.VALUE_MAP and step.transform.params["display"] == "name"
    assert {s.source_value for s in doc.stages if s.source_column == "step"} == set(STEPS)


def test_a_late_deal_is_still_open() -> None:
    assert [outcome_of(v) for v in ("late", "Overdue", "En retard", "won")] == ["open", "open", "open", "won"]
