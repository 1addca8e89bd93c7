"""A nested label's key beside its name is skipped; a key paired with several names, or a link, is not."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import label_keys
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import col, table

S = SemanticType
SOURCES = {"3": "Referral", "4": "Website", "7": "Trade Show"}


def _people_rows(pairs: list[tuple[str, str]]) -> list[dict[str, str | None]]:
    return [
        {"id": str(i), "first_name": f"Ann{i}", "last_name": f"Lee{i}", "email": f"ann{i}@example.com",
         "lead_source.id": key, "lead_source.name": name, "lead_source_id": key}
        for i, (key, name) in enumerate(pairs * 5)
    ]  # fmt: skip


def _propose(rows: list[dict[str, str | None]]) -> MappingDocument:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("first_name", S.PERSON_NAME, {}),
        ("last_name", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
        ("lead_source.id", S.IDENTIFIER, {}),
        ("lead_source.name", S.PICKLIST, {"values": dict.fromkeys(SOURCES.values(), 5)}),
        ("lead_source_id", S.IDENTIFIER, {}),
    ]
    profiles = [table("people", columns, rows=len(rows), key="id")]
    dest = DestinationState(location=Location(id="loc"))
    return propose_offline(ProposeInputs(profiles, dest, MemoryValues({"people": rows})))


def _map_of(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if column in f.source_columns)


def test_the_keys_of_a_nested_label_are_skipped_and_the_name_is_kept() -> None:
    doc = _propose(_people_rows(list(SOURCES.items())))
    for key in ("lead_source.id", "lead_source_id"):
        skipped = _map_of(doc, key)
        assert skipped.target.kind.value == "skip", key
        assert "lead_source.name" in skipped.rationale, key
    assert _map_of(doc, "lead_source.name").target.kind.value != "skip"


def test_a_key_paired_with_several_names_is_left_to_the_reviewer() -> None:
    rows = _people_rows([("3", "Referral"), ("3", "Website"), ("7", "Trade Show")])
    columns = [
        col("people", "lead_source.id", S.IDENTIFIER, 0),
        col("people", "lead_source.name", S.PICKLIST, 1),
    ]
    assert label_keys("people", columns, MemoryValues({"people": rows})) == {}


def test_a_key_that_links_another_table_is_not_a_label_key() -> None:
    rows = _people_rows(list(SOURCES.items()))
    columns = [
        col("people", "lead_source.id", S.IDENTIFIER, 0, fk=("sources", "id")),
        col("people", "lead_source.name", S.PICKLIST, 1),
        col("people", "lead_source_id", S.IDENTIFIER, 2),
    ]
    found = label_keys("people", columns, MemoryValues({"people": rows}))
    assert found == {"lead_source_id": "lead_source.name"}


def test_a_hyphenated_key_beside_its_labels_name_is_a_label_key() -> None:
    rows: list[dict[str, str | None]] = [
        {"category-id": key, "category.name": name} for key, name in list(SOURCES.items()) * 3
    ]
    columns = [col("deals", "category-id", S.INTEGER, 0), col("deals", "category.name", S.PICKLIST, 1)]
    assert label_keys("deals", columns, MemoryValues({"deals": rows})) == {"category-id": "category.name"}
