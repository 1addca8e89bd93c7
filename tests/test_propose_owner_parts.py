"""One user over several columns: an id beside a name, a sales rep's login, first and last name."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

Row = dict[str, str | None]


def _contacts(extra: list[tuple[str, SemanticType]], rows: list[Row]) -> MappingDocument:
    """A contacts export (the person's own names and e-mail) with the owner columns ``extra``."""
    own = [
        ("Id", S.IDENTIFIER),
        ("First Name", S.PERSON_NAME),
        ("Last Name", S.PERSON_NAME),
        ("Email", S.EMAIL),
    ]
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = []
    for name, kind in [*own, *extra]:
        cells = [r.get(name) for r in rows if r.get(name)]
        counts = {c: cells.count(c) for c in dict.fromkeys(cells) if c}
        columns.append((name, kind, {"values": counts, "distinct_count": len(counts)}))
    people = [
        {"Id": str(i), "First Name": f"Ana{i}", "Last Name": f"Soto{i}", "Email": f"ana{i}@mail.test", **r}
        for i, r in enumerate(rows)
    ]
    contacts = table("contacts", columns, rows=len(rows), key="Id")
    return propose_offline(ProposeInputs([contacts], destination(), MemoryValues({"contacts": people})))


def _target(doc: MappingDocument, column: str) -> str:
    fmap = next(f for f in doc.fields if f.source_columns == [column])
    return fmap.target.kind.value if fmap.target.kind != FieldKind.STANDARD else str(fmap.target.field)


def _owner(doc: MappingDocument, key: str) -> str | None:
    return next(o.user_email for o in doc.owners if o.source_key == key)


ID_AND_NAME = [
    {"assignedUserId": "63cd71126ba920b39", "assignedUserName": "Laura Gómez"},
    {"assignedUserId": "6fa0c22edc6d5bc3e", "assignedUserName": "Pedro Ruiz"},
    {"assignedUserId": "66709373d72cbdb4a", "assignedUserName": "Dana Ortiz"},
] * 3


def test_an_id_beside_the_users_name_leaves_the_owner_to_the_name() -> None:
    doc = _contacts([("assignedUserId", S.PICKLIST), ("assignedUserName", S.PICKLIST)], ID_AND_NAME)
    assert _target(doc, "assignedUserName") == "assignedTo"
    assert _target(doc, "assignedUserId") == "skip"
    assert _owner(doc, "Laura Gómez") == "laura@demo.es"
    assert _owner(doc, "Dana Ortiz") is None  # no such user: listed unmatched for a human


REP_PARTS = [
    {"Login du commercial": "lgomez", "Prénom du commercial": "Laura", "Nom du commercial": "Gómez"},
    {"Login du commercial": "pruiz", "Prénom du commercial": "Pedro", "Nom du commercial": "Ruiz"},
    {"Login du commercial": "ngarnier", "Prénom du commercial": "Nathalie", "Nom du commercial": "Garnier"},
    {"Login du commercial": "admin", "Prénom du commercial": None, "Nom du commercial": "SuperAdmin"},
] * 3


def test_a_sales_reps_login_first_and_last_name_are_one_owner() -> None:
    rep = [("Login du commercial", S.PICKLIST), ("Prénom du commercial", S.PERSON_NAME)]
    doc = _contacts([*rep, ("Nom du commercial", S.PICKLIST)], REP_PARTS)
    assert _target(doc, "Login du commercial") == "assignedTo"  # a login finds one user; a first name may not
    assert _target(doc, "Prénom du commercial") == "skip"  # the rep's first name, never the contact's own
    assert _target(doc, "Nom du commercial") == "skip"
    assert _target(doc, "First Name") == "firstName"
    assert _owner(doc, "pruiz") == "pedro@demo.es"
    assert _owner(doc, "ngarnier") is None  # no such user: unmatched, never guessed


def test_an_authors_id_and_name_are_no_owner() -> None:
    rows = [
        {"Created By Id": r["assignedUserId"], "Created By Name": r["assignedUserName"]} for r in ID_AND_NAME
    ]
    doc = _contacts([("Created By Id", S.PICKLIST), ("Created By Name", S.PICKLIST)], rows)
    assert "assignedTo" not in {_target(doc, "Created By Id"), _target(doc, "Created By Name")}


def test_an_author_flattened_with_slashes_is_no_field_of_the_record() -> None:
    # 'Created by / Source' (MANUAL / IMPORT) says how the author entered the row, not the lead source
    rows: list[Row] = [
        {"Created by / Source": s, "Created by / Name": n}
        for s, n in [("MANUAL", "Laura Gómez"), ("IMPORT", "Pedro Ruiz")] * 4
    ]
    doc = _contacts([("Created by / Source", S.PICKLIST), ("Created by / Name", S.PICKLIST)], rows)
    assert _target(doc, "Created by / Source") == "skip"
    assert _target(doc, "Created by / Name") == "skip"


def test_the_name_parts_of_a_linked_owner_are_skipped() -> None:
    # 'estimator.userid' links the users table: the estimator's given names and surname are that user's
    users = [("7", "Laura", "Gómez", "laura@demo.es"), ("8", "Pedro", "Ruiz", "pedro@demo.es")]
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        ("estimator.userid", S.FOREIGN_KEY, {"fk": ("users", "id")}),
        ("estimator.givennames", S.PERSON_NAME, {}),
        ("estimator.surname", S.PERSON_NAME, {}),
    ]
    deals = table("deals", columns, rows=6, key="id")
    rows = [
        {"id": str(i), "name": f"Deal {i}", "estimator.userid": users[i % 2][0],
         "estimator.givennames": users[i % 2][1], "estimator.surname": users[i % 2][2]}
        for i in range(6)
    ]  # fmt: skip
    people = [{"id": k, "first name": f, "last name": la, "email": e} for k, f, la, e in users]
    values = MemoryValues({"deals": rows, "users": people})
    doc = propose_offline(ProposeInputs([deals, people_table("users")], destination(), values))
    assert _target(doc, "estimator.userid") == "assignedTo"
    assert _target(doc, "estimator.givennames") == "skip"
    assert _target(doc, "estimator.surname") == "skip"
