"""A task or note on a company the export holds but no contact belongs to has nowhere to land
(HighLevel attaches it to a contact): the table's holding proposal counts and names such rows, and,
accepted, they are parked on the holding contact starting with the company they named."""

from __future__ import annotations

import duckdb

from assistant.execute.compile import create_tables
from assistant.execute.holding import HOLDING_KEY, companyless_tables, park_output
from assistant.execute.transforms.typed_parent import typed_parent
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.propose.holdings import propose_holdings
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms.kinds import Context
from tests.test_execute_support import field_map

THRESHOLD = 0.7
PARAMS: dict[str, object] = {
    "object_column": "related_type",
    "tables": {"contact": "contacts", "company": "companies"},
    "objects": {"contact": "contact", "company": "company"},
    "keys": {"contacts": "id", "companies": "id"},
}


def _fields() -> list[FieldMap]:
    task_link = field_map(
        "tasks", ["related_type", "related_id"], TargetObject.TASK, "contactId",
        kind=TransformKind.LOOKUP, params=PARAMS,
    )  # fmt: skip
    company = {"object": "company", "table": "companies", "key": "id"}
    contact_company = field_map(
        "contacts",
        ["company_id"],
        TargetObject.CONTACT,
        "companyId",
        kind=TransformKind.LOOKUP,
        params=company,
    )
    return [contact_company, task_link]


def _values(tasks: list[tuple[str, str]]) -> MemoryValues:
    contacts = [{"id": str(10 + i), "company_id": "co_1" if i % 2 else ""} for i in range(12)]
    rows = [{"related_type": t, "related_id": k, "_row": str(n + 1)} for n, (t, k) in enumerate(tasks)]
    return MemoryValues(
        {"contacts": contacts, "companies": [{"id": "co_1"}, {"id": "co_2"}], "tasks": rows}  # type: ignore[dict-item]
    )


def test_rows_on_a_company_without_contacts_are_proposed_for_the_holding_contact() -> None:
    tasks = [("contact", str(10 + i)) for i in range(10)] + [("company", "co_1"), ("company", "co_2")]
    [found] = propose_holdings(_fields(), _values(tasks))
    assert (found.orphan_rows, found.companyless_rows, found.row_count, found.example_rows) == (
        0,
        1,
        12,
        [12],
    )
    assert found.confidence >= THRESHOLD  # the link reads right: the company is there
    assert "1 of 12 'tasks' rows name a company the export holds but no contact belongs to" in found.rationale
    assert "co_2" not in found.rationale + " ".join(e.detail for e in found.evidence)  # row numbers only


def test_a_deleted_parent_and_a_contactless_company_are_one_proposal_saying_both() -> None:
    tasks = [("contact", str(10 + i)) for i in range(9)] + [("contact", "999"), ("company", "co_2")]
    [found] = propose_holdings(_fields(), _values(tasks))
    assert (found.orphan_rows, found.companyless_rows, found.example_rows) == (1, 1, [10, 11])
    assert "no row of the export holds" in found.rationale and "no contact belongs to" in found.rationale


def _compiled(companyless: bool) -> dict[str, tuple[str | None, str | None, str | None]]:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    contact = """('contact', 'contacts', '10', 1, 1, '{"ref:companyId": "co_1"}', '')"""
    con.execute(f"INSERT INTO exec.records VALUES {contact}")
    con.execute(
        """CREATE TABLE raw.contacts (id VARCHAR); INSERT INTO raw.contacts VALUES ('10');
        CREATE TABLE raw.companies (id VARCHAR); INSERT INTO raw.companies VALUES ('co_1'), ('co_2');
        CREATE TABLE raw.tasks (related_type VARCHAR, related_id VARCHAR);
        INSERT INTO raw.tasks VALUES ('company', 'co_1'), ('company', 'co_2'), ('contact', '99')"""
    )
    link = typed_parent(Context(key="contactId", columns=["related_type", "related_id"], params=PARAMS))[0]
    out, parked = park_output(link, companyless)
    rows = con.execute(
        f"SELECT related_id, {out.value}, {out.error}, {parked.value} FROM raw.tasks AS src"
    ).fetchall()
    return {str(k): (v, e, p) for k, v, e, p in rows}


def test_accepted_rows_on_a_contactless_company_are_parked_naming_it_else_held() -> None:
    found = _compiled(companyless=True)
    assert found["co_1"] == ("10", None, None)  # its company's contact
    assert found["co_2"] == (
        HOLDING_KEY,
        None,
        "Source company co_2, which no contact of the export belongs to:",
    )
    assert found["99"] == ("99", None, None)  # a contact key is itself: a missing one is parked later
    held = _compiled(companyless=False)["co_2"]  # a holding accepted before it named such rows
    assert held[0] is None and "co_2 reaches no migrated contact" in str(held[1])


def test_only_a_holding_that_named_contactless_company_rows_parks_them() -> None:
    [holding] = propose_holdings(
        _fields(), _values([("contact", "10"), ("contact", "11"), ("company", "co_2")])
    )
    doc = MappingDocument(holdings=[holding])
    assert companyless_tables(doc) == set()  # proposed, not accepted
    holding.decide(Status.ACCEPTED, "ana")
    assert companyless_tables(doc) == {"tasks"}
    holding.companyless_rows = 0
    assert companyless_tables(doc) == set()
