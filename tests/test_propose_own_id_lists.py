"""A column of JSON lists of the table's own keys (a company's children) is a relation, not options."""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

KEYS = ["62ef9b7d", "6001593a", "6454b16e", "65e8c725", "6023ea4b", "66f42160"]


def _children(cells: list[str]) -> Any:
    columns: list[tuple[str, Any, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("first name", S.PERSON_NAME, {}),
        ("last name", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
        ("children", S.MULTI_VALUE, {"values": dict.fromkeys(cells, 1), "samples": cells[:3]}),
    ]
    contacts = table("contacts", columns, rows=len(cells), key="id")
    rows = [
        {"id": k, "first name": f"Ana{i}", "last name": "Vidal", "email": f"a{i}@demo.es", "children": c}
        for i, (k, c) in enumerate(zip(KEYS, cells, strict=True))
    ]
    doc = propose_offline(ProposeInputs([contacts], destination(), values=MemoryValues({"contacts": rows})))
    return next(f for f in doc.fields if f.source_columns == ["children"])


def test_a_list_of_the_tables_own_ids_is_skipped_with_the_reason() -> None:
    cells = ['["6001593a"]', "[]", '["6454b16e", "65e8c725"]', "[]", '["6023ea4b"]', "[]"]
    field = _children(cells)
    assert field.target.kind == FieldKind.SKIP
    assert "lists other rows of 'contacts' by id (100% of 4 listed ids" in field.rationale


def test_a_list_of_ids_no_row_has_is_not_read_as_a_relation() -> None:
    cells = ['["x1"]', "[]", '["x2", "x3"]', "[]", '["x4"]', "[]"]
    assert "lists other rows" not in _children(cells).rationale
