"""A column of JSON lists of another table's keys (a deal's contact_ids: ["12", "15"]) is that link."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

PEOPLE = [("12", "Ana", "Vidal"), ("15", "Luis", "Mora"), ("18", "Eva", "Sanz"), ("21", "Iker", "Gil")]
LISTS = ['["12", "15"]', "[18]", "[21, 12]", '["15"]', "[]"]


def _propose(cells: list[str], primary: list[str] | None = None) -> MappingDocument:
    columns: list[tuple[str, Any, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        ("stage", S.PICKLIST, {"values": {"Nuevo": 3, "Ganado": 2}}),
    ]
    if primary is not None:
        columns.append(("primary_contact_id", S.FOREIGN_KEY, {"fk": ("people", "id")}))
    columns.append(("person_ids", S.MULTI_VALUE, {"values": dict.fromkeys(cells, 1), "samples": cells[:3]}))
    deals = table("deals", columns, rows=len(cells), key="id")
    rows = [
        {"id": f"D{i}", "name": f"Deal {i}", "stage": "Nuevo", "person_ids": c}
        | ({"primary_contact_id": primary[i]} if primary else {})
        for i, c in enumerate(cells)
    ]
    people = [{"id": k, "first name": f, "last name": last, "email": f"{f}@demo.es"} for k, f, last in PEOPLE]
    values = MemoryValues({"deals": rows, "people": people})
    return propose_offline(ProposeInputs([deals, people_table("people")], destination(), values=values))


def _listed(doc: MappingDocument) -> Any:
    return next(f for f in doc.fields if f.source_columns == ["person_ids"])


def test_a_list_of_contact_ids_links_the_deal_to_its_first_contact() -> None:
    link = _listed(_propose(LISTS))
    assert (link.target.object, link.target.field) == (TargetObject.OPPORTUNITY, "contactId")
    assert link.transform.kind == TransformKind.LOOKUP
    assert (link.transform.params["table"], link.transform.params["key"]) == ("people", "id")
    assert "100% of 4 listed ids are keys of people.id" in " ".join(e.detail for e in link.evidence)


def test_a_list_beside_the_deals_own_contact_key_is_skipped_not_a_custom_field() -> None:
    doc = _propose(LISTS, primary=["12", "18", "21", "15", "12"])
    key = next(f for f in doc.fields if f.source_columns == ["primary_contact_id"])
    assert (key.target.object, key.target.field) == (TargetObject.OPPORTUNITY, "contactId")
    listed = _listed(doc)
    assert listed.target.kind == FieldKind.SKIP
    assert "another column already links the record" in listed.rationale


def test_lists_of_ids_no_table_holds_stay_what_they_were() -> None:
    link = _listed(_propose(["[901, 902]", "[903]", "[904, 901]"]))
    assert link.transform.kind != TransformKind.LOOKUP
    assert "listed ids" not in " ".join(e.detail for e in link.evidence)
