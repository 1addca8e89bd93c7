"""The tiny migration with invoices: its mapping, its invoice and line tables, and invoice contacts.

Shared by the invoice tests that run against the stand-in; each test names its own invoice rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.execute.documents import Customer
from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle
from tests.test_execute_support import document, field_map

INV = TargetObject.INVOICE
INVOICE_COLUMNS = ["id", "client_id", "number", "date", "due", "total", "status"]


def invoice_document() -> MappingDocument:
    """The tiny migration's map plus an invoice table and its nested lines (``_parent_key``)."""
    doc = document()
    doc.objects += [
        ObjectMap(id="object:invoices", source_object="invoices", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=INV)]),
        ObjectMap(id="object:lines", source_object="lines", parent_object="invoices", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=INV, role="line_items")]),
    ]  # fmt: skip
    lookup = {"kind": TransformKind.LOOKUP, "params": {"object": "clients"}}
    doc.fields += [
        field_map("invoices", ["number"], INV, "invoiceNumber"),
        field_map("invoices", ["date"], INV, "issueDate"),
        field_map("invoices", ["due"], INV, "dueDate"),
        field_map("invoices", ["total"], INV, "total"),
        field_map("invoices", ["status"], INV, "status"),
        field_map("invoices", ["client_id"], INV, "contactId", **lookup),  # type: ignore[arg-type]
        field_map("lines", ["name"], INV, "name"),
        field_map("lines", ["qty"], INV, "qty"),
        field_map("lines", ["price"], INV, "amount"),
        field_map("lines", ["tax"], INV, "taxRate"),
    ]
    return doc


def add_invoice_tables(
    ws: Workspace, invoices: Sequence[tuple[str, ...]], lines: Sequence[tuple[str, ...]]
) -> None:
    """Raw ``invoices`` (INVOICE_COLUMNS) and ``lines`` (parent, name, qty, price, tax), as ingested."""
    con = ws.connect()
    columns = ", ".join(c + " VARCHAR" for c in INVOICE_COLUMNS)
    con.execute(f'CREATE TABLE raw.invoices ({columns}, "_row" BIGINT)')
    con.executemany("INSERT INTO raw.invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(*r, i + 1) for i, r in enumerate(invoices)])  # fmt: skip
    con.execute(
        'CREATE TABLE raw.lines ("_parent_key" VARCHAR, name VARCHAR, qty VARCHAR, price VARCHAR, '
        'tax VARCHAR, "_row" BIGINT)'
    )
    con.executemany("INSERT INTO raw.lines VALUES (?, ?, ?, ?, ?, ?)",
                    [(*r, i + 1) for i, r in enumerate(lines)])  # fmt: skip
    ws.close()


def new_customer(s: SandboxHandle, first_name: str, email_prefix: str, phone_prefix: str) -> Customer:
    """A contact created in the stand-in with an email and a phone no earlier contact there has."""
    n = len(s.admin("GET", "records/contacts")["records"])
    email, phone = f"{email_prefix}{n}@x.es", f"{phone_prefix}{n:05d}"
    with s.client() as http:
        body = {"locationId": s.location_id, "firstName": first_name, "email": email, "phone": phone}
        cid = http.post("/contacts/", json=body).json()["contact"]["id"]
    return Customer(cid, first_name, email, phone)
