"""A deal pick-list whose values are the destination's stage names is the stage column, whatever its name."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def _deals(column: str, values: dict[str, int]) -> ProposeInputs:
    deals = table(
        "deals",
        [("Deal", S.FREE_TEXT, {}), ("Amount", S.MONEY, {}),
         (column, S.PICKLIST, {"values": values, "distinct_count": len(values)})],
    )  # fmt: skip
    rows = [{column: v} for v, n in values.items() for _ in range(n)]
    return ProposeInputs([deals], destination(), MemoryValues({"deals": rows}))


def test_a_column_holding_stage_names_maps_to_the_stage_with_the_values_as_evidence() -> None:
    doc = propose_offline(
        _deals("Hito", {"Nuevo": 6, "Negociación": 5, "Ganado": 5, "Presupuesto enviado": 4})
    )
    hito = next(f for f in doc.fields if f.source_columns == ["Hito"])
    assert (hito.target.object, hito.target.field) == (TargetObject.OPPORTUNITY, "pipelineStageId")
    assert any("of values are stage names" in e.detail for e in hito.evidence)
    assert {s.source_value for s in doc.stages} >= {"Nuevo", "Ganado"}


def test_a_pick_list_of_other_words_is_not_taken_for_the_stage() -> None:
    doc = propose_offline(_deals("Prioridad", {"Alta": 8, "Media": 7, "Baja": 5}))
    prioridad = next(f for f in doc.fields if f.source_columns == ["Prioridad"])
    assert prioridad.target.field != "pipelineStageId"
