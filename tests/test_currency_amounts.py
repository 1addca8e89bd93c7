"""A deal's amount named after the record ('OPPORTUNITY') is found by the currency column beside it."""

from __future__ import annotations

from typing import Any

from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def _targets(extra: list[tuple[str, SemanticType, dict[str, Any]]]) -> dict[str, str | None]:
    deals = table(
        "deals",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("TITLE", S.FREE_TEXT, {}),
            ("STAGE", S.PICKLIST, {"values": {"Won": 4, "Lost": 3, "Open": 5}}),
            ("OPPORTUNITY", S.DECIMAL, {}),
            *extra,
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([deals], None, MemoryValues({"deals": []})))
    return {f.source_columns[0]: f.target.field for f in doc.fields}


def test_the_only_number_beside_a_currency_column_is_the_amount() -> None:
    found = _targets([("CURRENCY_ID", S.PICKLIST, {"values": {"USD": 12}})])
    assert found["OPPORTUNITY"] == "monetaryValue"


def test_without_a_currency_column_an_unnamed_number_is_no_amount() -> None:
    assert _targets([])["OPPORTUNITY"] != "monetaryValue"


def test_a_named_amount_keeps_the_field_beside_a_currency() -> None:
    found = _targets([("CURRENCY_ID", S.PICKLIST, {"values": {"USD": 12}}), ("Amount", S.MONEY, {})])
    assert found["Amount"] == "monetaryValue" and found["OPPORTUNITY"] != "monetaryValue"
