"""Two amounts named alike tie on one standard field: neither takes it, each keeps a money field."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import DataType, FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def _deals(second: tuple[str, S]) -> MappingDocument:
    deals = table(
        "opportunities",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Opportunity Title", S.FREE_TEXT, {}),
            ("Stage", S.PICKLIST, {"values": {"Nuevo": 8, "Ganado": 6, "Negociación": 6}}),
            ("Projected Revenue Low", S.DECIMAL, {}),
            (second[0], second[1], {}),
        ],
        key="id",
    )
    return propose_offline(ProposeInputs([deals], destination()))


def _field(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_columns == [column])


def test_a_low_and_a_high_estimate_both_become_money_custom_fields() -> None:
    doc = _deals(("Projected Revenue High", S.DECIMAL))
    for column in ("Projected Revenue Low", "Projected Revenue High"):
        field = _field(doc, column)
        assert field.target.kind == FieldKind.CUSTOM_NEW
        assert field.target.custom_field is not None
        assert field.target.custom_field.data_type == DataType.MONETORY  # a decimal named as an amount
        assert any(a.target == "opportunity.monetaryValue" for a in field.alternatives)


def test_a_lone_amount_keeps_the_deal_value() -> None:
    doc = _deals(("Probability", S.DECIMAL))
    assert _field(doc, "Projected Revenue Low").target.field == "monetaryValue"
