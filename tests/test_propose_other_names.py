"""A record's own name and fields come from its own columns, never from another thing's name.

Short name headers ('fname', 'lname') are the person's halves; a client's 'fname' repeated on its
estimates is a copy; category labels ('record_type_name', 'vat_name') and the columns of a nested
owner object ('owner.name', 'owner.is_admin') are no person's name; a task's author is not its
assignee; an account whose people are nested names the account; a title blank on most rows does
not name the record over a name filled on all.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

Row = dict[str, str | None]
FIRSTS = ["Caleb", "Nora", "Ruby", "Owen", "Hazel", "Noah", "Emma", "Liam", "Ava", "Mia", "Leo", "Zoe"]
LASTS = ["Ellis", "Price", "Garcia", "Ortiz", "Cole", "Brooks", "Kim", "Walsh", "Shaw", "Moss", "Reed", "Ng"]
ROWS = 30
TWO_USERS = {"Laura Gómez": 15, "Pedro Ruiz": 15}  # destination users, see propose_factory
TWO_EMAILS = {"laura@demo.es": 15, "pedro@demo.es": 9}


def _propose(profiles: list[TableProfile], values: dict[str, list[Row]]) -> MappingDocument:
    return propose_offline(ProposeInputs(profiles, destination(), MemoryValues(values)))


def _maps(doc: MappingDocument, table_name: str, column: str) -> list[FieldMap]:
    return [f for f in doc.fields if f.source_object == table_name and column in f.source_columns]


def _targets(doc: MappingDocument, table_name: str, column: str) -> set[str]:
    maps = _maps(doc, table_name, column)
    return {f"{f.target.object.value}.{f.target.field}" for f in maps if f.target.field}


def _clients() -> tuple[TableProfile, list[Row]]:
    rows: list[Row] = [
        {"id": str(i), "fname": FIRSTS[i % 12], "lname": LASTS[(i * 5) % 12],
         "email": f"c{i}@mail.test", "record_type_name": ["Customer", "Adjuster", "Subcontractor"][i % 3],
         "vat_name": ["GST", "HST", None][i % 3]}
        for i in range(ROWS)
    ]  # fmt: skip
    clients = table(
        "clients",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("fname", S.PICKLIST, {"distinct_count": 12, "unique_share": 0.4}),
         ("lname", S.PICKLIST, {"distinct_count": 12, "unique_share": 0.4}),
         ("email", S.EMAIL, {"distinct_count": ROWS, "unique_share": 1.0}),
         ("record_type_name", S.PICKLIST, {"distinct_count": 3, "values": {"Customer": 10, "Adjuster": 10}}),
         ("vat_name", S.PICKLIST, {"distinct_count": 2, "null_count": 10, "null_share": 0.33})],
        rows=ROWS, key="id",
    )  # fmt: skip
    return clients, rows


def test_short_name_headers_are_the_first_and_last_name() -> None:
    clients, rows = _clients()
    doc = _propose([clients], {"clients": rows})
    assert _targets(doc, "clients", "fname") == {"contact.firstName"}
    assert _targets(doc, "clients", "lname") == {"contact.lastName"}


def test_category_labels_named_like_names_are_no_name_of_the_contact() -> None:
    clients, rows = _clients()
    doc = _propose([clients], {"clients": rows})
    names = {"contact.name", "contact.firstName", "contact.lastName", "company.name"}
    for label in ("record_type_name", "vat_name"):
        assert _maps(doc, "clients", label), label
        assert not _targets(doc, "clients", label) & names, label


def test_a_clients_first_name_repeated_on_its_estimates_is_a_copy_not_their_name() -> None:
    clients, client_rows = _clients()
    estimates = table(
        "estimates",
        [("estimate_number", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("customerid", S.FOREIGN_KEY, {"fk": ("clients", "id")}),
         ("fname", S.PICKLIST, {"distinct_count": 12}), ("lname", S.PICKLIST, {"distinct_count": 12}),
         ("amount", S.MONEY, {"locale": "en"})],
        rows=ROWS,
    )  # fmt: skip
    estimate_rows: list[Row] = [
        {"estimate_number": f"{i:07d}", "customerid": r["id"], "fname": r["fname"], "lname": r["lname"],
         "amount": "100.00"}
        for i, r in enumerate(client_rows)
    ]  # fmt: skip
    doc = _propose([clients, estimates], {"clients": client_rows, "estimates": estimate_rows})
    for half in ("fname", "lname"):
        (fmap,) = _maps(doc, "estimates", half)
        assert fmap.target.kind == FieldKind.SKIP, half
        assert "repeats the linked record" in fmap.rationale


def test_a_nested_owner_feeds_the_owner_and_nothing_else() -> None:
    people = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("first_name", S.PERSON_NAME, {"distinct_count": 12}),
         ("last_name", S.PERSON_NAME, {"distinct_count": 12}),
         ("email", S.EMAIL, {"distinct_count": ROWS}),
         ("owner.id", S.IDENTIFIER, {"distinct_count": 2}),
         ("owner.name", S.PERSON_NAME, {"distinct_count": 2, "values": TWO_USERS}),
         ("owner.email", S.EMAIL, {"distinct_count": 2, "values": TWO_EMAILS}),
         ("owner.is_admin", S.BOOLEAN, {"distinct_count": 2})],
        rows=ROWS, key="id",
    )  # fmt: skip
    doc = _propose([people], {})
    assert _targets(doc, "contacts", "owner.email") == {"contact.assignedTo"}
    for detail in ("owner.id", "owner.name", "owner.is_admin"):
        (fmap,) = _maps(doc, "contacts", detail)
        assert fmap.target.kind == FieldKind.SKIP, detail
        assert "describes the user in 'owner'" in fmap.rationale
    assert _targets(doc, "contacts", "first_name") == {"contact.firstName"}


def test_a_tasks_author_is_not_its_assignee() -> None:
    tasks = table(
        "tasks",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("title", S.FREE_TEXT, {"distinct_count": ROWS}), ("date_due", S.DATE, {}),
         ("created_by_name", S.PICKLIST, {"distinct_count": 2, "values": TWO_USERS})],
        rows=ROWS, key="id",
    )  # fmt: skip
    doc = _propose([tasks], {})
    assert _maps(doc, "tasks", "created_by_name")
    assert "task.assignedTo" not in _targets(doc, "tasks", "created_by_name")
    assert "task.title" not in _targets(doc, "tasks", "created_by_name")


def test_the_name_of_a_nested_tags_list_is_a_tag() -> None:
    people = table(
        "people",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("full_name", S.PERSON_NAME, {"distinct_count": ROWS}),
         ("email", S.EMAIL, {"distinct_count": ROWS})],
        rows=ROWS, key="id",
    )  # fmt: skip
    tags = table(
        "people__tags",
        [("id", S.IDENTIFIER, {"distinct_count": 3}),
         ("name", S.PICKLIST, {"distinct_count": 3, "values": {"Architect": 12, "Newsletter": 9, "VIP": 9}})],
        rows=ROWS, parent="people",
    )  # fmt: skip
    doc = _propose([people, tags], {})
    assert _targets(doc, "people__tags", "name") == {"contact.tags"}


def test_an_account_whose_people_are_nested_names_the_company_not_a_person() -> None:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("customer_name", S.PERSON_NAME, {"distinct_count": ROWS, "share": 0.7}),
         ("account_balance", S.MONEY, {"locale": "en"})],
        rows=ROWS, key="id",
    )  # fmt: skip
    contacts = table(
        "customers__contacts",
        [("fname", S.PICKLIST, {"distinct_count": 12}), ("lname", S.PICKLIST, {"distinct_count": 12}),
         ("job_title", S.FREE_TEXT, {})],
        rows=ROWS, parent="customers",
    )  # fmt: skip
    doc = _propose([customers, contacts], {})
    assert _targets(doc, "customers", "customer_name") == {"contact.companyName"}
    assert _targets(doc, "customers__contacts", "fname") == {"contact.firstName"}


def test_a_title_blank_on_most_rows_does_not_name_the_deal_over_a_filled_name() -> None:
    deals = table(
        "deals",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("name", S.FREE_TEXT, {"distinct_count": ROWS}),
         ("summary", S.PICKLIST, {"distinct_count": 1, "null_count": 20, "null_share": 0.67}),
         ("value", S.MONEY, {"locale": "en"}),
         ("stage", S.PICKLIST, {"values": {"Won": 10, "Lost": 10, "Open": 10}})],
        rows=ROWS, key="id",
    )  # fmt: skip
    doc = _propose([deals], {})
    assert _targets(doc, "deals", "name") == {"opportunity.name"}
    assert "opportunity.name" not in _targets(doc, "deals", "summary")


def test_a_nested_author_is_neither_the_owner_nor_the_records_own_email() -> None:
    people = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": ROWS}),
         ("full_name", S.PERSON_NAME, {"distinct_count": ROWS}),
         ("created_by.name", S.PERSON_NAME, {"distinct_count": 2, "values": TWO_USERS}),
         ("created_by.email", S.EMAIL, {"distinct_count": 2, "values": TWO_EMAILS})],
        rows=ROWS, key="id",
    )  # fmt: skip
    doc = _propose([people], {})
    for detail in ("created_by.name", "created_by.email"):
        (fmap,) = _maps(doc, "contacts", detail)
        assert fmap.target.kind == FieldKind.SKIP, detail
        assert "the author in 'created_by'" in fmap.rationale


def test_a_companys_nested_tags_name_never_names_the_company() -> None:
    labels = ["VIP", "Partner", "Lead", "Supplier"]
    companies = table(
        "companies",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {})],
        rows=14,
        key="id",
    )
    tags = table(
        "companies__tags",
        [
            ("id", S.IDENTIFIER, {}),
            ("name", S.PICKLIST, {"values": dict.fromkeys(labels, 4), "distinct_count": 4}),
        ],
        rows=18,
        parent="companies",
    )
    values = MemoryValues(
        {
            "companies": [{"id": str(i), "name": f"Firm {i}"} for i in range(14)],
            "companies__tags": [{"id": str(900 + i % 4), "name": labels[i % 4]} for i in range(18)],
        }
    )
    doc = propose_offline(ProposeInputs([companies, tags], destination(), values))
    tag_names = [f for f in doc.fields if f.source_object == tags.table and f.source_columns == ["name"]]
    assert tag_names and all(f.target.field not in ("name", "companyName") for f in tag_names)
