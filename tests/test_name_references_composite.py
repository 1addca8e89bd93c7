"""Names spelled as 'Company, Person' (a company's person, as some CRMs display a partner) link by
that pair of columns; a plain name decides by the row's own name before any company column."""

from __future__ import annotations

import duckdb

from assistant.execute.transforms.maps import lookup
from assistant.execute.transforms.name_links import name_key_sql
from assistant.profile.models import TableProfile
from assistant.propose.name_references import name_key, name_reference
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from assistant.transforms.sqltext import SOURCE_ALIAS
from tests.propose_factory import S, table

PARTNERS = [
    {"ID": "p1", "Name": "Summit Consulting", "Related Company": None},
    {"ID": "p2", "Name": "Nora Nguyen", "Related Company": "Summit Consulting"},
    {"ID": "p3", "Name": "Eli Wright", "Related Company": "Summit Consulting"},
    {"ID": "p4", "Name": "Cedar Dental", "Related Company": None},
    {"ID": "p5", "Name": "Owen Kim", "Related Company": "Cedar Dental"},
    {"ID": "p6", "Name": "Mason Turner", "Related Company": None},
]
CUSTOMERS = ["Summit Consulting, Nora Nguyen", "Summit Consulting", "Cedar Dental,  Owen Kim", "Mason Turner"]


def _partners() -> TableProfile:
    return table(
        "res_partner",
        [("ID", S.IDENTIFIER, {}), ("Name", S.FREE_TEXT, {}), ("Related Company", S.COMPANY_NAME, {})],
        rows=len(PARTNERS), key="ID",
    )  # fmt: skip


def test_company_comma_person_values_resolve_through_the_company_and_person_columns() -> None:
    leads = table("crm_lead", [("Opportunity", S.FREE_TEXT, {}), ("Customer", S.FREE_TEXT, {})], rows=4)
    values = MemoryValues(
        {
            "res_partner": PARTNERS,
            "crm_lead": [{"Opportunity": f"Deal {i}", "Customer": c} for i, c in enumerate(CUSTOMERS)],
        }
    )
    customer = next(c for c in leads.columns if c.column == "Customer")
    fk = name_reference(leads, customer, [(_partners(), "ID")], values)
    assert fk is not None and fk.target_table == "res_partner" and fk.resolved_share == 1.0
    # tried in this order: the row's own name, company + person, and last the company alone
    assert fk.by_names == [["Name"], ["Related Company", "Name"], ["Related Company"]]


def _resolve(values: list[str | None], by_names: list[list[str]]) -> list[tuple[str | None, str | None]]:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    con.execute('CREATE TABLE raw.res_partner ("ID" VARCHAR, "Name" VARCHAR, "Related Company" VARCHAR)')
    con.executemany("INSERT INTO raw.res_partner VALUES (?, ?, ?)", [list(p.values()) for p in PARTNERS])
    con.execute('CREATE TABLE leads ("Customer" VARCHAR)')
    con.executemany("INSERT INTO leads VALUES (?)", [[v] for v in values])
    params = {"object": "contact", "table": "res_partner", "key": "ID", "by_names": by_names}
    out = lookup(kinds.Context(key="contactId", columns=["Customer"], params=params))[0]
    return con.execute(f"SELECT {out.value}, {out.error} FROM leads AS {SOURCE_ALIAS}").fetchall()


def test_the_plan_resolves_each_spelling_and_a_row_s_own_name_wins_over_its_company_column() -> None:
    spellings = [["Name"], ["Related Company", "Name"], ["Related Company"]]
    rows = _resolve([*CUSTOMERS, "Nobody, Really"], spellings)
    # 'Summit Consulting' is p1's own name; as a company column it would also name p2 and p3
    assert rows[:4] == [("p2", None), ("p1", None), ("p5", None), ("p6", None)]
    assert rows[4] == (None, "names no row of res_partner: Nobody, Really")


def test_a_company_named_only_by_its_people_is_several_rows_not_a_guess() -> None:
    rows = _resolve(["Summit Consulting"], [["Related Company"]])
    assert rows == [(None, "names several rows of res_partner: Summit Consulting")]


def test_the_sql_and_python_name_forms_agree() -> None:
    samples = ["  Summit Consulting,Nora  Nguyen ", "ÉLODIE Durand", "a,b , c", "Tab\tSeparated"]
    con = duckdb.connect()
    for s in samples:
        sql = con.execute(f"SELECT {name_key_sql('?')}", [s]).fetchone()
        assert sql is not None and sql[0] == name_key(s), s
