"""Invoices and estimates sent through the client to the stand-in process: each status path, the
totals check, rollback (delete a draft, void a paid invoice) and no call that contacts anyone."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import duckdb
import httpx

from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.execute.document_apply import (
    VOID_KEPT_AS_DRAFT,
    DocumentOutcome,
    DocumentReport,
    RunLedger,
    send_estimate,
    send_invoice,
    undo_invoice,
)
from assistant.execute.documents import Customer, Line, SourceDocument, Status, invoice_body
from assistant.execute.rollback import RollbackReport, rollback
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.invoice_setup import new_customer
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
LINES = [Line("Materiales", None, None), Line("Boiler", 2, 100.0, 21.0, 10.0), Line("Labour", 1.5, 40.0)]
TOTAL = 2 * 90 * 1.21 + 60  # 277.80


def _contact(s: SandboxHandle) -> Customer:
    return new_customer(s, "Ana", "buyer", "+346000")


def _doc(customer: Customer, number: str, status: Status, **extra: Any) -> SourceDocument:
    values: dict[str, Any] = {"total": TOTAL, "lines": LINES, "due_date": "2024-06-01", **extra}
    return SourceDocument(
        f"inv:{number}", number, "2024-05-02", "EUR", customer=customer, status=status, **values
    )


def _run(
    s: SandboxHandle, *docs: SourceDocument, estimate: bool = False
) -> tuple[DocumentReport, HighLevelClient]:
    report = DocumentReport()

    async def go() -> None:
        async with HighLevelClient(s.url, s.location_id, Secret(s.token)) as hl:
            for doc in docs:
                await (send_estimate if estimate else send_invoice)(hl.invoices, doc, "Acme", report)

    asyncio.run(go())
    return report, HighLevelClient(s.url, s.location_id, Secret(s.token))


def _get(s: SandboxHandle, hl_id: str) -> dict[str, Any]:
    params = {"altId": s.location_id, "altType": "location"}
    with s.client() as http:
        return dict(http.get(f"/invoices/{hl_id}", params=params).json())


def test_each_status_path_lands_without_contacting_anyone(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    paid = _doc(buyer, "F-PAID", "paid", paid_amount=TOTAL, paid_at="2024-05-20T10:00:00Z")
    part = _doc(buyer, "F-PART", "partially_paid", paid_amount=100.0)
    report, _ = _run(sandbox, paid, part, _doc(buyer, "F-OPEN", "unpaid"), _doc(buyer, "F-VOID", "void"))
    assert report.failed == [] and report.mismatches == []
    by_key = {o.source_key: o for o in report.created}
    assert [by_key[f"inv:F-{n}"].status for n in ("PAID", "PART", "OPEN", "VOID")] == [
        "paid",
        "partially_paid",
        "draft",
        "draft",
    ]
    assert by_key["inv:F-VOID"].note == VOID_KEPT_AS_DRAFT
    stored = _get(sandbox, by_key["inv:F-PAID"].hl_id)
    assert stored["invoiceNumber"] == "F-PAID" and (stored["issueDate"], stored["dueDate"]) == (
        "2024-05-02",
        "2024-06-01",
    )
    assert [(i["name"], i["qty"], i["amount"]) for i in stored["invoiceItems"]] == [
        ("Boiler", 2, 90.0),
        ("Labour", 1.5, 40.0),
    ]
    assert stored["payments"][0]["fulfilledAt"] == "2024-05-20T10:00:00Z" and stored["total"] == round(
        TOTAL, 2
    )
    assert report.totals_by_status() == {"paid": 277.8, "partially_paid": 277.8, "draft": 555.6}
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0


def test_a_second_run_finds_the_invoice_by_number_instead_of_creating_it_again(
    sandbox: SandboxHandle,
) -> None:
    buyer = _contact(sandbox)
    doc = _doc(buyer, "F-TWICE", "paid", paid_amount=TOTAL)
    first, _ = _run(sandbox, doc)
    second, _ = _run(sandbox, doc)
    assert second.created[0].hl_id == first.created[0].hl_id and second.created[0].status == "paid"
    invoices = sandbox.admin("GET", "records/invoices")["records"]
    assert sum(1 for i in invoices if i["invoiceNumber"] == "F-TWICE") == 1


def test_a_total_that_disagrees_with_the_lines_is_reported_not_fixed(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    report, _ = _run(sandbox, _doc(buyer, "F-ODD", "unpaid", total=300.0))
    (mismatch,) = report.mismatches
    assert (mismatch.line_sum, mismatch.stated_total, mismatch.currency) == (277.8, 300.0, "EUR")
    assert "F-ODD" in mismatch.describe() and report.created[0].total == 277.8


def test_rollback_deletes_drafts_and_voids_paid_invoices(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    report, _ = _run(sandbox, _doc(buyer, "F-RB1", "unpaid"), _doc(buyer, "F-RB2", "paid", paid_amount=TOTAL))
    draft_id, paid_id = (o.hl_id for o in report.created)

    async def undo() -> list[str]:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            return [await undo_invoice(hl.invoices, i) for i in (draft_id, paid_id, paid_id)]

    said = asyncio.run(undo())
    assert said == ["deleted", "voided: HighLevel does not delete a paid invoice", "already void"]
    assert _get(sandbox, paid_id)["status"] == "void"
    with httpx.Client(base_url=sandbox.url, headers=sandbox.headers()) as http:
        params = {"altId": sandbox.location_id, "altType": "location"}
        assert http.get(f"/invoices/{draft_id}", params=params).status_code == 400


def test_estimates_keep_lines_and_a_numeric_number(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    report, _ = _run(sandbox, _doc(buyer, "700", "draft"), _doc(buyer, "PRE-7", "draft"), estimate=True)
    assert report.failed == [] and [o.total for o in report.created] == [277.8, 277.8]
    stored = sandbox.admin("GET", "records/estimates")["records"]
    assert {e["estimateNumber"] for e in stored} >= {700} and any(
        e["name"].startswith("Estimate PRE-7") for e in stored
    )
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0


def test_a_lost_create_answer_is_resolved_by_the_invoice_number(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    doc = _doc(buyer, "F-LOST", "unpaid", pdf_url="https://files.example.com/F-LOST.pdf")
    sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
    try:
        report = DocumentReport()

        async def go() -> None:
            async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
                result = await hl.invoices.create(invoice_body(doc, "Acme"))
                report.created.append(DocumentOutcome(doc.source_key, result.id, result.outcome.value, 0.0))

        asyncio.run(go())
    finally:
        sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
    (outcome,) = report.created
    invoices = [
        i for i in sandbox.admin("GET", "records/invoices")["records"] if i["invoiceNumber"] == "F-LOST"
    ]
    assert len(invoices) == 1 and outcome.hl_id == invoices[0]["id"] and outcome.status == "recovered"
    assert invoices[0]["attachments"][0]["url"] == "https://files.example.com/F-LOST.pdf"


def test_estimate_status_is_set_by_an_update_and_nothing_is_sent(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    docs = (_doc(buyer, "801", "accepted"), _doc(buyer, "802", "declined"), _doc(buyer, "803", "draft"))
    report, _ = _run(sandbox, *docs, estimate=True)
    assert [o.status for o in report.created] == ["accepted", "declined", "draft"]
    again, _ = _run(sandbox, docs[0], estimate=True)
    assert again.created[0].hl_id == report.created[0].hl_id
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0


def test_a_contact_without_a_phone_fails_that_invoice_with_a_line_naming_it(sandbox: SandboxHandle) -> None:
    buyer = _contact(sandbox)
    no_phone = Customer(buyer.contact_id, buyer.name, buyer.email, "")
    report, _ = _run(sandbox, _doc(no_phone, "F-NOPHONE", "unpaid"), _doc(buyer, "F-FINE", "unpaid"))
    ((key, reason),) = report.failed
    assert key == "inv:F-NOPHONE" and "contactDetails.phoneNo should not be empty" in reason
    assert [o.source_key for o in report.created] == ["inv:F-FINE"]


def test_a_ledgered_run_is_rolled_back_by_deleting_drafts_and_voiding_paid_invoices(
    sandbox: SandboxHandle, tmp_path: Path
) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE SCHEMA exec")
    run_id = ledger.new_run(con, "full", sandbox.location_id, sandbox.url)
    buyer = _contact(sandbox)
    docs = (_doc(buyer, "F-L1", "unpaid"), _doc(buyer, "F-L2", "paid", paid_amount=TOTAL))
    report = DocumentReport()

    async def go() -> RollbackReport:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            books = RunLedger(con, run_id)
            for doc in docs:
                await send_invoice(hl.invoices, doc, "Acme", report, books)
            await send_estimate(hl.invoices, _doc(buyer, "901", "accepted"), "Acme", report, books)
            audit = AuditLog(con, tmp_path / "audit.jsonl", run_id, with_payloads=False)
            return await rollback(hl, con, run_id, audit)

    undone = asyncio.run(go())
    rows = con.execute("SELECT object, outcome, status FROM exec.ledger ORDER BY op_id").fetchall()
    assert rows == [("estimate", "created", "rolled_back"), *[("invoice", "created", "rolled_back")] * 2]
    paid_id = report.created[1].hl_id
    assert undone.deleted == 2 and undone.failed == []
    assert (
        f"invoice {paid_id} (inv:F-L2) voided: HighLevel does not delete a paid invoice" in undone.cannot_undo
    )
    assert _get(sandbox, paid_id)["status"] == "void"
    assert [
        e for e in sandbox.admin("GET", "records/estimates")["records"] if e.get("estimateNumber") == 901
    ] == []


def test_a_paid_invoice_the_source_rounds_half_a_cent_down_is_paid_in_full(sandbox: SandboxHandle) -> None:
    """12.50 at 21 % is 2.625 of tax: the source states 15.12 and was paid that; HighLevel's total is
    15.13. A cent left due would read as unpaid, so the payment is HighLevel's total, said beside it;
    a paid invoice whose stated total is off by more than rounding stays part paid."""
    buyer = _contact(sandbox)
    tap = [Line("Tap", 1, 12.50, 21.0)]
    rounded = _doc(buyer, "F-HALF", "paid", total=15.12, lines=tap, paid_amount=15.12)
    edited = _doc(buyer, "F-EDIT", "paid", total=15.0, lines=tap, paid_amount=15.0)
    report, _ = _run(sandbox, rounded, edited)
    by_key = {o.source_key: o for o in report.created}
    half, edit = by_key["inv:F-HALF"], by_key["inv:F-EDIT"]
    assert (half.status, half.total) == ("paid", 15.13)
    assert half.note.startswith(
        "paid in full in the source: the payment is recorded as HighLevel's total, 0.01"
    )
    assert [p["amount"] for p in _get(sandbox, half.hl_id)["payments"]] == [15.13]
    assert (edit.status, edit.note) == ("partially_paid", "")
    assert {m.number for m in report.mismatches} == {"F-HALF", "F-EDIT"}  # both still reported
