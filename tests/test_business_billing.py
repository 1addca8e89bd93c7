"""Documents whose contact has no email or phone anywhere: billed to the business's own details.

Propose offers one ``billing:`` proposal per table that lands as native documents, counting those
whose contact lacks an email or phone (none when every contact has both). Accepted, the plan fills
what the contact lacks from the location's own email and phone (the snapshot of
``GET /locations/{locationId}``) and names each document and where its details came from; the
documents go native, the contact record stays as exported, nothing is sent. Rejected, or with a
location that has no such details, they stay notes.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import duckdb
import jsonschema

from assistant.decide.selectors import parse_selector
from assistant.execute.calls import Ids
from assistant.execute.document_apply import DocumentReport, send_invoice
from assistant.execute.document_business import bill_to_business, billed_tables, plan_lines
from assistant.execute.document_contacts import carry_documents_as_notes
from assistant.execute.document_pass import customer_of
from assistant.execute.document_records import document_of
from assistant.execute.specs import RecordSpec, Ref
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.snapshot import pull_destination
from assistant.highlevel.state import Location
from assistant.mapping.items import BusinessBilling, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.propose.billings import propose_billings
from assistant.propose.sourcedata import MemoryValues
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import field_map

REPO = Path(__file__).resolve().parent.parent
STEL_DESTINATION = REPO / "fixtures" / "stel_order" / "destination.json"
SPEC = REPO.parent / "shared" / "highlevel-openapi" / "locations.json"
sandbox = sandbox_fixture(seed=STEL_DESTINATION, rate_limit=100_000)
THRESHOLD = 0.7


def _maps(phone_of_2: str) -> tuple[list[ObjectMap], MemoryValues, list[Any]]:
    om = ObjectMap(
        id="object:invoices", source_object="invoices", row_count=3,
        targets=[ObjectTarget(object=TargetObject.INVOICE)],
    )  # fmt: skip
    params = {"object": "contact", "table": "clients", "key": "id"}
    lookup = TransformKind.LOOKUP
    fields = [
        field_map("invoices", ["client"], TargetObject.INVOICE, "contactId", kind=lookup, params=params),
        field_map("clients", ["mail"], TargetObject.CONTACT, "email"),
        field_map("clients", ["tel"], TargetObject.CONTACT, "phone"),
    ]  # fmt: skip
    values = MemoryValues(
        {
            "clients": [
                {"id": "1", "mail": "ana@x.es", "tel": "600"},
                {"id": "2", "mail": "", "tel": phone_of_2},
            ],
            "invoices": [{"client": "1"}, {"client": "2"}, {"client": "2"}],
        }
    )
    return [om], values, fields


def test_propose_offers_billing_with_an_honest_policy_confidence_and_counts() -> None:
    objects, values, fields = _maps(phone_of_2="601")
    [found] = propose_billings(objects, fields, values)
    assert (found.id, found.document, found.contact_table, found.documents) == (
        "billing:invoices", "invoice", "clients", 2,
    )  # fmt: skip
    assert THRESHOLD <= found.confidence < 0.9 and found.status == Status.PROPOSED
    evidence = " ".join(e.detail for e in found.evidence)
    assert "/send is never called" in evidence and "contact record is not changed" in evidence
    assert "2 of 3 invoices" in evidence
    doc = MappingDocument(billings=[found])
    assert parse_selector("--accept", "kind=billing").select(doc) == [found]
    assert parse_selector("--accept", "target=invoice").select(doc) == [found]


def test_no_proposal_when_every_contact_has_an_email_and_a_phone() -> None:
    objects, _, fields = _maps(phone_of_2="601")
    clients = [{"id": "1", "mail": "a@x.es", "tel": "6"}, {"id": "2", "mail": "b@x.es", "tel": "7"}]
    values = MemoryValues({"clients": clients, "invoices": [{"client": "1"}, {"client": "2"}]})
    assert propose_billings(objects, fields, values) == []


DDL = """CREATE SCHEMA exec; CREATE TABLE exec.records (target VARCHAR, source_object VARCHAR,
    source_key VARCHAR, "row" BIGINT, pass INTEGER, "values" VARCHAR, payload_hash VARCHAR)"""


def _compiled() -> tuple[duckdb.DuckDBPyConnection, list[RecordSpec]]:
    """Client 1 has an email and a phone; client 2 only a phone; client 3 neither."""
    con = duckdb.connect()
    con.execute(DDL)
    rows: list[tuple[str, str, str, dict[str, Any]]] = [
        ("contact", "clients", "1", {"firstName": "Ana", "email": "ana@x.es", "phone": "+34600000001"}),
        ("contact", "clients", "2", {"firstName": "Luis", "phone": "+34600000002"}),
        ("contact", "clients", "3", {"firstName": "Eva"}),
    ]
    for n in (1, 2, 3):
        line = {"name": "Obra", "qty": 1, "amount": 100, "taxRate": 21}
        values = {"invoiceNumber": f"F-{n}", "issueDate": "2024-05-01", "total": 121, "lines": [line]}
        rows.append(("invoice", "invoices", f"F{n}", {**values, "ref:contactId": str(n)}))
    for target, table, key, values in rows:
        con.execute(
            "INSERT INTO exec.records VALUES (?, ?, ?, ?, 1, ?, '')",
            [target, table, key, int(key[-1]), json.dumps(values)],
        )
    om = ObjectMap(
        id="object:invoices", source_object="invoices", targets=[ObjectTarget(object=TargetObject.INVOICE)]
    )
    return con, [
        RecordSpec("invoice", "invoices", om, om.targets[0], refs=[Ref("contactId", "contact", "clients")])
    ]


def _accepted(status: Status) -> MappingDocument:
    proposal = BusinessBilling(id="billing:invoices", source_object="invoices", document="invoice")
    proposal.decide(status, "ana")
    return MappingDocument(billings=[proposal])


BUSINESS = Location(id="L1", name="Reformas", email="oficina@reformas.es", phone="+34963000100")


def test_accepted_billing_makes_them_native_and_the_plan_names_each_and_its_source() -> None:
    con, specs = _compiled()
    billed = bill_to_business(con, specs, billed_tables(_accepted(Status.ACCEPTED)), BUSINESS)
    assert billed == [
        "invoice:invoices F-2 (contact clients:2): email from the location's own details "
        "(GET /locations/{locationId}), as accepted in billing:invoices",
        "invoice:invoices F-3 (contact clients:3): email and phone from the location's own details "
        "(GET /locations/{locationId}), as accepted in billing:invoices",
    ]
    line = plan_lines(billed)[0]
    assert line.startswith("documents: 2 whose contact has no email or phone anywhere")
    # grouped by table and by what the business lends, each number once: no line per document
    assert line.endswith(
        "native documents: invoice:invoices (email, 1): F-2; invoice:invoices (email and phone, 1): F-3"
    )
    assert carry_documents_as_notes(con, specs) == []  # every invoice stays native
    raw = con.execute("""SELECT "values" FROM exec.records WHERE source_key = 'F2'""").fetchone()
    assert raw is not None
    ids = Ids(records={"contact:clients:2": "HlLuis"})
    customer = customer_of(cast(Any, SimpleNamespace(ids=ids, con=con)), specs[0], json.loads(raw[0]))
    # the contact's own phone stays; only what it lacks comes from the business
    assert customer is not None and (customer.email, customer.phone) == (
        "oficina@reformas.es",
        "+34600000002",
    )
    contact = con.execute("""SELECT "values" FROM exec.records WHERE source_key = '2'""").fetchone()
    assert contact is not None and "email" not in json.loads(contact[0])  # the contact record is unchanged


def test_rejected_billing_keeps_the_note_fallback() -> None:
    con, specs = _compiled()
    assert bill_to_business(con, specs, billed_tables(_accepted(Status.REJECTED)), BUSINESS) == []
    [carried] = carry_documents_as_notes(con, specs)
    assert carried.which == (
        "F-2 (contact clients:2 has no email)",
        "F-3 (contact clients:3 has no email and phone)",
    )


def test_a_location_without_a_phone_leaves_what_needs_one_a_note_and_says_what_to_add() -> None:
    con, specs = _compiled()
    no_phone = Location(id="L1", name="Reformas", email="oficina@reformas.es")
    billed = bill_to_business(con, specs, {"invoices"}, no_phone)
    assert billed[0].startswith("invoice:invoices F-2 (contact clients:2): email from")
    assert billed[1].startswith("billing:invoices is accepted but the location has no phone")
    assert "1 invoices stay notes (F-3)" in billed[1]
    [carried] = carry_documents_as_notes(con, specs)
    assert [w.split(" ")[0] for w in carried.which] == ["F-3"]


def test_the_stand_in_serves_the_locations_details_and_takes_the_billed_invoice(
    sandbox: SandboxHandle,
) -> None:
    with sandbox.client() as http:
        answer = http.get(f"/locations/{sandbox.location_id}").json()
        contact = http.post("/contacts/", json={"locationId": sandbox.location_id, "firstName": "Eva"}).json()
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    schema = spec["components"]["schemas"]["GetLocationByIdSchema"]["properties"]
    for key in ("email", "phone"):
        jsonschema.validate(answer["location"][key], schema[key])
    eva = contact["contact"]["id"]
    report = DocumentReport()

    async def go() -> Location:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            location = (await pull_destination(hl)).location
            con, specs = _compiled()
            bill_to_business(con, specs, {"invoices"}, location)
            raw = con.execute("""SELECT "values" FROM exec.records WHERE source_key = 'F3'""").fetchone()
            assert raw is not None
            customer = customer_of(
                cast(Any, SimpleNamespace(ids=Ids(records={"contact:clients:3": eva}), con=con)),
                specs[0],
                json.loads(raw[0]),
            )
            assert customer is not None
            doc = document_of("invoice", "invoices", "F3", json.loads(raw[0]), customer, "EUR")
            await send_invoice(hl.invoices, doc, location.name, report)
            return location

    location = asyncio.run(go())
    assert (location.email, location.phone) == ("oficina@reformaslevante.es", "+34963000100")
    (made,) = report.created
    stored = next(i for i in sandbox.admin("GET", "records/invoices")["records"] if i["id"] == made.hl_id)
    assert stored["contactDetails"]["email"] == "oficina@reformaslevante.es"
    assert stored["contactDetails"]["id"] == eva and made.total == 121.0
    with sandbox.client() as http:
        kept = http.get(f"/contacts/{eva}").json()["contact"]
    assert not kept.get("email") and not kept.get("phone")  # the contact record is not changed
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0
