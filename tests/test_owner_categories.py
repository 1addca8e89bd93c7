"""People under an owner category's rows ({Name: 'Salesperson', Option: 'Laura'}) are owners to match."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def _tracking(pairs: list[tuple[str, str]]) -> MappingDocument:
    rows: list[dict[str, str | None]] = [
        {"CategoryID": f"c{sorted({n for n, _ in pairs}).index(name)}", "Name": name, "Option": option}
        for name, option in pairs
    ]
    kinds: dict[str, SemanticType] = {"CategoryID": S.PICKLIST, "Name": S.PICKLIST, "Option": S.PICKLIST}
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = []
    for column, kind in kinds.items():
        cells = [r[column] for r in rows if r[column]]
        counts = {c: cells.count(c) for c in dict.fromkeys(cells) if c}
        columns.append((column, kind, {"values": counts, "distinct_count": len(counts)}))
    tracking = table("lines__tracking", columns, rows=len(rows))
    return propose_offline(ProposeInputs([tracking], destination(), MemoryValues({"lines__tracking": rows})))


def test_the_options_of_a_salesperson_category_are_matched_to_users() -> None:
    pairs = [("Department", "Signage"), ("Salesperson", "Laura"), ("Department", "Install"),
             ("Salesperson", "Pedro"), ("Salesperson", "Dan")] * 2  # fmt: skip
    found = {o.source_key: o.user_email for o in _tracking(pairs).owners}
    assert found == {"Laura": "laura@demo.es", "Pedro": "pedro@demo.es", "Dan": None}  # Dan: no user


def test_categories_naming_no_role_of_a_person_list_nobody() -> None:
    pairs = [
        ("Department", "Signage"),
        ("Region", "Laura"),
        ("Region", "Pedro"),
        ("Department", "Install"),
    ] * 2
    assert _tracking(pairs).owners == []
