"""Every invoice of the seeded STEL Order fixture sent as a native HighLevel invoice to the stand-in.

Run: ``python -m tests.benchmarks.bench_invoices``

Starts the stand-in as a process, creates one contact per client, sends each invoice with its
lines through ``assistant.execute.document_apply`` and prints, per status, the count and the sum
of totals in the source and in the destination, the totals-check mismatches, the failures, and
how many send/charge calls the stand-in recorded (the target is 0). The status comes from the
amounts (paid in full, in part, not at all); the export has no payment date, so payments are dated
with the issue date. Asserts nothing. This reads the fixture's own column names: it is a figure
for the document pass, not the mapping the proposer would make.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from assistant.execute.document_apply import DocumentReport, send_invoice
from assistant.execute.documents import Customer, Line, SourceDocument, Status
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle, start_sandbox

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "stel_order" / "source"


def _status(row: dict[str, Any]) -> Status:
    paid, total = float(row["paid-total-amount"]), float(row["total-amount"])
    return "paid" if paid >= total else ("partially_paid" if paid > 0 else "unpaid")


def _document(row: dict[str, Any], customer: Customer) -> SourceDocument:
    lines = [
        Line(
            str(line.get("item-name") or ""),
            line.get("units"),
            line.get("item-base-price"),
            float(line.get("primary-tax-percentage") or 0),
            float(line.get("discount-percentage") or 0),
        )
        for line in row["lines"]
    ]
    return SourceDocument(
        f"ordinaryInvoices:{row['id']}",
        str(row["full-reference"]),
        str(row["date"])[:10],
        str(row["currency-code"]),
        float(row["total-amount"]),
        customer,
        lines,
        _status(row),
        due_date=str(row["due-date"])[:10] if row.get("due-date") else None,
        paid_amount=float(row["paid-total-amount"]),
        title=str(row.get("title") or ""),
    )


async def _run(s: SandboxHandle, clients: list[dict[str, Any]], rows: list[dict[str, Any]]) -> DocumentReport:
    report = DocumentReport()
    async with HighLevelClient(s.url, s.location_id, Secret(s.token)) as hl:
        customers: dict[int, Customer] = {}
        for c in clients:
            fields = {
                "companyName": c["name"],
                "email": c.get("email") or None,
                "phone": c.get("phone") or None,
            }
            made = await hl.contacts.create(fields)
            customers[c["id"]] = Customer(made.id, c["name"], c.get("email") or "", c.get("phone") or "")
        for row in rows:
            await send_invoice(hl.invoices, _document(row, customers[row["account-id"]]), "Demo", report)
    return report


def main() -> None:
    clients = json.loads((SOURCE / "clients.json").read_text(encoding="utf-8"))
    rows = json.loads((SOURCE / "ordinaryInvoices.json").read_text(encoding="utf-8"))
    with start_sandbox(rate_limit=100_000) as sandbox:
        report = asyncio.run(_run(sandbox, clients, rows))
        messages = sandbox.admin("GET", "state")["counts"]["customerMessages"]
    sent = {o.source_key.split(":")[1] for o in report.created}
    source: dict[str, list[float]] = {}
    for row in rows:
        if str(row["id"]) in sent:
            source.setdefault(_status(row), []).append(float(row["total-amount"]))
    dest: dict[str, list[float]] = {}
    for outcome in report.created:
        dest.setdefault(outcome.status, []).append(outcome.total)
    print(
        f"invoices in the source: {len(rows)}; created: {len(report.created)}; failed: {len(report.failed)}"
    )
    for status, totals in sorted(source.items()):
        print(f"  source {status:<15} {len(totals):>4} invoices  {sum(totals):>12.2f}")
    for status, totals in sorted(dest.items()):
        print(f"  HighLevel {status:<12} {len(totals):>4} invoices  {sum(totals):>12.2f}")
    print(f"totals-check mismatches (reported, not fixed): {len(report.mismatches)}")
    for key, reason in report.failed[:3]:
        print(f"  failed {key}: {reason}")
    print(f"send / text-to-pay calls recorded by the stand-in: {messages}")


if __name__ == "__main__":
    main()
