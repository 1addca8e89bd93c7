"""A whole one-line address beside the street, city and postal code it is written from."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
PLACES = [("Raleigh", "NC", "27601"), ("Tampa", "FL", "33602"), ("Denver", "CO", "80202")]


def _rows(extra: str = "", street: bool = True) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for i in range(6):
        city, state, zip_code = PLACES[i % 3]
        line = f"{100 + i} Oak St"
        rows.append(
            {
                "id": str(i),
                "firstName": f"Ann{i}",
                "address": f"{line}{extra}, {city}, {state} {zip_code}",
                **({"street": line} if street else {}),
                "city": city,
                "state": state,
                "zip": zip_code,
            }
        )
    return rows


def _maps(rows: list[dict[str, str | None]]) -> dict[str, FieldMap]:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("firstName", S.PERSON_NAME, {}),
        ("address", S.ADDRESS, {}),
        *([("street", S.ADDRESS, {})] if "street" in rows[0] else []),
        ("city", S.CITY, {}),
        ("state", S.REGION, {}),
        ("zip", S.POSTAL_CODE, {}),
    ]
    people = table("customers", columns, rows=len(rows), key="id")
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"customers": rows})))
    return {f.source_columns[0]: f for f in doc.fields}


def _said(fmap: FieldMap) -> str:
    return " | ".join(e.detail for e in fmap.evidence)


def test_a_whole_address_written_from_its_parts_leaves_the_street_line_to_the_street() -> None:
    maps = _maps(_rows())
    assert (maps["street"].target.kind, maps["street"].target.field) == (FieldKind.STANDARD, "address1")
    assert maps["address"].target.kind == FieldKind.CUSTOM_NEW
    assert "'street', 'city', 'state', 'zip', and nothing else" in _said(maps["address"])


def test_a_whole_address_holding_more_than_its_parts_leaves_the_street_line_too() -> None:
    maps = _maps(_rows(extra=", Suite 5 rear gate"))
    assert maps["street"].target.field == "address1"
    assert maps["address"].target.kind == FieldKind.CUSTOM_NEW
    assert "and more on some rows" in _said(maps["address"])


def test_with_no_street_column_the_whole_address_is_the_street_line() -> None:
    maps = _maps(_rows(street=False))
    assert (maps["address"].target.kind, maps["address"].target.field) == (FieldKind.STANDARD, "address1")
