"""An owner id with no users table: named by the name its twin column stands beside elsewhere."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

LAURA, PEDRO, NOBODY = (
    "f3526e01-0d25-49b5-95eb-7fcfe719a9e8",
    "b0feda9f-4090-4d37-b69b-ba1d844d91cc",
    "79d0612d-0392-447a-b8fc-74f4f9b7d77e",
)
Row = dict[str, str | None]


def _profile(name: str, kinds: dict[str, SemanticType], rows: list[Row]) -> TableProfile:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = []
    for column, kind in kinds.items():
        cells = [r[column] for r in rows if r.get(column)]
        counts = {c: cells.count(c) for c in dict.fromkeys(cells) if c}
        columns.append((column, kind, {"values": counts, "distinct_count": len(counts)}))
    return table(name, columns, rows=len(rows), key="Id")


def _propose(creators: list[tuple[str, str]]) -> MappingDocument:
    owners = [LAURA, PEDRO, NOBODY, LAURA]
    companies = [{"Id": f"c{i}", "Name": f"Firm {i}", "Account Owner Id": o} for i, o in enumerate(owners)]
    people = [
        {"Id": f"p{i}", "First Name": f"Ana{i}", "Last Name": "Soto", "Email": f"ana{i}@mail.test",
         "Created by / Member": member, "Created by / Name": name}
        for i, (member, name) in enumerate(creators)
    ]  # fmt: skip
    kinds = {"Id": S.IDENTIFIER, "Name": S.COMPANY_NAME, "Account Owner Id": S.IDENTIFIER}
    person = {"Id": S.IDENTIFIER, "First Name": S.PERSON_NAME, "Last Name": S.PERSON_NAME, "Email": S.EMAIL,
              "Created by / Member": S.PICKLIST, "Created by / Name": S.PICKLIST}  # fmt: skip
    profiles = [_profile("companies", kinds, companies), _profile("people", person, people)]
    values = MemoryValues({"companies": companies, "people": people})
    return propose_offline(ProposeInputs(profiles, destination(), values))


def test_owner_ids_are_matched_by_the_name_beside_the_same_ids_elsewhere() -> None:
    doc = _propose([(LAURA, "Laura Gómez"), (PEDRO, "Pedro Ruiz")] * 3)
    found = {o.source_key: o.user_email for o in doc.owners if o.source_object == "companies"}
    assert found == {LAURA: "laura@demo.es", PEDRO: "pedro@demo.es", NOBODY: None}  # never named: unmatched


def test_ids_beside_several_names_name_nobody() -> None:
    # the member column is no key of people when one id stands beside two names
    doc = _propose([(LAURA, "Laura Gómez"), (LAURA, "Pedro Ruiz"), (PEDRO, "Pedro Ruiz")] * 2)
    assert not [o for o in doc.owners if o.source_object == "companies"]
