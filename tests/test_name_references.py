"""References by display name: found from values, proposed as the link, resolved by the plan's SQL."""

from __future__ import annotations

import duckdb

from assistant.execute.transforms.maps import lookup
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.name_references import name_reference
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from assistant.transforms.sqltext import SOURCE_ALIAS
from tests.propose_factory import S, destination, table

PEOPLE = [
    {"ID": "1", "First Name": "Zoe", "Last Name": "Wright", "Organisation": None, "Email": "zoe@x.test"},
    {"ID": "2", "First Name": "Ian", "Last Name": "Moss", "Organisation": None, "Email": "ian@x.test"},
    {"ID": "3", "First Name": None, "Last Name": None, "Organisation": "Lakeside Labs", "Email": "l@x.test"},
    {"ID": "4", "First Name": None, "Last Name": None, "Organisation": "Cedar Fitness", "Email": "c@x.test"},
]
PARTIES = ["Zoe Wright", "lakeside labs ", "Ian Moss", "Cedar Fitness", "Zoe Wright"]


def _profiles() -> tuple[list[TableProfile], MemoryValues]:
    people = table(
        "people",
        [("ID", S.IDENTIFIER, {}), ("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}),
         ("Organisation", S.COMPANY_NAME, {}), ("Email", S.EMAIL, {})],
        rows=4, key="ID",
    )  # fmt: skip
    deals = table(
        "deals",
        [("Name", S.FREE_TEXT, {}), ("Party", S.PERSON_NAME, {"distinct_count": 4}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Won": 2, "Lost": 2, "Open": 1}})],
        rows=5,
    )  # fmt: skip
    rows = [{"Name": f"Deal {i}", "Party": p, "Value": "10", "Stage": "Won"} for i, p in enumerate(PARTIES)]
    return [people, deals], MemoryValues({"people": PEOPLE, "deals": rows})


def test_a_column_naming_rows_of_another_table_links_to_them_with_the_resolution_rate() -> None:
    (people, deals), values = _profiles()
    party = next(c for c in deals.columns if c.column == "Party")
    fk = name_reference(deals, party, [(people, "ID")], values)
    assert fk is not None and fk.target_table == "people" and fk.target_column == "ID"
    assert fk.resolved_share == 1.0
    assert fk.by_names == [["First Name", "Last Name"], ["Organisation"]]  # the order names are tried in


def test_names_that_mostly_resolve_nowhere_are_no_link() -> None:
    (people, deals), _ = _profiles()
    rows = [{"Party": p} for p in ("Zoe Wright", "Someone Else", "Another One", "Third Person")]
    party = next(c for c in deals.columns if c.column == "Party")
    values = MemoryValues({"people": PEOPLE, "deals": rows})
    assert name_reference(deals, party, [(people, "ID")], values) is None


def test_the_deal_is_proposed_linked_to_its_contact_by_name() -> None:
    profiles, values = _profiles()
    doc = propose_offline(ProposeInputs(profiles, destination(), values))
    party = next(f for f in doc.fields if f.source_columns == ["Party"])
    assert (party.target.kind, party.target.object, party.target.field) == (
        FieldKind.STANDARD, TargetObject.OPPORTUNITY, "contactId",
    )  # fmt: skip
    assert party.transform.kind == TransformKind.LOOKUP and party.transform.params["by_names"]
    details = [e.detail for e in party.evidence]
    assert (
        "-> people.ID by name: 100% of values name a row of people by 'First Name Last Name' or "
        "'Organisation'" in details
    )


def test_the_plan_sends_the_named_rows_key_and_reports_unknown_or_ambiguous_names() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    con.execute('CREATE TABLE raw.people ("ID" VARCHAR, "First Name" VARCHAR, "Last Name" VARCHAR, '
                '"Organisation" VARCHAR)')  # fmt: skip
    con.executemany("INSERT INTO raw.people VALUES (?, ?, ?, ?)",
                    [[p["ID"], p["First Name"], p["Last Name"], p["Organisation"]] for p in PEOPLE]
                    + [["5", "Ian", "Moss", None]])  # fmt: skip
    con.execute('CREATE TABLE deals ("Party" VARCHAR)')
    con.executemany("INSERT INTO deals VALUES (?)", [["zoe wright"], ["Lakeside Labs"], ["Nobody"],
                                                     ["Ian Moss"], [None]])  # fmt: skip
    params = {"object": "contact", "table": "people", "key": "ID",
              "by_names": [["Organisation"], ["First Name", "Last Name"]]}  # fmt: skip
    out = lookup(kinds.Context(key="contactId", columns=["Party"], params=params))[0]
    rows = con.execute(f"SELECT {out.value}, {out.error} FROM deals AS {SOURCE_ALIAS}").fetchall()
    assert rows[0] == ("1", None) and rows[1] == ("3", None)
    assert rows[2] == (None, "names no row of people: Nobody")
    assert rows[3] == (None, "names several rows of people: Ian Moss")  # two Ian Moss: no guess
    assert rows[4] == (None, None)


def test_a_persons_company_column_links_to_the_companies_table_by_name() -> None:
    companies = table(
        "companies",
        [("Id", S.IDENTIFIER, {}), ("Name", S.COMPANY_NAME, {}), ("Industry", S.PICKLIST, {})],
        rows=3,
        key="Id",
    )
    people = table(
        "people",
        [("Id", S.IDENTIFIER, {}), ("Name", S.PERSON_NAME, {}), ("Company", S.COMPANY_NAME, {})],
        rows=4,
        key="Id",
    )
    values = MemoryValues(
        {
            "companies": [
                {"Id": str(i), "Name": n} for i, n in enumerate(["Maple Dental", "Oak Labs", "Elm Bakery"])
            ],
            "people": [
                {"Id": "1", "Name": "Ava Kim", "Company": "Maple Dental"},
                {"Id": "2", "Name": "Leo Shaw", "Company": "oak labs"},
                {"Id": "3", "Name": "Mia Cole", "Company": "Elm Bakery"},
                {"Id": "4", "Name": "Eli Ruiz", "Company": "Maple Dental"},
            ],
        }
    )
    company = next(c for c in people.columns if c.column == "Company")
    fk = name_reference(people, company, [(companies, "Id")], values)
    assert fk is not None and fk.target_table == "companies" and fk.resolved_share == 1.0
    assert fk.by_names == [["Name"]]


def test_names_written_last_name_first_link_though_their_comma_reads_as_a_list() -> None:
    names = ["Wright, Zoe", "Moss, Ian", "Lakeside Labs", "Cedar Fitness"]
    customers = table(
        "customers", [("id", S.IDENTIFIER, {}), ("customer_name", S.MULTI_VALUE, {})], rows=4, key="id"
    )
    invoices = table("invoices", [("number", S.IDENTIFIER, {}), ("customer", S.MULTI_VALUE, {})], rows=5)
    billed = ["Wright, Zoe", "MOSS, IAN", "Lakeside Labs", "Cedar Fitness", "Wright, Zoe"]
    values = MemoryValues(
        {
            "customers": [{"id": str(i), "customer_name": n} for i, n in enumerate(names)],
            "invoices": [{"number": f"INV{i}", "customer": c} for i, c in enumerate(billed)],
        }
    )
    column = next(c for c in invoices.columns if c.column == "customer")
    fk = name_reference(invoices, column, [(customers, "id")], values)
    assert fk is not None and (fk.target_table, fk.resolved_share) == ("customers", 1.0)
    assert fk.by_names == [["customer_name"]]


def test_a_job_s_contact_name_columns_name_its_contact_not_the_job() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {}), ("contact_first_name", S.PERSON_NAME, {}),
         ("contact_last_name", S.PERSON_NAME, {})],
        rows=4, key="id",
    )  # fmt: skip
    invoices = table("invoices", [("customer_contact", S.PERSON_NAME, {"distinct_count": 4})], rows=4)
    names = [("Zoe", "Wright"), ("Ian", "Moss"), ("Ana", "Ruiz"), ("Lee", "Park")]
    job_rows: list[dict[str, str | None]] = [
        {"id": str(i), "contact_first_name": f, "contact_last_name": last}
        for i, (f, last) in enumerate(names)
    ]
    invoice_rows: list[dict[str, str | None]] = [{"customer_contact": f"{f} {last}"} for f, last in names]
    values = MemoryValues({"jobs": job_rows, "invoices": invoice_rows})
    contact = invoices.columns[0]
    assert name_reference(invoices, contact, [(jobs, "id")], values) is None
    # the same columns on a table of people are that row's own name
    people = table("clients", [(c.column, c.semantic_type, {}) for c in jobs.columns], rows=4, key="id")
    fk = name_reference(
        invoices, contact, [(people, "id")], MemoryValues({"clients": job_rows, "invoices": invoice_rows})
    )
    assert fk is not None and fk.target_table == "clients"
