"""Words spelling out the number beside them ('Net 30' beside 30) are a setting, never tags."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import spelled_number
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import col, table

S = SemanticType
TERMS = {"0": "Due on Receipt", "15": "Net 15", "30": "Net 30"}


def _rows(pairs: list[tuple[str, str]]) -> list[dict[str, str | None]]:
    return [
        {"id": str(i), "first_name": f"Ann{i}", "last_name": f"Lee{i}", "email": f"ann{i}@example.com",
         "payment_terms": days, "payment_terms_label": label}
        for i, (days, label) in enumerate(pairs * 5)
    ]  # fmt: skip


def _propose(rows: list[dict[str, str | None]]) -> MappingDocument:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("first_name", S.PERSON_NAME, {}),
        ("last_name", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
        ("payment_terms", S.PICKLIST, {"values": dict.fromkeys(TERMS, 5)}),
        ("payment_terms_label", S.PICKLIST, {"values": dict.fromkeys(TERMS.values(), 5)}),
    ]
    profiles = [table("contacts", columns, rows=len(rows), key="id")]
    dest = DestinationState(location=Location(id="loc"))
    return propose_offline(ProposeInputs(profiles, dest, MemoryValues({"contacts": rows})))


def _map_of(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if column in f.source_columns)


def test_the_label_of_a_number_beside_it_is_not_the_contacts_tags() -> None:
    label = _map_of(_propose(_rows(list(TERMS.items()))), "payment_terms_label")
    assert label.target.field != "tags"
    assert label.target.kind.value in ("skip", "custom_new", "custom_existing")


def test_a_label_is_read_against_the_number_its_header_extends() -> None:
    rows = _rows(list(TERMS.items()))
    columns = [
        col("contacts", "payment_terms", S.PICKLIST, 4),
        col("contacts", "payment_terms_label", S.PICKLIST, 9),
    ]
    found = spelled_number("contacts", columns[1], columns, MemoryValues({"contacts": rows}))
    assert found == "payment_terms"


def test_words_that_do_not_move_with_the_number_are_no_label() -> None:
    rows = _rows([("0", "Due on Receipt"), ("15", "Net 30"), ("15", "Net 15"), ("30", "Net 30")])
    columns = [
        col("contacts", "payment_terms", S.PICKLIST, 4),
        col("contacts", "payment_terms_label", S.PICKLIST, 5),
    ]
    assert spelled_number("contacts", columns[1], columns, MemoryValues({"contacts": rows})) is None


def test_a_tags_name_beside_its_id_is_no_label_of_a_number() -> None:
    rows: list[dict[str, str | None]] = [{"id": k, "name": v} for k, v in TERMS.items()] * 3
    columns = [col("people__tags", "id", S.INTEGER, 0), col("people__tags", "name", S.PICKLIST, 1)]
    assert spelled_number("people__tags", columns[1], columns, MemoryValues({"people__tags": rows})) is None
