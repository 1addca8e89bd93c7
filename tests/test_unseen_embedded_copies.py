"""JSON exports nest the linked record in each row: its copied fields carry nothing of their own."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import copied_columns
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

CUSTOMERS = table(
    "customers",
    [("id", S.IDENTIFIER, {}), ("first_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
    key="id",
)
EMPLOYEES = table(
    "employees",
    [("id", S.IDENTIFIER, {}), ("first_name", S.PERSON_NAME, {}), ("role", S.PICKLIST, {})],
    key="id",
)
PRODUCTS = table(
    "products", [("id", S.IDENTIFIER, {}), ("name", S.FREE_TEXT, {}), ("price", S.MONEY, {})], key="id"
)
TABLES = {t.table: t for t in (CUSTOMERS, EMPLOYEES, PRODUCTS)}


def test_fields_of_an_embedded_linked_object_are_copies() -> None:
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {}),
            ("customer.id", S.IDENTIFIER, {"fk": ("customers", "id")}),
            ("customer.first_name", S.PERSON_NAME, {}),
            ("customer.email", S.EMAIL, {}),
            ("customer.loyalty_tier", S.PICKLIST, {}),  # not a column of customers: the job's own
            ("total_amount", S.MONEY, {}),
        ],
        key="id",
    )
    copies = copied_columns(jobs, TABLES)
    assert copies == {"customer.first_name": "customer.id", "customer.email": "customer.id"}


def test_a_nested_list_of_references_copies_the_linked_rows() -> None:
    assigned = table(
        "jobs__assigned_employees",
        [
            ("id", S.IDENTIFIER, {"fk": ("employees", "id")}),
            ("first_name", S.PERSON_NAME, {}),
            ("role", S.PICKLIST, {}),
        ],
        parent="jobs",
    )
    assert copied_columns(assigned, TABLES) == {"first_name": "id", "role": "id"}


def test_a_line_keeps_its_own_quantity_and_price_beside_its_product() -> None:
    lines = table(
        "invoices__lines",
        [
            ("id", S.IDENTIFIER, {"fk": ("products", "id")}),
            ("quantity", S.INTEGER, {}),
            ("unit_price", S.MONEY, {}),
        ],
        parent="invoices",
    )
    assert copied_columns(lines, TABLES) == {}


def test_the_proposal_skips_the_copies_and_names_the_job_from_its_short_description() -> None:
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {}),
            ("invoice_number", S.IDENTIFIER, {}),
            ("description", S.FREE_TEXT, {"max_length": 20}),
            ("customer.id", S.IDENTIFIER, {"fk": ("customers", "id")}),
            ("customer.first_name", S.PERSON_NAME, {}),
            ("customer.email", S.EMAIL, {}),
            ("work_status", S.PICKLIST, {"values": {"scheduled": 3, "in progress": 2}}),
            ("total_amount", S.MONEY, {}),
        ],
        key="id",
    )
    values = MemoryValues(
        {
            "customers": [{"id": f"c{i}", "first_name": f"N{i}", "email": f"n{i}@x.test"} for i in range(3)],
            "jobs": [
                {"id": f"j{k}", "invoice_number": str(300 + k), "description": "AC tune-up",
                 "customer.id": "c1", "customer.first_name": "N1", "customer.email": "n1@x.test",
                 "work_status": "scheduled", "total_amount": "10"}
                for k in range(5)
            ],
        }
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([CUSTOMERS, jobs], destination(), values))
    by_column = {tuple(f.source_columns): f for f in doc.fields if f.source_object == "jobs"}
    for copy in ("customer.first_name", "customer.email"):
        assert by_column[(copy,)].target.kind == FieldKind.SKIP
    name = next(f for f in doc.fields if f.source_object == "jobs" and f.target.field == "name")
    assert name.source_columns == ["invoice_number", "description"]
    assert name.confidence < 0.7  # a composed name is a guess a human confirms
