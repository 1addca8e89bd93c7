"""A deal's price is its value; beside a total, the total stays the value."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def _value_column(money: list[str]) -> dict[str, tuple[FieldKind, str | None]]:
    columns = [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("deal name", S.FREE_TEXT, {})]
    columns += [(m, S.INTEGER, {}) for m in money]
    deals = table("deals", columns, rows=6, key="id")
    rows = [
        {"id": str(i), "deal name": f"Deal {i}"} | {m: str(100 * (i + 1)) for m in money} for i in range(6)
    ]
    doc = propose_offline(ProposeInputs([deals], destination(), MemoryValues({"deals": rows})))
    return {f.source_columns[0]: (f.target.kind, f.target.field) for f in doc.fields}


def test_a_deals_price_is_its_monetary_value() -> None:
    assert _value_column(["price"])["price"] == (FieldKind.STANDARD, "monetaryValue")


def test_a_total_beside_a_unit_price_stays_the_value() -> None:
    maps = _value_column(["unit price", "total"])
    assert maps["total"] == (FieldKind.STANDARD, "monetaryValue")
    assert maps["unit price"][1] != "monetaryValue"


def test_a_calculated_value_beside_the_value_leaves_it_the_amount() -> None:
    # the derived figure reads as money (cents from value x probability), the value as whole numbers
    columns = [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("deal name", S.FREE_TEXT, {}),
               ("value", S.INTEGER, {}), ("calculated_value", S.MONEY, {})]  # fmt: skip
    deals = table("deals", columns, rows=6, key="id")
    rows = [
        {
            "id": str(i),
            "deal name": f"Deal {i}",
            "value": str(1000 * (i + 1)),
            "calculated_value": f"{250 * (i + 1)}.50",
        }
        for i in range(6)
    ]
    doc = propose_offline(ProposeInputs([deals], destination(), MemoryValues({"deals": rows})))
    maps = {f.source_columns[0]: f.target.field for f in doc.fields}
    assert maps["value"] == "monetaryValue" and maps["calculated_value"] != "monetaryValue"
