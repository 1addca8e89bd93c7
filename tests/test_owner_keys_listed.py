"""An owner id named beside a users-table person elsewhere is listed under its own key, not dropped."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

LAURA, PEDRO = "f3526e01-0d25-49b5-95eb-7fcfe719a9e8", "b0feda9f-4090-4d37-b69b-ba1d844d91cc"
Row = dict[str, str | None]


def _profile(name: str, kinds: dict[str, SemanticType], rows: list[Row], key: str) -> TableProfile:
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = []
    for column, kind in kinds.items():
        cells = [r[column] for r in rows if r.get(column)]
        counts = {c: cells.count(c) for c in dict.fromkeys(cells) if c}
        columns.append((column, kind, {"values": counts, "distinct_count": len(counts)}))
    return table(name, columns, rows=len(rows), key=key)


def _propose() -> MappingDocument:
    users: list[Row] = [
        {"name": "Laura Gómez", "email": "laura@demo.es"},
        {"name": "Pedro Ruiz", "email": "pedro@demo.es"},
    ]
    owners = [LAURA, PEDRO, LAURA, PEDRO]
    names = {LAURA: "Laura Gómez", PEDRO: "Pedro Ruiz"}
    firms = [{"Id": f"c{i}", "Name": f"Firm {i}", "Account Owner Id": o} for i, o in enumerate(owners)]
    deals = [
        {"Id": f"d{i}", "Title": f"Deal {i}", "owner.user_id": o, "owner.name": names[o]}
        for i, o in enumerate(owners)
    ]
    profiles = [
        _profile("users", {"name": S.PERSON_NAME, "email": S.EMAIL}, users, "email"),
        _profile("companies", {"Id": S.IDENTIFIER, "Name": S.COMPANY_NAME, "Account Owner Id": S.IDENTIFIER},
                 firms, "Id"),
        _profile("deals", {"Id": S.IDENTIFIER, "Title": S.FREE_TEXT, "owner.user_id": S.IDENTIFIER,
                           "owner.name": S.PERSON_NAME}, deals, "Id"),
    ]  # fmt: skip
    values = MemoryValues({"users": users, "companies": firms, "deals": deals})
    return propose_offline(ProposeInputs(profiles, destination(), values))


def test_an_owner_id_named_beside_a_listed_users_name_is_a_key_of_its_own() -> None:
    doc = _propose()
    by_key = {o.source_key: o.user_id for o in doc.owners}
    assert by_key["laura@demo.es"] == "u1" and by_key["pedro@demo.es"] == "u2"  # the users table's rows
    assert (by_key.get(LAURA), by_key.get(PEDRO)) == ("u1", "u2")  # and the ids the records hold
