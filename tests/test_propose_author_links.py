"""A record's author ('author-id', 'created_by') is not its owner: the responsible user's column is."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

USERS = [("7", "Laura", "Gómez", "laura@demo.es"), ("8", "Pedro", "Ruiz", "pedro@demo.es")]


def _owner_columns(author: str, responsible: str | None) -> dict[str, tuple[FieldKind, str | None]]:
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        (author, S.FOREIGN_KEY, {"fk": ("users", "id")}),
    ]
    if responsible is not None:
        columns.append((responsible, S.FOREIGN_KEY, {"fk": ("users", "id")}))
    deals = table("deals", columns, rows=6, key="id")
    rows = [
        {"id": str(i), "name": f"Deal {i}", author: USERS[i % 2][0]}
        | ({responsible: USERS[(i + 1) % 2][0]} if responsible else {})
        for i in range(6)
    ]
    users = [{"id": k, "first name": f, "last name": la, "email": e} for k, f, la, e in USERS]
    values = MemoryValues({"deals": rows, "users": users})
    doc = propose_offline(ProposeInputs([deals, people_table("users")], destination(), values))
    deal_maps = [f for f in doc.fields if f.source_object == "deals"]
    assert (
        next(o for o in doc.objects if o.source_object == "deals").targets[0].object
        == TargetObject.OPPORTUNITY
    )
    return {f.source_columns[0]: (f.target.kind, f.target.field) for f in deal_maps}


def test_the_responsible_user_owns_the_deal_and_its_author_does_not() -> None:
    # the author's column comes first in the export: it must not claim the owner before the responsible one
    maps = _owner_columns("author-id", "responsible-party-id")
    assert maps["responsible-party-id"] == (FieldKind.STANDARD, "assignedTo")
    assert maps["author-id"][1] != "assignedTo"


def test_an_author_alone_is_no_owner_but_an_owner_column_is() -> None:
    assert _owner_columns("created_by", None)["created_by"][1] != "assignedTo"
    assert _owner_columns("owner_id", None)["owner_id"] == (FieldKind.STANDARD, "assignedTo")


def test_two_nested_users_in_two_roles_are_not_copies_of_each_other() -> None:
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        ("owner.id", S.FOREIGN_KEY, {"fk": ("users", "id")}),
        ("owner.name", S.PERSON_NAME, {}),
        ("assignee.id", S.FOREIGN_KEY, {"fk": ("users", "id")}),
        ("assignee.name", S.PERSON_NAME, {}),
    ]
    deals = table("deals", columns, rows=6, key="id")
    rows = [
        {"id": str(i), "name": f"Deal {i}", "owner.id": USERS[i % 2][0], "owner.name": USERS[i % 2][1],
         "assignee.id": USERS[(i + 1) % 2][0], "assignee.name": USERS[(i + 1) % 2][1]}
        for i in range(6)
    ]  # fmt: skip
    users = [{"id": k, "first name": f, "last name": la, "email": e} for k, f, la, e in USERS]
    values = MemoryValues({"deals": rows, "users": users})
    doc = propose_offline(ProposeInputs([deals, people_table("users")], destination(), values))
    owner = next(f for f in doc.fields if f.source_object == "deals" and f.source_columns == ["owner.id"])
    # before, each was skipped as 'already named' by the other and no deal got an owner
    assert owner.target.field == "assignedTo"
