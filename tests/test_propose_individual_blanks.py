"""A client 'Name' blank on exactly the rows marked as individuals is the business's name."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
KINDS = ["Individual", "Company", "Partnership", "Individual", "Business"]
FIRMS = ["Cedar Fitness", "Summit Labs", "Bluebird Plumbing", "Northstar Consulting", "Pinecrest Dental"]


def _rows(blank_for_persons: bool) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for i in range(25):
        kind = KINDS[i % len(KINDS)]
        person = kind == "Individual"
        name = "" if person and blank_for_persons else f"{FIRMS[i % len(FIRMS)]} {i}"
        rows.append({"Name": name, "First Name": f"Ann{i}", "Last Name": f"Lee{i}",
                     "Email": f"ann{i}@example.com", "Classification": kind})  # fmt: skip
    return rows


def _propose(rows: list[dict[str, str | None]]) -> MappingDocument:
    blanks = sum(1 for r in rows if not r["Name"])
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        (
            "Name",
            S.PERSON_NAME,
            {"null_count": blanks, "null_share": blanks / len(rows), "distinct_count": 15},
        ),
        ("First Name", S.PERSON_NAME, {}),
        ("Last Name", S.PERSON_NAME, {}),
        ("Email", S.EMAIL, {"unique_share": 1.0}),
        ("Classification", S.PICKLIST, {"values": {k: 5 for k in set(KINDS)}, "distinct_count": 4}),
    ]
    profiles = [table("clients", columns, rows=len(rows))]
    dest = DestinationState(location=Location(id="loc"))
    return propose_offline(ProposeInputs(profiles, dest, MemoryValues({"clients": rows})))


def _map_of(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_columns == [column])


def test_a_name_blank_for_every_individual_is_the_company_name() -> None:
    name = _map_of(_propose(_rows(blank_for_persons=True)), "Name")
    assert (name.target.object, name.target.field) == ("contact", "companyName")
    assert any("individual" in e.detail for e in name.evidence)


def test_a_name_filled_for_individuals_too_keeps_no_such_evidence() -> None:
    name = _map_of(_propose(_rows(blank_for_persons=False)), "Name")
    assert not any("individual" in e.detail for e in name.evidence)
