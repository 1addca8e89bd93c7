"""Line amounts as the source rounds them reach HighLevel's total to the cent.

STEL-like lines: 12.5 units at 18.90 less 10 % is 212.625, which the source states as 212.63 (or,
rounding its floats, as 212.62). HighLevel multiplies quantity by unit amount without rounding the
line, so sending the net unit price (17.01) would make HighLevel's total differ from the source's
by a cent. The unit amount sent is the stated line amount over the quantity; the stand-in's total
then equals the source's. A tax ending in half a cent that the source rounds down is reported with
that reason, never fixed.
"""

from __future__ import annotations

import asyncio

from assistant.execute.document_apply import DocumentReport, send_invoice
from assistant.execute.documents import HALF_CENT_TAX, Customer, Line, SourceDocument, items, total_mismatch
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.invoice_setup import new_customer
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def _contact(s: SandboxHandle) -> Customer:
    return new_customer(s, "Eva", "round", "+346100")


def _send(s: SandboxHandle, doc: SourceDocument) -> float:
    report = DocumentReport()

    async def go() -> None:
        async with HighLevelClient(s.url, s.location_id, Secret(s.token)) as hl:
            await send_invoice(hl.invoices, doc, "Acme", report)

    asyncio.run(go())
    assert not report.failed, report.failed
    return report.created[0].total


def test_a_line_rounded_to_cents_by_the_source_lands_with_the_source_total(sandbox: SandboxHandle) -> None:
    # ordinaryInvoices 300023: lines 212.62 + 25.00 + 694.80 = 932.42, tax 172.42, total 1104.84.
    # Sent as 12.5 x 17.01 (212.625), HighLevel's total is 1104.85.
    lines = [
        Line("Zócalo", 12.5, 18.9, 10.0, 10.0, 212.62),
        Line("Visita", 1, 25.0, 21.0, 0.0, 25.0),
        Line("Plato", 8, 96.5, 21.0, 10.0, 694.8),
    ]
    doc = SourceDocument("inv:R1", "R-1", "2024-05-02", "EUR", 1104.84, _contact(sandbox), lines)
    assert total_mismatch(doc) is None
    assert items(doc)[0]["amount"] == 17.0096  # 212.62 / 12.5: the line's own amount, not 12.5 x 17.01

    assert _send(sandbox, doc) == 1104.84


def test_the_stated_line_amount_wins_over_the_computed_one(sandbox: SandboxHandle) -> None:
    # The source rounded its float 212.625 down: the line says 212.62, and so does its total.
    lines = [Line("Zócalo", 12.5, 18.9, 0.0, 10.0, 212.62)]
    doc = SourceDocument("inv:R2", "R-2", "2024-05-02", "EUR", 212.62, _contact(sandbox), lines)
    assert total_mismatch(doc) is None

    assert _send(sandbox, doc) == 212.62


def test_a_half_cent_of_tax_the_source_rounds_down_is_reported_with_that_reason() -> None:
    # 148.50 at 21 % is 31.185 of tax: the source states 179.68, the lines say 179.69.
    doc = SourceDocument("inv:R3", "R-3", "2024-05-02", "EUR", 179.68, Customer("c"),
                         [Line("Mampara", 1, 165.0, 21.0, 10.0, 148.5)])  # fmt: skip
    mismatch = total_mismatch(doc)
    assert mismatch is not None and mismatch.reason == HALF_CENT_TAX
    assert "179.69" in mismatch.describe() and "179.68" in mismatch.describe()
    off = SourceDocument("inv:R4", "R-4", "2024-05-02", "EUR", 170.00, Customer("c"), doc.lines)
    assert total_mismatch(off) is not None and total_mismatch(off).reason == ""  # type: ignore[union-attr]
