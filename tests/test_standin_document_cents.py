"""The stand-in totals a document in decimal cents, a half cent up, as the document's lines say.

10.35 plus 10 % tax is exactly 11.385: binary floats hold it as 11.38499… and rounded it down, a
cent below the lines' own sum (11.39), which the per-status comparison then reported as a difference
no document explained. Five STEL Order documents (F202200127, F202400162, F202300207, PRE00008,
PRE00210) lost a cent that way.
"""

from __future__ import annotations

import asyncio

from assistant.execute.document_apply import DocumentReport, send_estimate, send_invoice
from assistant.execute.documents import Customer, Line, SourceDocument, total_mismatch
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def test_a_half_cent_total_lands_as_its_lines_sum(sandbox: SandboxHandle) -> None:
    with sandbox.client() as http:
        body = {
            "locationId": sandbox.location_id,
            "firstName": "Ana",
            "email": "ana@x.es",
            "phone": "+34600000001",
        }
        contact = http.post("/contacts/", json=body).json()["contact"]["id"]
    customer = Customer(contact, "Ana", "ana@x.es", "+34600000001")
    lines = [Line("Visita", 1, 10.35, 10.0)]
    invoice = SourceDocument("inv:H1", "H-1", "2024-05-02", "EUR", 11.39, customer, lines)
    estimate = SourceDocument("est:7", "7", "2024-05-02", "EUR", 11.39, customer, lines, status="draft")
    assert invoice.line_sum == 11.39 and total_mismatch(invoice) is None
    report = DocumentReport()

    async def go() -> None:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            await send_invoice(hl.invoices, invoice, "Acme", report)
            await send_estimate(hl.invoices, estimate, "Acme", report)

    asyncio.run(go())
    assert not report.failed, report.failed
    assert [o.total for o in report.created] == [11.39, 11.39]
