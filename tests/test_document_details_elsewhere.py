"""An invoice whose contact has no email takes one from elsewhere in the export, when there is one.

Client 1 has a phone but no email; its contact person (a row of ``people``, a table mapped to
contacts whose key column points at the client) has one, so invoice F-1 goes as a native invoice
with that email as its billing contact. Client 2 has no email anywhere: F-2 stays a note, named in
the plan. A history table pointing at the client holds an e-mail address too (a sender's): it is
no description of the client and is never used. The stand-in takes the native invoice; nothing is
sent to anyone.
"""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any, cast

import duckdb

from assistant.execute.calls import Ids
from assistant.execute.document_apply import DocumentReport, send_invoice
from assistant.execute.document_contacts import carry_documents_as_notes
from assistant.execute.document_details import fill_contact_details, plan_lines
from assistant.execute.document_pass import customer_of
from assistant.execute.documents import Customer, SourceDocument
from assistant.execute.specs import RecordSpec, Ref
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
DDL = """CREATE SCHEMA exec; CREATE SCHEMA raw; CREATE TABLE exec.records (target VARCHAR,
    source_object VARCHAR, source_key VARCHAR, "row" BIGINT, pass INTEGER, "values" VARCHAR,
    payload_hash VARCHAR);
    CREATE TABLE raw.people ("account-id" VARCHAR, name VARCHAR, email VARCHAR, "_row" BIGINT);
    CREATE TABLE raw.history ("account-id" VARCHAR, "from" VARCHAR, "_row" BIGINT);
    CREATE TABLE raw.invoices (id VARCHAR, "account-id" VARCHAR, "_row" BIGINT)"""


def _profile(table: str, column: str, kind: SemanticType, points_at: str | None = None) -> ColumnProfile:
    fk = None
    if points_at is not None:
        fk = ForeignKey(
            table=table, column=column, target_table=points_at, target_column="id", resolved_share=1.0
        )
    return ColumnProfile(table=table, column=column, position=0, semantic_type=kind, foreign_key=fk)


def _spec(name: str, target: str, refs: list[Ref]) -> RecordSpec:
    om = ObjectMap(
        id=f"object:{name}", source_object=name, targets=[ObjectTarget(object=TargetObject(target))]
    )
    return RecordSpec(target, name, om, om.targets[0], refs=refs)


def _setup() -> tuple[duckdb.DuckDBPyConnection, list[RecordSpec]]:
    con = duckdb.connect()
    con.execute(DDL)
    con.execute(
        "INSERT INTO raw.people VALUES ('1', 'Rocío', '', 1), ('1', 'Rocío Sanz', ' Rocio@Empresa.es ', 2)"
    )
    con.execute("INSERT INTO raw.history VALUES ('2', 'office@ourcompany.es', 1)")
    con.execute("INSERT INTO raw.invoices VALUES ('F1', '1', 1), ('F2', '2', 2)")
    rows = [
        ("contact", "clients", "1", {"firstName": "Ana", "phone": "+34600000001"}),
        ("contact", "clients", "2", {"firstName": "Luis", "phone": "+34600000002"}),
        ("contact", "people", "p1", {"firstName": "Rocío", "email": "rocio@empresa.es"}),
    ]
    for n, key in enumerate(("F1", "F2"), start=1):
        values = {"invoiceNumber": f"F-{n}", "issueDate": "2024-05-01", "total": 10, "lines": []}
        rows.append(("invoice", "invoices", key, {**values, "ref:contactId": str(n)}))
    for target, table, key, values in rows:
        con.execute(
            "INSERT INTO exec.records VALUES (?, ?, ?, ?, 1, ?, '')",
            [target, table, key, int(key[-1]), json.dumps(values)],
        )
    specs = [
        _spec("invoices", "invoice", [Ref("contactId", "contact", "clients")]),
        _spec("people", "contact", []),
        _spec("clients", "contact", []),
    ]
    return con, specs


PROFILES = {
    ("people", "account-id"): _profile("people", "account-id", SemanticType.FOREIGN_KEY, "clients"),
    ("people", "email"): _profile("people", "email", SemanticType.EMAIL),
    ("history", "account-id"): _profile("history", "account-id", SemanticType.FOREIGN_KEY, "clients"),
    ("history", "from"): _profile("history", "from", SemanticType.EMAIL),
}


def test_a_contact_persons_email_makes_the_invoice_native_and_none_is_invented() -> None:
    con, specs = _setup()

    found = fill_contact_details(con, specs, PROFILES, "ES")

    assert found == [
        "invoice:invoices F-1 (contact clients:1): email from people (account-id), column 'email'"
    ]
    assert "documents: 1 take the email or phone their contact lacks" in plan_lines(found)[0]
    row = con.execute("SELECT \"values\" FROM exec.records WHERE source_key = 'F1'").fetchone()
    assert row is not None and json.loads(row[0])["contactEmail"] == "rocio@empresa.es"
    # the run's document names the contact's own phone and the person's email as its billing contact
    ids = Ids(records={"contact:clients:1": "HlContact1"})
    customer = customer_of(cast(Any, SimpleNamespace(ids=ids, con=con)), specs[0], json.loads(row[0]))
    assert customer == Customer("HlContact1", "Ana", "rocio@empresa.es", "+34600000001")
    carried = carry_documents_as_notes(con, specs)
    assert [(c.replaces, c.which) for c in carried] == [
        ("invoice", ("F-2 (contact clients:2 has no email)",))
    ]
    left = con.execute(
        "SELECT target, source_key FROM exec.records WHERE source_object = 'invoices'"
    ).fetchall()
    assert sorted(left) == [("document_as_note", "F2"), ("invoice", "F1")]


def test_the_stand_in_takes_an_invoice_whose_billing_email_is_the_persons(sandbox: SandboxHandle) -> None:
    with sandbox.client() as http:
        body = {"locationId": sandbox.location_id, "firstName": "Ana", "phone": "+34600000011"}
        contact = http.post("/contacts/", json=body).json()["contact"]["id"]
    refused = DocumentReport()
    accepted = DocumentReport()

    async def go() -> None:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            for customer, report, number in (
                (Customer(contact, "Ana", "", "+34600000011"), refused, "F-NOMAIL"),
                (Customer(contact, "Ana", "rocio@empresa.es", "+34600000011"), accepted, "F-PERSON"),
            ):
                doc = SourceDocument(
                    f"inv:{number}", number, "2024-05-02", "EUR", customer=customer, total=0.0
                )
                await send_invoice(hl.invoices, doc, "Acme", report)

    asyncio.run(go())
    assert "contactDetails.email should not be empty" in refused.failed[0][1]
    (made,) = accepted.created
    stored = next(i for i in sandbox.admin("GET", "records/invoices")["records"] if i["id"] == made.hl_id)
    assert (
        stored["contactDetails"]["email"] == "rocio@empresa.es" and stored["contactDetails"]["id"] == contact
    )
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0
